// The market with its real workers: assay-node --dev, assay-solver and assay-verifier
// processes, real HTTP between them, tasks submitted with polkadot.js. Each story runs on a
// fresh dev chain.
//
// Balances are checked exactly: for every account, the change of free + reserved balance plus
// the transaction fees it paid (TransactionFeePaid events) must equal what the protocol moves.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { ASY, REPO_ROOT, connectApi, findEvent, getFreePort, sendAndWaitFinalized, startNode, stopAll, useDevNode, waitUntil, withLogsOnFailure } from './lib/node.mjs';
import {
  binary,
  digitsTask,
  feesPaid,
  recordEvents,
  serveDigits,
  startSolver,
  startVerifier,
  totalBalance,
  waitForOutput,
  waitForTaskEnd,
} from './lib/workers.mjs';

const run = (file, args) => promisify(execFile)(file, args, { encoding: 'utf8', timeout: 600_000 });
const REWARD = 20n * ASY;
// Not Alice: as the dev chain's only validator she earns block fees and staking rewards, which
// would blur the exact accounting.
const SUBMITTER = 'Bob//stash';
const FEE = ASY;
// 2 % of every settled reward goes to the forced-error jackpot (taskPool.jackpotTax).
const TAX = REWARD / 50n;

/** One story: a dev node, the digits server, an event recorder, and the workers it starts. */
function story(prefix) {
  const { dev, nodes } = useDevNode(prefix);
  const ctx = { dev, workers: [], accounts: {} };
  ctx.all = () => [...nodes(), ...ctx.workers];
  before(async () => {
    await cryptoWaitReady();
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    for (const name of ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie', 'Bob//stash', 'Charlie//stash']) {
      ctx.accounts[name] = keyring.addFromUri(`//${name}`);
    }
    ctx.data = await serveDigits();
    ctx.events = await recordEvents(dev.api);
    ctx.nodeUrl = dev.node.wsUrl;
  });
  after(async () => {
    ctx.events?.stop();
    await stopAll(ctx.workers, { graceMs: 10_000 });
    await ctx.data?.close();
  });
  ctx.solver = async (opts = {}) => {
    const worker = await startSolver({ nodeUrl: ctx.nodeUrl, root: dev.root, key: '//Bob', ...opts });
    ctx.workers.push(worker);
    return worker;
  };
  ctx.verifier = (name, key, opts = {}) => {
    const worker = startVerifier({ nodeUrl: ctx.nodeUrl, root: dev.root, name, key, ...opts });
    ctx.workers.push(worker);
    return worker;
  };
  ctx.bonded = (workers) => Promise.all(workers.map((w) => waitForOutput(w, /✓ bond|bonded \d+ ASY/, 120_000)));
  ctx.balances = async (names) =>
    Object.fromEntries(await Promise.all(names.map(async (n) => [n, await totalBalance(dev.api, ctx.accounts[n].address)])));
  /** balance change + fees paid, per account, since `before`. */
  ctx.protocolDelta = async (before) => {
    const out = {};
    for (const [name, was] of Object.entries(before)) {
      const address = ctx.accounts[name].address;
      out[name] = (await totalBalance(dev.api, address)) - was + feesPaid(ctx.events, address);
    }
    return out;
  };
  ctx.submit = async (spec) => {
    const submitted = await sendAndWaitFinalized(dev.api.tx.taskPool.submitTask(spec, REWARD, FEE), ctx.accounts[SUBMITTER], { api: dev.api });
    return findEvent(submitted.events, 'taskPool', 'TaskSubmitted').data.task.toNumber();
  };
  /**
   * Waits for `task`'s attempt to be proven wrong. With time and attempts left the task reopens
   * for another solver (SolverPassedOver, TrainingFailed); these stories have no other solver,
   * so the submitter then cancels it. Otherwise it ends (TaskFailed). Returns that event.
   */
  ctx.attemptFailed = async (task, timeoutMs) => {
    const ofTask = (e) => e.section === 'taskPool' && e.data.task?.toString() === String(task);
    const reopened = (e) => e.method === 'SolverPassedOver' && e.data.reason.type === 'TrainingFailed';
    const ends = ['TaskSettled', 'TaskFailed', 'TaskAbandoned', 'TaskExpired', 'TaskCancelled'];
    const outcome = await waitUntil(
      `task ${task}'s attempt to end`,
      async () => ctx.events.seen.find((e) => ofTask(e) && (ends.includes(e.method) || reopened(e))),
      { timeoutMs, intervalMs: 1000 },
    );
    assert.ok(outcome.method === 'TaskFailed' || reopened(outcome), `the attempt ended with ${outcome.method}`);
    if (reopened(outcome)) {
      await sendAndWaitFinalized(dev.api.tx.taskPool.cancelTask(task), ctx.accounts[SUBMITTER], { api: dev.api });
      await waitForTaskEnd(ctx.events, task, 60_000);
    }
    return outcome;
  };
  /**
   * Waits for `task`'s verifiers to be drawn, then starts two honest verifiers (Ferdie,
   * Charlie//stash) that, bonded too late to be drawn for it, can only sit on its jury.
   * Returns the VerificationStarted event.
   */
  ctx.jurorsAfterDraw = async (task) => {
    const ofTask = (d) => d.task.toNumber() === task;
    const started = await waitUntil('verifiers drawn', () => ctx.events.find('proofOfLearning', 'VerificationStarted', ofTask)[0], { timeoutMs: 300_000 });
    await ctx.bonded(['Ferdie', 'Charlie//stash'].map((n) => ctx.verifier(`juror-${n.replace('//', '-').toLowerCase()}`, `//${n}`)));
    return started;
  };
  /** Σ verifier fees paid for `task`, per the events. */
  ctx.feesPaidFor = (task) =>
    ctx.events
      .find('taskPool', 'VerifierPaid', (d) => d.task.toString() === String(task))
      .reduce((sum, e) => sum + e.data.fee.toBigInt(), 0n);
  /** Σ amount slashed from `name`, and Σ slash rewards it received, per the events. */
  ctx.slashes = (name) => {
    const address = ctx.accounts[name].address;
    const slashed = ctx.events.find('roleStaking', 'Slashed', (d) => d.who.toString() === address);
    const rewarded = ctx.events.find('roleStaking', 'Slashed', (d) => d.beneficiary.isSome && d.beneficiary.unwrap().toString() === address);
    return {
      lost: slashed.reduce((sum, e) => sum + e.data.amount.toBigInt(), 0n),
      gained: rewarded.reduce((sum, e) => sum + e.data.reward.toBigInt(), 0n),
    };
  };
  return ctx;
}

describe('an honest task: submitted with scripts/submit-task.mjs, trained, verified, settled', () => {
  const ctx = story('honest');

  it(
    'settles, pays exactly reward and fees, and hands over the committed model',
    { timeout: 900_000 },
    withLogsOnFailure(() => ctx.all(), async () => {
      const names = [SUBMITTER, 'Bob', 'Charlie', 'Dave', 'Eve'];
      const before = await ctx.balances(names);
      const metricsPort = await getFreePort();
      const workers = [
        await ctx.solver({ extra: ['--metrics', `127.0.0.1:${metricsPort}`] }),
        ctx.verifier('verifier-charlie', '//Charlie'),
        ctx.verifier('verifier-dave', '//Dave'),
        ctx.verifier('whistleblower-eve', '//Eve', { role: 'whistleblower', bond: 100 }),
      ];
      await ctx.bonded(workers);

      const specFile = path.join(ctx.dev.root, 'task.json');
      fs.writeFileSync(specFile, JSON.stringify(digitsTask(ctx.data, { segments: 4, interval: 16, sampled: 2 })));
      const modelFile = path.join(ctx.dev.root, 'model.safetensors');
      // Asynchronously: a blocked event loop would stop draining the node's output pipe.
      const submit = await run(process.execPath, [
        path.join(REPO_ROOT, 'scripts', 'submit-task.mjs'),
        ...['--node', ctx.nodeUrl, '--key', `//${SUBMITTER}`, '--spec', specFile],
        ...['--reward', '20', '--fee', '1', '--out', modelFile, '--json'],
      ]);
      const outcome = JSON.parse(submit.stdout.trim().split('\n').pop());
      assert.equal(outcome.result, 'settled');

      // The model the submitter downloaded is the one the solver committed to.
      const hashed = await run(binary('assay-learn'), ['hash', modelFile]);
      const modelHash = /^model ([0-9a-f]{64})$/m.exec(hashed.stdout)?.[1];
      assert.equal(`0x${modelHash}`, outcome.commitment.finalModel);

      // Exactly the protocol's payments: the escrow (reward + 2 fees) from the submitter to Bob and
      // the two verifiers; nobody slashed; the whistleblower neither gains nor loses.
      await waitUntil('the whistleblower to finish re-checking', () => /no challenge/.test(workers[3].output()), { timeoutMs: 120_000 });
      const delta = await ctx.protocolDelta(before);
      assert.deepEqual(delta, { [SUBMITTER]: -(REWARD + 2n * FEE), Bob: REWARD - TAX, Charlie: FEE, Dave: FEE, Eve: 0n });
      assert.equal(ctx.events.find('roleStaking', 'Slashed').length, 0);
      // The solver's Prometheus endpoint counts what it did.
      const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
      assert.match(metrics, /^assay_solver_tasks_accepted_total 1$/m);
      assert.match(metrics, /^assay_solver_tasks_committed_total 1$/m);
      assert.match(metrics, /^assay_solver_training_steps_total 64$/m);
      // Each action happened once, whatever the workers saw twice.
      assert.equal(ctx.events.find('taskPool', 'TaskAccepted').length, 1);
      assert.equal(ctx.events.find('proofOfLearning', 'CheckpointsCommitted').length, 1);
      assert.equal(ctx.events.find('proofOfLearning', 'VerdictRevealed').length, 2);
    }),
  );
});

/**
 * A dishonest solver (started with `fault`) against two honest verifiers that replay the task
 * and two that can sit on its jury: the verifiers fail `subject`, a jury of none of them finds
 * it wrong, the solver loses its collateral, the submitter gets its reward back and nobody
 * honest loses anything.
 */
function caughtAndSlashed(ctx, fault, subject) {
  return withLogsOnFailure(() => ctx.all(), async () => {
    const names = [SUBMITTER, 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];
    const before = await ctx.balances(names);
    // Four verifiers: two replay the task, the other two can sit on its jury.
    const workers = [
      await ctx.solver({ extra: ['--fault', fault] }),
      ...['Charlie', 'Dave', 'Eve', 'Ferdie'].map((n) => ctx.verifier(`verifier-${n.toLowerCase()}`, `//${n}`)),
    ];
    await ctx.bonded(workers);
    const task = await ctx.submit(digitsTask(ctx.data, { segments: 4, interval: 16 }));
    await ctx.attemptFailed(task, 900_000);
    const ofTask = (d) => d.task.toNumber() === task;
    const [opened] = ctx.events.find('dispute', 'DisputeOpened', ofTask);
    assert.deepEqual(opened.data.subject.toJSON(), subject, 'the dispute is over what was faked');
    const [resolved] = ctx.events.find('dispute', 'DisputeResolved', ofTask);
    assert.ok(resolved.data.outcome.isWrong, `the jury found the solver wrong (${resolved.data.outcome.type})`);
    // Decided by jurors none of whom is a verifier of the task.
    const [drawn] = ctx.events.find('dispute', 'JuryDrawn', ofTask);
    const taskVerifiers = ctx.events
      .find('proofOfLearning', 'VerificationStarted', ofTask)
      .flatMap((e) => e.data.verifiers.map((v) => v.toString()));
    assert.ok(drawn.data.jurors.every((j) => !taskVerifiers.includes(j.toString())), 'no verifier of the task on its jury');

    const delta = await ctx.protocolDelta(before);
    const solver = ctx.slashes('Bob');
    assert.ok(solver.lost >= REWARD, `the solver lost its collateral (${solver.lost})`);
    assert.equal(delta.Bob, -solver.lost + solver.gained);
    // The submitter paid the verifiers who checked, nothing else: the reward came back.
    assert.equal(delta[SUBMITTER], -ctx.feesPaidFor(task) + ctx.slashes(SUBMITTER).gained);
    // Every other balance change is a slash reward (finders, majority jurors) or a fee.
    for (const name of ['Charlie', 'Dave', 'Eve', 'Ferdie']) {
      const { lost, gained } = ctx.slashes(name);
      const fees = ctx.events.find('taskPool', 'VerifierPaid', (d) => d.verifier.toString() === ctx.accounts[name].address);
      const paid = fees.reduce((sum, e) => sum + e.data.fee.toBigInt(), 0n);
      assert.equal(lost, 0n, `${name} was not slashed`);
      assert.equal(delta[name], gained + paid, `${name}'s balance is explained by its rewards`);
    }
  });
}

describe('a dishonest solver: one faked checkpoint is caught, disputed and slashed', () => {
  const ctx = story('dishonest');

  it(
    'fails the attempt, slashes the solver and refunds the submitter',
    { timeout: 1_200_000 },
    caughtAndSlashed(ctx, 'corrupt-segment=1', { segment: 1 }),
  );
});

describe('a solver that starts from weights of its own choosing is caught by the h_0 check', () => {
  const ctx = story('chosen-start');

  it(
    'fails the attempt although every segment replays, slashes the solver and refunds the submitter',
    { timeout: 1_200_000 },
    caughtAndSlashed(ctx, 'chosen-start', { initialState: null }),
  );
});

describe('a solver that serves no checkpoints: its verifiers declare them unavailable and the task fails', () => {
  const ctx = story('withheld');

  it(
    'slashes the solver, leaves the verifiers whole and refunds the submitter',
    { timeout: 900_000 },
    withLogsOnFailure(() => ctx.all(), async () => {
      const names = [SUBMITTER, 'Bob', 'Charlie', 'Dave'];
      const before = await ctx.balances(names);
      const workers = [
        await ctx.solver({ extra: ['--fault', 'withhold-artifacts'] }),
        ...['Charlie', 'Dave'].map((n) => ctx.verifier(`verifier-${n.toLowerCase()}`, `//${n}`)),
      ];
      await ctx.bonded(workers);
      const reputation = async (name) =>
        (await ctx.dev.api.query.roleStaking.bonds(ctx.accounts[name].address, 'Verifier')).unwrap().reputation.toNumber();
      const standing = { Charlie: await reputation('Charlie'), Dave: await reputation('Dave') };
      const task = await ctx.submit(digitsTask(ctx.data, { segments: 4, interval: 16 }));
      await ctx.attemptFailed(task, 600_000);
      const ofTask = (d) => d.task.toNumber() === task;
      const declared = ctx.events.find('proofOfLearning', 'ArtifactsDeclaredUnavailable', ofTask);
      const declarers = declared.map((e) => e.data.verifier.toString()).sort();
      assert.deepEqual(declarers, ['Charlie', 'Dave'].map((n) => ctx.accounts[n].address).sort(), 'both verifiers declared');
      assert.equal(ctx.events.find('proofOfLearning', 'ArtifactsUnavailable', ofTask).length, 1);
      assert.equal(ctx.events.find('dispute', 'DisputeOpened').length, 0, 'nothing to dispute');

      const delta = await ctx.protocolDelta(before);
      const solver = ctx.slashes('Bob');
      assert.ok(solver.lost >= REWARD, `the solver lost its collateral (${solver.lost})`);
      assert.equal(delta.Bob, -solver.lost);
      // Declarations are not paid: the submitter got everything back.
      assert.equal(ctx.feesPaidFor(task), 0n);
      assert.equal(delta[SUBMITTER], ctx.slashes(SUBMITTER).gained);
      // A declaration is neither slashed nor paid: the verifiers end where they began, and
      // the majority they formed raised their standing in the draw.
      for (const name of ['Charlie', 'Dave']) {
        assert.equal(ctx.slashes(name).lost, 0n, `${name} was not slashed`);
        assert.equal(delta[name], ctx.slashes(name).gained, `${name} was not paid a fee`);
        assert.ok(await reputation(name) > standing[name], `${name}'s declaration earned no reputation`);
      }
      const charlie = ctx.accounts.Charlie.address;
      const held = await ctx.dev.api.query.roleStaking.collateral.entries();
      assert.ok(!held.some(([key]) => key.args[0][0].toString() === charlie), 'no collateral left locked');
    }),
  );
});

describe('lazy verifiers pass a faked segment; the whistleblower challenges and wins', () => {
  const ctx = story('lazy');

  it(
    'slashes the lazy verifiers and the solver, and rewards the whistleblower',
    { timeout: 1_200_000 },
    withLogsOnFailure(() => ctx.all(), async () => {
      const names = [SUBMITTER, 'Bob', 'Charlie', 'Dave', 'Eve'];
      const before = await ctx.balances(names);
      const lazy = ['Charlie', 'Dave'].map((n) => ctx.verifier(`lazy-${n.toLowerCase()}`, `//${n}`, { extra: ['--fault', 'approve-without-replay'] }));
      const solver = await ctx.solver({ extra: ['--fault', 'corrupt-segment=2'] });
      const whistleblower = ctx.verifier('whistleblower-eve', '//Eve', { role: 'whistleblower', bond: 100 });
      await ctx.bonded([...lazy, solver, whistleblower]);
      const task = await ctx.submit(digitsTask(ctx.data, { segments: 4, interval: 16 }));
      // Only the lazy two are bonded when the task is sampled; honest jurors join afterwards.
      await ctx.jurorsAfterDraw(task);

      await ctx.attemptFailed(task, 900_000);
      const [opened] = ctx.events.find('dispute', 'DisputeOpened', (d) => d.task.toNumber() === task);
      assert.equal(opened.data.challenger.toString(), ctx.accounts.Eve.address, 'the whistleblower challenged');
      const [resolved] = ctx.events.find('dispute', 'DisputeResolved', (d) => d.task.toNumber() === task);
      assert.ok(resolved.data.outcome.isWrong, `the jury found the segment wrong (${resolved.data.outcome.type})`);

      const delta = await ctx.protocolDelta(before);
      for (const name of ['Charlie', 'Dave']) {
        const { lost } = ctx.slashes(name);
        assert.ok(lost > 0n, `${name} was slashed`);
        assert.equal(delta[name], -lost, `${name} lost exactly its slash`);
      }
      const eve = ctx.slashes('Eve');
      assert.equal(eve.lost, 0n, 'the whistleblower kept its bond');
      assert.ok(eve.gained > 0n, 'the whistleblower was rewarded');
      assert.equal(delta.Eve, eve.gained);
      assert.equal(delta.Bob, -ctx.slashes('Bob').lost + ctx.slashes('Bob').gained);
    }),
  );
});

describe('a solver fakes a segment nobody sampled; the verifiers pass, the whistleblower replays it and wins', () => {
  const ctx = story('unsampled');

  it(
    'slashes the solver, leaves the honest verifiers paid and whole, and rewards the whistleblower',
    { timeout: 1_200_000 },
    withLogsOnFailure(() => ctx.all(), async () => {
      const names = [SUBMITTER, 'Bob', 'Charlie', 'Dave', 'Eve'];
      const before = await ctx.balances(names);
      const faked = 5;
      const verifiers = ['Charlie', 'Dave'].map((n) => ctx.verifier(`verifier-${n.toLowerCase()}`, `//${n}`));
      const solver = await ctx.solver({ extra: ['--fault', `corrupt-segment=${faked}`] });
      const whistleblower = ctx.verifier('whistleblower-eve', '//Eve', {
        role: 'whistleblower',
        bond: 100,
        extra: ['--unsampled-share', '100', '--max-unsampled', '8'],
      });
      await ctx.bonded([...verifiers, solver, whistleblower]);
      // One segment of eight is sampled: the faked one is missed seven times in eight.
      const task = await ctx.submit(digitsTask(ctx.data, { segments: 8, interval: 8, sampled: 1 }));
      const ofTask = (d) => d.task.toNumber() === task;
      const started = await ctx.jurorsAfterDraw(task);
      const sampled = started.data.segments.map((s) => s.toNumber());

      await ctx.attemptFailed(task, 900_000);
      const [opened] = ctx.events.find('dispute', 'DisputeOpened', ofTask);
      assert.deepEqual(opened.data.subject.toJSON(), { segment: faked }, 'the dispute is over the faked segment');
      const [resolved] = ctx.events.find('dispute', 'DisputeResolved', ofTask);
      assert.ok(resolved.data.outcome.isWrong, `the jury found the segment wrong (${resolved.data.outcome.type})`);
      const delta = await ctx.protocolDelta(before);
      const solverSlashes = ctx.slashes('Bob');
      assert.ok(solverSlashes.lost >= REWARD, `the solver lost its collateral (${solverSlashes.lost})`);
      if (sampled.includes(faked)) {
        // One run in eight: the verifiers sampled the fake and failed it themselves.
        assert.notEqual(opened.data.challenger.toString(), ctx.accounts.Eve.address);
        return;
      }
      assert.equal(opened.data.challenger.toString(), ctx.accounts.Eve.address, 'the whistleblower challenged');
      assert.match(whistleblower.output(), new RegExp(`re-checking h_0 and segments \\[[^\\]]*\\b${faked}\\b`));
      const eve = ctx.slashes('Eve');
      assert.equal(eve.lost, 0n, 'the whistleblower kept its bond');
      assert.ok(eve.gained > 0n, 'the whistleblower was rewarded');
      assert.equal(delta.Eve, eve.gained);
      // The verifiers replayed what they were asked to, rightly: paid, never slashed.
      for (const name of ['Charlie', 'Dave']) {
        const { lost, gained } = ctx.slashes(name);
        assert.equal(lost, 0n, `${name} was not slashed`);
        assert.equal(delta[name], FEE + gained, `${name} was paid its fee`);
      }
    }),
  );
});

describe('a forced error: the solver shows a wrong checkpoint on purpose, the verifiers find it and share the jackpot', () => {
  const ctx = story('forced');

  it(
    'pays the finders from the jackpot, then settles the task on the true checkpoints',
    { timeout: 1_200_000 },
    withLogsOnFailure(() => ctx.all(), async () => {
      const { api } = ctx.dev;
      const names = [SUBMITTER, 'Bob', 'Charlie', 'Dave'];
      const before = await ctx.balances(names);
      const workers = [await ctx.solver(), ...['Charlie', 'Dave'].map((n) => ctx.verifier(`verifier-${n.toLowerCase()}`, `//${n}`))];
      await ctx.bonded(workers);
      // A first task, not forced (the dev runtime's odds are zero), pays its tax in.
      const first = await ctx.submit(digitsTask(ctx.data, { segments: 4, interval: 16, sampled: 1 }));
      assert.equal((await waitForTaskEnd(ctx.events, first, 600_000)).method, 'TaskSettled');
      assert.equal((await api.query.taskPool.jackpot()).toBigInt(), TAX);
      // Root makes every task forced from now on.
      const odds = api.tx.proofOfLearning.setForcedErrorOdds(1_000_000_000);
      await sendAndWaitFinalized(api.tx.sudo.sudo(odds), ctx.accounts.Alice, { api });

      const task = await ctx.submit(digitsTask(ctx.data, { segments: 4, interval: 16, sampled: 1 }));
      const end = await waitForTaskEnd(ctx.events, task, 600_000);
      assert.equal(end.method, 'TaskSettled', 'the honest solver is paid whatever it was forced to show');
      const ofTask = (d) => d.task.toNumber() === task;
      const [disclosed] = ctx.events.find('proofOfLearning', 'CheckpointsDisclosed', ofTask);
      const [settled] = ctx.events.find('proofOfLearning', 'ForcedErrorSettled', ofTask);
      assert.ok(disclosed.data.forced.isSome, 'the task was forced');
      assert.equal(settled.data.segment.toNumber(), disclosed.data.forced.unwrap().toNumber());
      const finders = settled.data.finders.map((f) => f.toString()).sort();
      assert.deepEqual(finders, ['Charlie', 'Dave'].map((n) => ctx.accounts[n].address).sort(), 'both verifiers found it');
      assert.equal(settled.data.missed.length, 0);
      // Half the task's tax at 100 % odds (0.2 ASY), shared.
      const prize = settled.data.prize.toBigInt();
      assert.equal(prize, TAX / 2n);
      assert.match(workers[0].output(), /forced to show a wrong end for segment/);
      for (const verifier of workers.slice(1)) {
        await waitForOutput(verifier, /was a forced error, and this verifier found it/, 60_000);
        await waitForOutput(verifier, /jackpot share of \d+ paid/, 60_000);
      }

      // Over both tasks: two taxed rewards, two fees each and the shares of the prize.
      const delta = await ctx.protocolDelta(before);
      assert.equal(delta.Bob, 2n * (REWARD - TAX));
      assert.equal(delta[SUBMITTER], -2n * (REWARD + 2n * FEE));
      for (const name of ['Charlie', 'Dave']) assert.equal(delta[name], 2n * FEE + prize / 2n, `${name} was paid its fees and its share`);
      assert.equal(ctx.events.find('roleStaking', 'Slashed').length, 0, 'nobody was slashed');
    }),
  );
});

describe('a whistleblower challenges honest work and the solver stays silent: the verifiers keep their bonds', () => {
  const ctx = story('silent');

  it(
    'resolves for the solver, leaves both verifiers whole and costs the whistleblower its bond',
    { timeout: 1_200_000 },
    withLogsOnFailure(() => ctx.all(), async () => {
      const names = [SUBMITTER, 'Bob', 'Charlie', 'Dave', 'Eve'];
      const before = await ctx.balances(names);
      // The solver is honest and has nothing to say in a dispute; the whistleblower challenges
      // a segment that reproduces, as the solver's accomplice would.
      const solver = await ctx.solver();
      const verifiers = ['Charlie', 'Dave'].map((n) => ctx.verifier(`verifier-${n.toLowerCase()}`, `//${n}`));
      const whistleblower = ctx.verifier('whistleblower-eve', '//Eve', { role: 'whistleblower', bond: 100, extra: ['--fault', 'challenge-honest-work'] });
      await ctx.bonded([solver, ...verifiers, whistleblower]);
      const task = await ctx.submit(digitsTask(ctx.data, { segments: 4, interval: 16, sampled: 2 }));
      // Only Charlie and Dave are bonded when the task is sampled; the jurors join afterwards.
      await ctx.jurorsAfterDraw(task);

      const end = await waitForTaskEnd(ctx.events, task, 900_000);
      assert.equal(end.method, 'TaskSettled', 'the honest task settled');
      const ofTask = (d) => d.task.toNumber() === task;
      const [opened] = ctx.events.find('dispute', 'DisputeOpened', ofTask);
      assert.equal(opened.data.challenger.toString(), ctx.accounts.Eve.address, 'the whistleblower challenged');
      const [resolved] = ctx.events.find('dispute', 'DisputeResolved', ofTask);
      assert.ok(resolved.data.outcome.isHolds, `the jury found the segment right (${resolved.data.outcome.type})`);

      // Both verifiers' bonds are whole, read from the chain, and they were paid their fees.
      for (const name of ['Charlie', 'Dave']) {
        const bond = await ctx.dev.api.query.roleStaking.bonds(ctx.accounts[name].address, 'Verifier');
        assert.equal(bond.unwrap().amount.toBigInt(), 200n * ASY, `${name}'s bond is whole`);
        assert.equal(ctx.slashes(name).lost, 0n, `${name} was not slashed`);
      }
      const delta = await ctx.protocolDelta(before);
      assert.equal(delta.Charlie, FEE);
      assert.equal(delta.Dave, FEE);
      const eve = ctx.slashes('Eve');
      assert.ok(eve.lost >= 50n * ASY, `the whistleblower lost its challenge bond (${eve.lost})`);
      assert.equal(delta.Eve, -eve.lost);
      assert.equal(delta.Bob, REWARD - TAX + ctx.slashes('Bob').gained, 'the solver was paid, and half the bond');
    }),
  );
});

describe('crash and restart: a solver killed mid-training, the node restarted under the workers, a verifier killed between commit and reveal', () => {
  const ctx = story('restart');

  it(
    'still commits in time and settles, each action exactly once',
    { timeout: 1_200_000 },
    withLogsOnFailure(() => ctx.all(), async () => {
      let solver = await ctx.solver();
      const verifiers = [ctx.verifier('verifier-charlie', '//Charlie'), ctx.verifier('verifier-dave', '//Dave')];
      await ctx.bonded([solver, ...verifiers]);
      // Long enough to kill in the middle: 4 segments of 4000 steps.
      const task = await ctx.submit(digitsTask(ctx.data, { segments: 4, interval: 4000, sampled: 1, deadlineBlocks: 200 }));
      await waitForOutput(solver, /segment 1\/4 trained/, 300_000);
      await solver.kill();
      assert.doesNotMatch(solver.output(), /→ commit task/, 'killed before committing');
      solver = await ctx.solver({ name: 'solver-restarted', store: path.join(ctx.dev.root, 'solver') });
      await waitForOutput(solver, /resuming after [1-4] segment/, 120_000);

      await waitUntil('checkpoints committed', () => ctx.events.find('proofOfLearning', 'CheckpointsCommitted').length > 0, { timeoutMs: 600_000 });
      // Restart the node under the workers, same chain.
      const { node } = ctx.dev;
      const rpcPort = node.rpcPort;
      await ctx.dev.api.disconnect();
      await node.stop();
      ctx.dev.node = await startNode({ args: ['--dev'], basePath: node.basePath, name: 'dev-restarted', rpcPort });
      ctx.dev.api = await connectApi(rpcPort);
      try {
        ctx.events.stop();
      } catch {
        /* the old connection is gone */
      }
      ctx.events = await recordEvents(ctx.dev.api, { after: ctx.events.lastBlock(), seen: ctx.events.seen });

      // A verifier killed right after committing its verdict reveals it after its restart:
      // verdict and salt were written to its store before the commitment was sent.
      await waitForOutput(verifiers[0], /✓ commit verdict on task/, 600_000);
      await verifiers[0].kill();
      const revived = ctx.verifier('verifier-charlie-restarted', '//Charlie', { store: path.join(ctx.dev.root, 'verifier-charlie') });

      const end = await waitForTaskEnd(ctx.events, task, 900_000);
      assert.equal(end.method, 'TaskSettled');
      assert.equal(ctx.events.find('proofOfLearning', 'VerifierDropped').length, 0, 'no verifier missed its reveal');
      assert.match(verifiers[0].output() + revived.output(), /✓ reveal verdict on task/);
      for (const w of [solver, verifiers[1]]) assert.match(w.output(), /connected to .*[\s\S]*connected to /, `${w.name} reconnected`);
      assert.equal(ctx.events.find('proofOfLearning', 'CheckpointsCommitted').length, 1);
      assert.equal(ctx.events.find('proofOfLearning', 'VerdictCommitted').length, 2);
      assert.equal(ctx.events.find('proofOfLearning', 'VerdictRevealed').length, 2);
    }),
  );
});

describe('bad input: a dataset whose content does not match its sha256', () => {
  const ctx = story('badinput');

  it(
    'is refused by the solver without a crash; the missed deadline decides',
    { timeout: 900_000 },
    withLogsOnFailure(() => ctx.all(), async () => {
      const solver = await ctx.solver();
      await ctx.bonded([solver]);
      const task = await ctx.submit(digitsTask(ctx.data, { segments: 2, interval: 8, sampled: 1, deadlineBlocks: 10, sha256: '11'.repeat(32) }));
      await waitForOutput(solver, /training failed: .*(expected|sha256|hash)/i, 180_000);
      const passed = await waitUntil(
        'the solver passed over for its missed deadline',
        () => ctx.events.find('taskPool', 'SolverPassedOver', (d) => d.task.toNumber() === task)[0],
        { timeoutMs: 300_000 },
      );
      assert.equal(passed.data.reason.toString(), 'MissedDeadline');
      assert.ok(passed.data.slashed.toBigInt() > 0n);
      assert.ok(solver.running, 'the solver is still running');
      assert.equal(ctx.events.find('proofOfLearning', 'CheckpointsCommitted').length, 0);
    }),
  );
});
