// One full honest task through polkadot.js on a dev node: a solver bonds and trains (here its
// checkpoint hashes are made by hand), commits their Merkle root; the chain samples segments
// and draws verifiers; the verifiers commit to and reveal verdicts with Merkle proofs; the
// challenge window passes and the task settles: the solver is paid the reward, each verifier
// its fee.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';

import { Keyring } from '@polkadot/keyring';
import { stringToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import {
  ASY,
  findEvent,
  freeBalance,
  sendAndWaitFinalized,
  useDevNode,
  waitUntil,
  withLogsOnFailure,
} from './lib/node.mjs';

const sha256 = (...parts) => new Uint8Array(createHash('sha256').update(u8aConcat(...parts)).digest());

// The checkpoint Merkle tree of primitives/src/merkle.rs: leaf sha256(0x00 ‖ h), node
// sha256(0x01 ‖ left ‖ right), an odd last node promoted.
const leafHash = (h) => sha256(new Uint8Array([0]), h);
const nodeHash = (l, r) => sha256(new Uint8Array([1]), l, r);
function nextLevel(level) {
  const next = [];
  for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? nodeHash(level[i], level[i + 1]) : level[i]);
  return next;
}
function merkleRoot(leaves) {
  let level = leaves.map(leafHash);
  while (level.length > 1) level = nextLevel(level);
  return level[0];
}
function merkleProof(leaves, index) {
  let level = leaves.map(leafHash);
  const siblings = [];
  while (level.length > 1) {
    const sibling = level[index ^ 1];
    if (sibling) siblings.push(sibling);
    level = nextLevel(level);
    index = Math.floor(index / 2);
  }
  return siblings.map((s) => u8aToHex(s));
}

/** A task of 10 segments (100 steps, checkpoint every 10), 2 sampled, 2 verifiers. */
function taskSpec() {
  return {
    model: { Mlp: { layers: [64, 32, 10] } },
    dataset: { uri: 'https://example.org/digits.csv', sha256: `0x${'07'.repeat(32)}`, format: 'Csv', trainSamples: 1797 },
    hyper: { optimizer: 'Sgd', learningRate: 10_000_000, batchSize: 16, totalSteps: 100, seed: 42, checkpointInterval: 10 },
    verification: { mode: 'Exact', sampledSegments: 2, verifiers: 2 },
    hardware: { device: 'Cpu', memoryGib: 1 },
    deadlineBlocks: 100,
  };
}

describe('a full honest task to settlement through polkadot.js (--dev)', () => {
  const { dev, nodes } = useDevNode('verify');
  const accounts = {};
  let api;

  before(async () => {
    await cryptoWaitReady();
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    for (const name of ['Alice', 'Bob', 'Charlie', 'Dave']) accounts[name] = keyring.addFromUri(`//${name}`);
    api = dev.api;
  });

  it(
    'commits, samples, verifies by commit-reveal and settles',
    { timeout: 900_000 },
    withLogsOnFailure(nodes, async () => {
      const { Alice: submitter, Bob: solver, Charlie, Dave } = accounts;
      const verifiers = [Charlie, Dave];
      const bond = 1_000n * ASY;
      await Promise.all([
        sendAndWaitFinalized(api.tx.roleStaking.bond('Solver', bond, { device: 'Gpu', memoryGib: 24 }), solver, { api }),
        ...verifiers.map((v) => sendAndWaitFinalized(api.tx.roleStaking.bond('Verifier', bond, null), v, { api })),
      ]);

      const reward = 10n * ASY;
      const fee = ASY;
      const submitted = await sendAndWaitFinalized(api.tx.taskPool.submitTask(taskSpec(), reward, fee), submitter, { api });
      const task = findEvent(submitted.events, 'taskPool', 'TaskSubmitted').data.task.toNumber();
      await waitUntil(
        `task ${task} assigned`,
        async () => {
          const t = await api.query.taskPool.tasks(task);
          return t.isSome && t.unwrap().state.isAssigned;
        },
        { timeoutMs: 120_000 },
      );
      await sendAndWaitFinalized(api.tx.taskPool.acceptTask(task), solver, { api });

      // The solver's checkpoints h_0 … h_10, made by hand, sealed with a secret:
      // sealed_checkpoints = sha256(SCALE("assay/sealed" as [u8; 12], task u64, account, secret, root)).
      const hashes = Array.from({ length: 11 }, (_, i) => sha256(stringToU8a(`checkpoint ${i}`)));
      const root = merkleRoot(hashes);
      const secret = new Uint8Array(32).fill(7);
      const taskBytes = api.createType('u64', task).toU8a();
      const sealed = sha256(stringToU8a('assay/sealed'), taskBytes, solver.publicKey, secret, root);
      const commitment = { sealed: u8aToHex(sealed), checkpoints: 11, finalModel: u8aToHex(hashes[10]) };
      const committed = await sendAndWaitFinalized(
        api.tx.proofOfLearning.commitCheckpoints(task, commitment, 'http://127.0.0.1:1/checkpoints'),
        solver,
        { api },
      );
      findEvent(committed.events, 'proofOfLearning', 'CheckpointsCommitted');

      // Sampling happens two blocks later, with randomness the solver could not know; then
      // the solver shows its root (the odds of a forced error are zero on the dev runtime).
      await waitUntil(
        'segments sampled',
        async () => (await api.query.proofOfLearning.verifications(task)).unwrap().phase.isShowing,
        { timeoutMs: 120_000 },
      );
      await sendAndWaitFinalized(api.tx.proofOfLearning.showCheckpoints(task, u8aToHex(root)), solver, { api });
      const record = await waitUntil(
        'verifiers drawn',
        async () => {
          const v = await api.query.proofOfLearning.verifications(task);
          return v.isSome && v.unwrap().phase.isCommitting && v.unwrap().slots.length === 2 ? v.unwrap() : undefined;
        },
        { timeoutMs: 120_000 },
      );
      const segments = record.segments.map((s) => s.toNumber());
      assert.equal(segments.length, 2);
      const drawn = record.slots.map((s) => s.verifier.toString()).sort();
      assert.deepEqual(drawn, verifiers.map((v) => v.address).sort());

      // Each verifier "derives" the initial state (it is h_0) and "replays" the sampled segments
      // (it reproduces h_{i+1}), and reports with Merkle proofs against the solver's root.
      const verdict = {
        Checked: {
          initialState: { committedHash: u8aToHex(hashes[0]), proof: merkleProof(hashes, 0), derivedHash: u8aToHex(hashes[0]) },
          segments: segments.map((s) => ({
            segment: s,
            startHash: u8aToHex(hashes[s]),
            startProof: merkleProof(hashes, s),
            endHash: u8aToHex(hashes[s + 1]),
            endProof: merkleProof(hashes, s + 1),
            replayedHash: u8aToHex(hashes[s + 1]),
            distance: 0,
          })),
        },
      };
      const salts = verifiers.map((_, i) => new Uint8Array(32).fill(i + 1));
      // verdict_commitment: sha256(SCALE("assay/verdict" as [u8; 13], task u64, account, verdict, salt)).
      const commitments = verifiers.map((v, i) => {
        const reveal = api.tx.proofOfLearning.revealVerdict(task, verdict, salts[i]);
        const verdictBytes = reveal.method.args[1].toU8a();
        return u8aToHex(sha256(stringToU8a('assay/verdict'), taskBytes, v.publicKey, verdictBytes, salts[i]));
      });
      await Promise.all(verifiers.map((v, i) => sendAndWaitFinalized(api.tx.proofOfLearning.commitVerdict(task, commitments[i]), v, { api })));
      const balancesBefore = {
        solver: await freeBalance(api, solver.address),
        verifiers: await Promise.all(verifiers.map((v) => freeBalance(api, v.address))),
      };
      const reveals = await Promise.all(
        verifiers.map((v, i) => sendAndWaitFinalized(api.tx.proofOfLearning.revealVerdict(task, verdict, salts[i]), v, { api })),
      );
      const due = reveals.flatMap((r) => r.events).filter(({ event }) => event.section === 'proofOfLearning' && event.method === 'DisclosureDue');
      assert.equal(due.length, 1, 'the last reveal asks the solver to disclose');
      // The solver discloses its secret and true root; the verification passes.
      const disclosed = await sendAndWaitFinalized(api.tx.proofOfLearning.disclose(task, u8aToHex(secret), u8aToHex(root), null), solver, { api });
      findEvent(disclosed.events, 'proofOfLearning', 'VerificationPassed');

      // After the challenge window the task settles.
      await waitUntil(
        `task ${task} settled`,
        async () => (await api.query.taskPool.tasks(task)).isNone,
        { timeoutMs: 180_000 },
      );
      const solverAfter = await freeBalance(api, solver.address);
      // The reward less the jackpot tax (2 %), less what the disclosure cost (a disclosure
      // may decide the task, so its fee is well above a reveal's).
      const paid = solverAfter - balancesBefore.solver;
      const taxed = reward - reward / 50n;
      assert.ok(paid > taxed - ASY / 2n && paid <= taxed, `the solver is paid the taxed reward (${paid})`);
      for (const [i, v] of verifiers.entries()) {
        const after = await freeBalance(api, v.address);
        // The fee, less what the reveal transaction cost.
        const gained = after - balancesBefore.verifiers[i];
        assert.ok(gained > fee - ASY / 10n && gained <= fee, `verifier ${i} gained ${gained}`);
      }
      assert.ok((await api.query.proofOfLearning.verifications(task)).isNone, 'verification state is removed');
    }),
  );
});
