#!/usr/bin/env node
// Submits a training task to an Assay chain with polkadot.js, follows it to the end, and
// prints the outcome: the verdict, who was paid or slashed what, the final model's hash and,
// when the solver's artifacts are reachable, the model itself checked against the chain.
//
//   node scripts/submit-task.mjs --spec task.json [--node ws://127.0.0.1:9944] [--key //Alice]
//       [--reward 20] [--fee 1] [--out model.safetensors] [--json]
//
// task.json is a TaskSpec as polkadot.js writes it (see docs/operators.md), for example:
//   { "model": { "Mlp": { "layers": [64, 32, 10] } },
//     "dataset": { "uri": "http://127.0.0.1:8600/digits.csv.gz", "sha256": "0x6ebb…",
//                  "format": "Csv", "trainSamples": 1500 },
//     "hyper": { "optimizer": "Adam", "learningRate": "0.01", "batchSize": 32,
//                "totalSteps": 200, "seed": 7, "checkpointInterval": 50 },
//     "verification": { "mode": "Exact", "sampledSegments": 2, "verifiers": 2 },
//     "hardware": { "device": "Cpu", "memoryGib": 1 }, "deadlineBlocks": 100 }
// Fixed-point fields (learningRate, a Tolerance threshold) take a decimal string.
//
// Exit status: 0 settled, 1 failed/expired/cancelled/abandoned, 2 bad input or no connection.

import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// polkadot.js is installed once, with the end-to-end tests (scripts/setup.sh).
const require = createRequire(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'e2e', 'package.json'));
const { ApiPromise, WsProvider, Keyring } = require('@polkadot/api');
const { cryptoWaitReady } = require('@polkadot/util-crypto');

const ASY = 10n ** 12n;
const FIXED_ONE = 10n ** 9n;

function usage(message) {
  if (message) console.error(`error: ${message}`);
  console.error('usage: submit-task.mjs --spec FILE [--node URL] [--key SURI] [--reward ASY] [--fee ASY] [--out FILE] [--json] [--timeout-blocks N]');
  process.exit(2);
}

function parseArgs(argv) {
  const args = { node: 'ws://127.0.0.1:9944', key: '//Alice', reward: '20', fee: '1', json: false, timeoutBlocks: 600 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => argv[++i] ?? usage(`${flag} needs a value`);
    switch (flag) {
      case '--spec': args.spec = value(); break;
      case '--node': args.node = value(); break;
      case '--key': args.key = value(); break;
      case '--reward': args.reward = value(); break;
      case '--fee': args.fee = value(); break;
      case '--out': args.out = value(); break;
      case '--json': args.json = true; break;
      case '--timeout-blocks': args.timeoutBlocks = Number(value()); break;
      case '-h': case '--help': usage(); break;
      default: usage(`unknown argument ${flag}`);
    }
  }
  if (!args.spec) usage('--spec is required');
  return args;
}

/** "0.01" → 10_000_000n (the runtime's 9-decimal fixed point). */
function fixed(text) {
  const match = /^(\d+)(?:\.(\d{1,9}))?$/.exec(String(text));
  if (!match) usage(`not a non-negative decimal: ${text}`);
  return BigInt(match[1]) * FIXED_ONE + BigInt((match[2] ?? '').padEnd(9, '0'));
}

/** ASY amount ("20", "0.5") → plancks. */
function plancks(text) {
  const match = /^(\d+)(?:\.(\d{1,12}))?$/.exec(String(text));
  if (!match) usage(`not an amount: ${text}`);
  return BigInt(match[1]) * ASY + BigInt((match[2] ?? '').padEnd(12, '0'));
}

function readSpec(file) {
  let spec;
  try {
    spec = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    usage(`${file}: ${e.message}`);
  }
  // Every fixed-point field may be written as a decimal string.
  const toFixed = (object, field) => {
    if (object && typeof object[field] === 'string') object[field] = fixed(object[field]);
  };
  toFixed(spec.hyper, 'learningRate');
  toFixed(spec.hyper?.optimizer?.Momentum, 'momentum');
  for (const field of ['beta1', 'beta2', 'epsilon']) toFixed(spec.hyper?.optimizer?.Adam, field);
  toFixed(spec.verification?.mode?.Tolerance, 'threshold');
  return spec;
}

const asy = (plancks) => `${(Number(BigInt(plancks)) / Number(ASY)).toFixed(3)} ASY`;
const short = (account) => `${String(account).slice(0, 8)}…`;
const sha256 = (bytes) => createHash('sha256').update(bytes).digest();

/** The Merkle root the pallets use: leaves sha256(0x00‖h), nodes sha256(0x01‖l‖r), odd node promoted. */
function merkleRoot(leaves) {
  let level = leaves.map((leaf) => sha256(Buffer.concat([Buffer.from([0]), leaf])));
  while (level.length > 1) {
    const next = [];
    for (let i = 0; i < level.length; i += 2) {
      next.push(i + 1 < level.length ? sha256(Buffer.concat([Buffer.from([1]), level[i], level[i + 1]])) : level[i]);
    }
    level = next;
  }
  return level[0];
}

/** Signs, sends, resolves with the events once finalized; rejects with the pallet error's name. */
function send(api, tx, signer) {
  return new Promise((resolve, reject) => {
    let unsubscribe;
    tx.signAndSend(signer, ({ status, events, dispatchError }) => {
      if (dispatchError) {
        unsubscribe?.();
        if (dispatchError.isModule) {
          const { section, name, docs } = api.registry.findMetaError(dispatchError.asModule);
          reject(new Error(`${section}.${name}: ${docs.join(' ')}`));
        } else {
          reject(new Error(dispatchError.toString()));
        }
      } else if (status.isFinalized) {
        unsubscribe?.();
        resolve(events);
      } else if (status.isInvalid || status.isDropped || status.isUsurped) {
        unsubscribe?.();
        reject(new Error(`transaction ${status.type}`));
      }
    }).then((u) => { unsubscribe = u; }, reject);
  });
}

/** An event's named fields as a plain object, camelCase keys (`accept_by` → `acceptBy`). */
/** A `Subject` (what a claim is about) as JSON, in words. */
function subject(json) {
  return json && json.segment !== undefined ? `segment ${json.segment}` : 'the initial state h_0';
}

function eventFields(event) {
  const names = event.data.names ?? [];
  const camel = (name) => name.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
  return Object.fromEntries(names.map((name, i) => [camel(name), event.data[i].toJSON()]));
}

/** Follows task `id` through finalized blocks; resolves with the outcome. */
function follow(api, id, { log, timeoutBlocks }) {
  const outcome = { payments: [], slashes: [] };
  let firstBlock;
  return new Promise((resolve, reject) => {
    const unsubscribe = api.rpc.chain.subscribeFinalizedHeads(async (header) => {
      try {
        const number = header.number.toNumber();
        firstBlock ??= number;
        if (number - firstBlock > timeoutBlocks) {
          (await unsubscribe)();
          reject(new Error(`no outcome after ${timeoutBlocks} blocks`));
          return;
        }
        const apiAt = await api.at(header.hash);
        const events = await apiAt.query.system.events();
        for (const { event } of events) {
          const data = eventFields(event);
          const key = `${event.section}.${event.method}`;
          const about = data?.task;
          if (key === 'roleStaking.Slashed' || key === 'roleStaking.CollateralSlashed') {
            outcome.slashes.push({ key, data });
          }
          if (about === undefined || about === null || String(about) !== String(id)) continue;
          const say = (text) => log(`#${number} ${text}`);
          switch (key) {
            case 'taskPool.TaskAssigned': say(`assigned to solver ${short(data.solver)}, accept by #${data.acceptBy}`); break;
            case 'taskPool.SolverPassedOver': say(`solver ${short(data.solver)} passed over (${JSON.stringify(data.reason)}), slashed ${asy(data.slashed)}`); break;
            case 'taskPool.TaskAccepted': say(`accepted; collateral ${asy(data.collateral)}, commit by #${data.commitBy}`); break;
            case 'proofOfLearning.CheckpointsCommitted':
              outcome.commitment = { checkpoints: data.commitment.checkpoints, finalModel: data.commitment.finalModel };
              outcome.artifactUri = Buffer.from(data.artifactUri.slice(2), 'hex').toString();
              say(`checkpoints committed, sealed: ${data.commitment.sealed.slice(0, 18)}…, ${data.commitment.checkpoints} checkpoints, to be served at ${outcome.artifactUri}`);
              break;
            case 'proofOfLearning.ShowDue': say(`segments ${data.segments.join(', ')} sampled; the solver shows its root by #${data.showBy}`); break;
            case 'proofOfLearning.CheckpointsShown': say(`root shown: ${data.root.slice(0, 18)}…`); break;
            case 'proofOfLearning.DisclosureDue': say(`verdicts in; the solver discloses its seal by #${data.discloseBy}`); break;
            case 'proofOfLearning.CheckpointsDisclosed':
              outcome.commitment = { ...outcome.commitment, root: data.root };
              say(`seal disclosed: true root ${data.root.slice(0, 18)}…${data.forced === null || data.forced === undefined ? '' : `, segment ${data.forced} was a forced error`}`);
              break;
            case 'proofOfLearning.ForcedErrorSettled': say(`forced error on segment ${data.segment}: found by ${data.finders.map(short).join(', ') || 'nobody'} (jackpot ${asy(data.prize)}), missed by ${data.missed.map(short).join(', ') || 'nobody'}`); break;
            case 'proofOfLearning.SealBroken': say('the solver did not show or disclose in time'); break;
            case 'proofOfLearning.VerificationStarted': say(`verifiers ${data.verifiers.map(short).join(', ')} replay segments ${data.segments.join(', ')}`); break;
            case 'proofOfLearning.VerdictCommitted': say(`verdict committed by ${short(data.verifier)}`); break;
            case 'proofOfLearning.VerdictRevealed': say(`verdict revealed by ${short(data.verifier)}: ${data.failed.length ? `${data.failed.map(subject).join(', ')} FAIL` : 'h_0 and every segment pass'}`); break;
            case 'proofOfLearning.VerifierDropped': say(`verifier ${short(data.verifier)} dropped, slashed ${asy(data.slashed)}`); break;
            case 'proofOfLearning.VerificationPassed': say(`verification passed; challenge window until #${data.challengeUntil}`); break;
            case 'proofOfLearning.VerificationDisputed': say(`verification disputed${data.subject ? ` (${subject(data.subject)})` : ''}`); break;
            case 'proofOfLearning.VerifierSlashed': say(`verifier ${short(data.verifier)} slashed ${asy(data.slashed)}`); outcome.slashes.push({ key, data }); break;
            case 'dispute.DisputeOpened': say(`dispute on ${subject(data.subject)}: ${short(data.challenger)} challenges ${short(data.defender)}`); break;
            case 'dispute.JuryDrawn': say(`jury ${data.jurors.map(short).join(', ')} judges ${subject(data.subject)}`); break;
            case 'dispute.JuryHung': say(`jury reached no majority (holds ${data.votes.holds}, wrong ${data.votes.wrong}, unavailable ${data.votes.unavailable}); a fresh one is drawn`); break;
            case 'dispute.DisputeResolved': say(`dispute resolved: the jury found the solver's committed state ${data.outcome}`); break;
            case 'taskPool.VerifierPaid': outcome.payments.push({ to: data.verifier, amount: data.fee, for: 'verification fee' }); break;
            case 'taskPool.TaskSettled':
              outcome.payments.push({ to: data.solver, amount: data.reward, for: 'reward' });
              Object.assign(outcome, { result: 'settled', solver: data.solver, refunded: data.refunded });
              say(`SETTLED: solver ${short(data.solver)} paid ${asy(data.reward)}, collateral ${asy(data.collateralReleased)} released, ${asy(data.refunded)} refunded`);
              break;
            case 'taskPool.TaskFailed':
              Object.assign(outcome, { result: 'failed', solver: data.solver, refunded: data.refunded, solverSlashed: data.slashed });
              say(`FAILED: solver ${short(data.solver)} slashed ${asy(data.slashed)}, ${asy(data.refunded)} refunded to the submitter`);
              break;
            case 'taskPool.TaskAbandoned': Object.assign(outcome, { result: 'abandoned', refunded: data.refunded }); say('abandoned: every stake returned'); break;
            case 'taskPool.TaskExpired': Object.assign(outcome, { result: 'expired', refunded: data.refunded }); say(`expired (${JSON.stringify(data.reason)})`); break;
            case 'taskPool.TaskCancelled': Object.assign(outcome, { result: 'cancelled', refunded: data.refunded }); break;
            default: break;
          }
        }
        if (outcome.result) {
          outcome.block = number;
          (await unsubscribe)();
          resolve(outcome);
        }
      } catch (e) {
        reject(e);
      }
    });
  });
}

/** Downloads the final checkpoint from the solver and checks it against the commitment. */
async function fetchModel(outcome, id, out) {
  const base = outcome.artifactUri.replace(/\/$/, '');
  const list = await fetch(`${base}/tasks/${id}/checkpoints`);
  if (!list.ok) throw new Error(`${base}: HTTP ${list.status}`);
  const leaves = (await list.text()).trim().split('\n').map((h) => Buffer.from(h, 'hex'));
  const root = merkleRoot(leaves).toString('hex');
  if (`0x${root}` !== outcome.commitment.root) throw new Error(`the served checkpoint list does not hash to the committed root`);
  const last = leaves[leaves.length - 1].toString('hex');
  const blob = await fetch(`${base}/blobs/${last}`);
  if (!blob.ok) throw new Error(`final checkpoint: HTTP ${blob.status}`);
  const bytes = Buffer.from(await blob.arrayBuffer());
  fs.writeFileSync(out, bytes);
  return { finalCheckpoint: `0x${last}`, file: out };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const spec = readSpec(args.spec);
  const log = args.json ? () => {} : (text) => console.log(text);
  await cryptoWaitReady();
  const submitter = new Keyring({ type: 'sr25519' }).addFromUri(args.key);
  let api;
  try {
    api = await ApiPromise.create({ provider: new WsProvider(args.node, 2_000, {}, 30_000), noInitWarn: true, throwOnConnect: true });
  } catch (e) {
    console.error(`error: cannot connect to ${args.node}: ${e.message}`);
    process.exit(2);
  }
  let events;
  try {
    events = await send(api, api.tx.taskPool.submitTask(spec, plancks(args.reward), plancks(args.fee)), submitter);
  } catch (e) {
    console.error(`error: the chain refused the task: ${e.message}`);
    await api.disconnect();
    process.exit(2);
  }
  const submitted = events.find(({ event }) => event.section === 'taskPool' && event.method === 'TaskSubmitted');
  const id = submitted.event.data.task.toString();
  log(`task ${id} submitted by ${short(submitter.address)}: escrow ${asy(submitted.event.data.escrow)}, expires at #${submitted.event.data.expiresAt}`);

  const outcome = await follow(api, id, { log, timeoutBlocks: args.timeoutBlocks });
  outcome.task = id;
  if (outcome.result === 'settled' && outcome.artifactUri) {
    try {
      Object.assign(outcome, await fetchModel(outcome, id, args.out ?? `task-${id}-model.safetensors`));
      log(`final model: ${outcome.file} (checkpoint ${outcome.finalCheckpoint.slice(0, 18)}…, checked against the committed root)`);
    } catch (e) {
      log(`final model not fetched: ${e.message}`);
    }
  }
  if (outcome.commitment) log(`final model hash (committed): ${outcome.commitment.finalModel}`);
  for (const payment of outcome.payments) log(`paid ${asy(payment.amount)} to ${short(payment.to)} (${payment.for})`);
  if (outcome.refunded !== undefined) log(`refunded ${asy(outcome.refunded)} to the submitter`);
  if (args.json) console.log(JSON.stringify(outcome, (_, v) => (typeof v === 'bigint' ? v.toString() : v)));
  await api.disconnect();
  process.exit(outcome.result === 'settled' ? 0 : 1);
}

main().catch((e) => {
  console.error(`error: ${e.message}`);
  process.exit(2);
});
