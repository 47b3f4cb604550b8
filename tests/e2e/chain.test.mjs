// Dev chain: block production + finality, a balance transfer, and a restart that
// keeps the chain.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import {
  ASY,
  assertBinary,
  connectApi,
  disconnectApi,
  findEvent,
  finalizedHead,
  freeBalance,
  makeTempDir,
  removeTempDir,
  sendAndWaitFinalized,
  startNode,
  stopAll,
  waitForFinalized,
  waitForFinalizedHttp,
  withLogsOnFailure,
} from './lib/node.mjs';

const FIRST_FINALITY_MS = 180_000;

describe('dev chain (--dev)', () => {
  let root;
  let basePath;
  let node;
  let api;
  let keyring;
  const nodes = () => [node];

  before(
    withLogsOnFailure(nodes, async () => {
      assertBinary();
      await cryptoWaitReady();
      keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
      root = await makeTempDir('chain');
      basePath = path.join(root, 'dev');
      node = await startNode({ args: ['--dev'], basePath, name: 'dev' });
    }),
    { timeout: 240_000 },
  );

  after(
    async () => {
      await disconnectApi(api);
      await stopAll(nodes());
      await removeTempDir(root);
    },
    { timeout: 120_000 },
  );

  it(
    'finalizes height >= 3',
    { timeout: FIRST_FINALITY_MS + 30_000 },
    withLogsOnFailure(nodes, async () => {
      const head = await waitForFinalizedHttp(node.rpcPort, 3, FIRST_FINALITY_MS, 'dev');
      assert.ok(head.number >= 3, `finalized number ${head.number} < 3`);
      assert.match(head.hash, /^0x[0-9a-f]{64}$/);
      // The finalized hash is the canonical block at that height.
      assert.equal(await node.rpc('chain_getBlockHash', [head.number]), head.hash);
    }),
  );

  it(
    'Bob -> Charlie transferKeepAlive lands in a finalized block; the fee goes to the author',
    { timeout: 300_000 },
    withLogsOnFailure(nodes, async () => {
      api = await connectApi(node.rpcPort);
      // Alice authors every block of the dev chain and is paid its fees, so she is neither
      // sender nor recipient: her balance must rise by exactly the fee.
      const alice = keyring.addFromUri('//Alice');
      const bob = keyring.addFromUri('//Bob');
      const charlie = keyring.addFromUri('//Charlie');
      const amount = 12_345n * ASY / 1000n; // 12.345 ASY

      const { blockHash, events } = await sendAndWaitFinalized(
        api.tx.balances.transferKeepAlive(charlie.address, amount),
        bob,
        { api, timeoutMs: 180_000 },
      );

      const [from, to, value] = findEvent(events, 'balances', 'Transfer').data;
      assert.equal(from.toHex(), u8aToHex(bob.publicKey), 'Transfer.from is not Bob');
      assert.equal(to.toHex(), u8aToHex(charlie.publicKey), 'Transfer.to is not Charlie');
      assert.equal(value.toBigInt(), amount, 'Transfer.amount');

      const [payer, actualFee, tip] = findEvent(events, 'transactionPayment', 'TransactionFeePaid').data;
      assert.equal(payer.toHex(), u8aToHex(bob.publicKey), 'TransactionFeePaid.who is not Bob');
      assert.equal(tip.toBigInt(), 0n, 'no tip was given');
      const fee = actualFee.toBigInt();
      assert.ok(fee > 0n, `fee should be positive, got ${fee}`);

      // Compare state right before and right after the inclusion block, so nothing
      // from other blocks can blur the numbers.
      const header = await api.rpc.chain.getHeader(blockHash);
      const parentHash = header.parentHash.toHex();
      const balancesAround = (who) =>
        Promise.all([freeBalance(api, who.address, parentHash), freeBalance(api, who.address, blockHash)]);
      const [[bobBefore, bobAfter], [charlieBefore, charlieAfter], [aliceBefore, aliceAfter]] =
        await Promise.all([balancesAround(bob), balancesAround(charlie), balancesAround(alice)]);
      assert.equal(charlieAfter - charlieBefore, amount, "Charlie's free balance must rise by exactly the amount");
      assert.equal(
        bobBefore - bobAfter,
        amount + fee,
        `Bob's free balance must fall by amount + fee (${amount} + ${fee})`,
      );
      assert.equal(aliceAfter - aliceBefore, fee, 'the block author (Alice) must receive exactly the fee');

      // The inclusion block is finalized: it is canonical at its height.
      const finalized = await finalizedHead(node.rpcPort);
      assert.ok(finalized.number >= header.number.toNumber());
      assert.equal(
        (await api.rpc.chain.getBlockHash(header.number.toNumber())).toHex(),
        blockHash,
        'inclusion block is not canonical',
      );
    }),
  );

  it(
    'restart on the same base path keeps the finalized chain and state, then goes on',
    { timeout: 600_000 },
    withLogsOnFailure(nodes, async () => {
      const bob = keyring.addFromUri('//Bob');
      if (!api) api = await connectApi(node.rpcPort);
      // Make sure something beyond genesis is finalized (this test may run alone).
      await waitForFinalized(api, 1, FIRST_FINALITY_MS);

      const { number: n, hash } = await finalizedHead(node.rpcPort);
      const bobAtN = await freeBalance(api, bob.address, hash);

      await disconnectApi(api);
      api = undefined;
      const st = await node.stop({ graceMs: 60_000 });
      assert.equal(st.forced, false, 'node did not exit within 60 s of SIGINT (had to SIGKILL)');
      assert.equal(st.signal, null, `node was ended by signal ${st.signal}`);
      assert.equal(st.code, 0, `node exited with code ${st.code} after SIGINT`);

      node = await startNode({ args: ['--dev'], basePath, name: 'dev-restarted' });

      assert.equal(
        await node.rpc('chain_getBlockHash', [n]),
        hash,
        `block #${n} has a different hash after the restart`,
      );
      const afterRestart = await finalizedHead(node.rpcPort);
      assert.ok(
        afterRestart.number >= n,
        `finalized head went back from #${n} to #${afterRestart.number} across the restart`,
      );

      api = await connectApi(node.rpcPort);
      assert.equal(await freeBalance(api, bob.address, hash), bobAtN, "Bob's balance at #N changed");

      const later = await waitForFinalized(api, n + 3, FIRST_FINALITY_MS);
      assert.ok(later.number > n + 2);
      assert.equal(
        await freeBalance(api, bob.address, later.hash),
        bobAtN,
        "Bob's balance changed after the restart although nothing was sent to him",
      );
    }),
  );
});
