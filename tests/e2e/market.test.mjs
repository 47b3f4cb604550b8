// The compute market through polkadot.js on a dev node: a solver bonds, a submitter posts a
// task with its reward held in escrow, the chain draws the solver with BABE randomness, and
// the solver accepts, locking collateral. Bad input is refused with the task pool's own errors
// and moves no balance.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { ASY, findEvent, sendAndWaitFinalized, useDevNode, waitUntil, withLogsOnFailure } from './lib/node.mjs';

/** A small valid task: an MLP [64, 32, 10] on a CSV file, 100 steps in 10 segments, any CPU. */
function taskSpec(overrides = {}) {
  return {
    model: { Mlp: { layers: [64, 32, 10] } },
    dataset: {
      uri: 'https://example.org/digits.csv',
      sha256: `0x${'07'.repeat(32)}`,
      format: 'Csv',
      trainSamples: 1797,
    },
    hyper: {
      optimizer: 'Sgd',
      learningRate: 10_000_000, // 0.01 in billionths
      batchSize: 16,
      totalSteps: 100,
      seed: 42,
      checkpointInterval: 10,
      ...overrides.hyper,
    },
    verification: { mode: 'Exact', sampledSegments: 2, verifiers: 3 },
    hardware: { device: 'Cpu', memoryGib: 1 },
    deadlineBlocks: 100,
  };
}

/** The amount `who` has held under `pallet.reason` (bigint). */
async function held(api, who, pallet, reason) {
  const holds = await api.query.balances.holds(who);
  // A hold id is the runtime's hold reason enum, e.g. {"taskPool": "TaskEscrow"} as JSON.
  const hold = holds.find((h) => {
    const [section, variant] = Object.entries(h.id.toJSON())[0];
    return section.toLowerCase() === pallet.toLowerCase() && variant === reason;
  });
  return hold ? hold.amount.toBigInt() : 0n;
}

/** Sends `tx` and asserts it fails with module error section.name. */
async function assertModuleError(api, tx, signer, section, name) {
  await assert.rejects(sendAndWaitFinalized(tx, signer, { api }), (err) => {
    assert.ok(err.module, `expected ${section}.${name}, got: ${err.message}`);
    assert.deepEqual(err.module, { section, name }, `wrong module error: ${err.message}`);
    return true;
  });
}

describe('compute market through polkadot.js (--dev)', () => {
  const { dev, nodes } = useDevNode('market');
  let api;
  let alice;
  let bob;
  let charlie;

  before(async () => {
    await cryptoWaitReady();
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    alice = keyring.addFromUri('//Alice');
    bob = keyring.addFromUri('//Bob');
    charlie = keyring.addFromUri('//Charlie');
    api = dev.api;
  });

  it(
    'bonds a solver, submits a task, and sees it assigned and accepted',
    { timeout: 600_000 },
    withLogsOnFailure(nodes, async () => {
      const bond = 1_000n * ASY;
      const bonded = await sendAndWaitFinalized(
        api.tx.roleStaking.bond('Solver', bond, { device: 'Gpu', memoryGib: 24 }),
        bob,
        { api },
      );
      const bondedEvent = findEvent(bonded.events, 'roleStaking', 'Bonded');
      assert.equal(bondedEvent.data.who.toString(), bob.address);

      const reward = 10n * ASY;
      const fee = ASY;
      const submitted = await sendAndWaitFinalized(
        api.tx.taskPool.submitTask(taskSpec(), reward, fee),
        alice,
        { api },
      );
      const submittedEvent = findEvent(submitted.events, 'taskPool', 'TaskSubmitted');
      const task = submittedEvent.data.task.toNumber();
      assert.equal(submittedEvent.data.submitter.toString(), alice.address);
      assert.equal(submittedEvent.data.escrow.toBigInt(), reward + 3n * fee);
      assert.equal(await held(api, alice.address, 'TaskPool', 'TaskEscrow'), reward + 3n * fee);
      // The submission deposit is held apart, returned once a solver has been drawn.
      assert.equal(submittedEvent.data.deposit.toBigInt(), 10n * ASY);
      assert.equal(await held(api, alice.address, 'TaskPool', 'SubmissionDeposit'), 10n * ASY);

      // Drawn in a block after submission: Bob is the only solver.
      const assigned = await waitUntil(
        `task ${task} assigned`,
        async () => {
          const record = await api.query.taskPool.tasks(task);
          return record.isSome && record.unwrap().state.isAssigned ? record.unwrap() : undefined;
        },
        { timeoutMs: 120_000 },
      );
      assert.equal(assigned.state.asAssigned.solver.toString(), bob.address);

      // Charlie was not drawn; Alice cannot cancel an assigned task.
      await Promise.all([
        assertModuleError(api, api.tx.taskPool.acceptTask(task), charlie, 'taskPool', 'NotAssignedSolver'),
        assertModuleError(api, api.tx.taskPool.cancelTask(task), alice, 'taskPool', 'NotOpen'),
      ]);

      const accepted = await sendAndWaitFinalized(api.tx.taskPool.acceptTask(task), bob, { api });
      const acceptedEvent = findEvent(accepted.events, 'taskPool', 'TaskAccepted');
      assert.equal(acceptedEvent.data.solver.toString(), bob.address);
      assert.equal(acceptedEvent.data.collateral.toBigInt(), reward);
      const record = (await api.query.taskPool.tasks(task)).unwrap();
      assert.ok(record.state.isTraining, `task state is ${record.state.type}`);
      const collateral = await api.query.roleStaking.collateral([bob.address, 'Solver'], task);
      assert.equal(collateral.unwrap().toBigInt(), reward);
    }),
  );

  it(
    'refuses bad tasks with precise errors and holds nothing',
    { timeout: 300_000 },
    withLogsOnFailure(nodes, async () => {
      const before = await held(api, charlie.address, 'TaskPool', 'TaskEscrow');
      const zeroSteps = taskSpec({ hyper: { totalSteps: 0 } });
      const uneven = taskSpec({ hyper: { checkpointInterval: 30 } });
      const minReward = (await api.query.taskPool.minPricePerGflop()).toBigInt();
      assert.ok(minReward > 0n, 'the dev chain has a minimum price');

      // Sequential: one signer, so one nonce at a time.
      await assertModuleError(api, api.tx.taskPool.submitTask(zeroSteps, ASY, 0), charlie, 'taskPool', 'InvalidSpec');
      await assertModuleError(api, api.tx.taskPool.submitTask(uneven, ASY, 0), charlie, 'taskPool', 'InvalidSpec');
      // The spec is 1 GFLOP: a reward below one GFLOP's price is below cost.
      await assertModuleError(
        api,
        api.tx.taskPool.submitTask(taskSpec(), minReward - 1n, 0),
        charlie,
        'taskPool',
        'RewardBelowCost',
      );
      await assertModuleError(api, api.tx.taskPool.cancelTask(999), charlie, 'taskPool', 'TaskNotFound');
      assert.equal(await held(api, charlie.address, 'TaskPool', 'TaskEscrow'), before);
    }),
  );
});
