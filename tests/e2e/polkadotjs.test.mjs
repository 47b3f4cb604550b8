// polkadot.js against a dev node: metadata, chain properties, signing and sending
// a transfer and staking.bond from a fresh account, and staking's module errors.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, mnemonicGenerate, mnemonicValidate } from '@polkadot/util-crypto';

import {
  ASY,
  findEvent,
  freeBalance,
  sendAndWaitFinalized,
  useDevNode,
  withLogsOnFailure,
} from './lib/node.mjs';

/** Asserts that `promise` rejects with the module error section.name. */
async function rejectsWithModuleError(promise, section, name) {
  await assert.rejects(promise, (err) => {
    assert.ok(err.module, `expected module error ${section}.${name}, got: ${err.message}`);
    assert.deepEqual(err.module, { section, name }, `wrong module error: ${err.message}`);
    return true;
  });
}

describe('polkadot.js client (--dev)', () => {
  const { dev, nodes } = useDevNode('pjs');
  let node;
  let api;
  let keyring;

  before(async () => {
    await cryptoWaitReady();
    keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    ({ node, api } = dev);
  });

  it(
    'decodes metadata and reports the ASY chain properties',
    { timeout: 60_000 },
    withLogsOnFailure(nodes, async () => {
      assert.ok(api.isConnected, 'api is not connected');
      const version = api.runtimeMetadata.version;
      assert.equal(typeof version, 'number');
      assert.ok(version >= 14, `metadata version ${version} < 14`);

      assert.equal(typeof api.tx.balances?.transferKeepAlive, 'function', 'api.tx.balances.transferKeepAlive missing');
      assert.equal(typeof api.tx.staking?.bond, 'function', 'api.tx.staking.bond missing');
      assert.equal(typeof api.query.staking?.activeEra, 'function', 'api.query.staking.activeEra missing');
      assert.equal(typeof api.query.staking?.ledger, 'function', 'api.query.staking.ledger missing');

      // Raw properties as the node sends them (scalar or one-element array).
      const props = await node.rpc('system_properties');
      assert.deepEqual([props.tokenSymbol].flat(), ['ASY'], `tokenSymbol: ${JSON.stringify(props.tokenSymbol)}`);
      assert.deepEqual([props.tokenDecimals].flat(), [12], `tokenDecimals: ${JSON.stringify(props.tokenDecimals)}`);
      assert.equal(props.ss58Format, 42, `ss58Format: ${JSON.stringify(props.ss58Format)}`);
      // ... and as polkadot.js understood them.
      assert.equal(api.registry.chainTokens[0], 'ASY');
      assert.equal(api.registry.chainDecimals[0], 12);
      assert.equal(api.registry.chainSS58, 42);

      assert.equal(api.genesisHash.toHex(), await node.rpc('chain_getBlockHash', [0]));

      // A real block decodes against the metadata: it carries the timestamp inherent.
      const signedBlock = await api.rpc.chain.getBlock();
      const calls = signedBlock.block.extrinsics.map((x) => `${x.method.section}.${x.method.method}`);
      assert.ok(calls.includes('timestamp.set'), `no timestamp.set in best block; extrinsics: ${calls.join(', ')}`);
      const events = await api.query.system.events();
      assert.ok(Array.isArray(events) || typeof events.length === 'number', 'system.events did not decode');
    }),
  );

  describe('fresh account: fund, bond, and staking errors', () => {
    let fresh;
    let ed;
    let bondAmount;
    let fund;

    before(async () => {
      const mnemonic = mnemonicGenerate();
      assert.ok(mnemonicValidate(mnemonic));
      fresh = keyring.addFromMnemonic(mnemonic, { name: 'fresh' }, 'sr25519');
      ed = api.consts.balances.existentialDeposit.toBigInt();
      bondAmount = 100n * ASY;
      if (bondAmount < 10n * ed) bondAmount = 10n * ed;
      fund = 10n * bondAmount + ed;
    });

    it(
      'Alice funds a fresh sr25519 account with transferKeepAlive',
      { timeout: 240_000 },
      withLogsOnFailure(nodes, async () => {
        const alice = keyring.addFromUri('//Alice');
        assert.equal(await freeBalance(api, fresh.address), 0n, 'fresh account is not empty');
        const aliceFree = await freeBalance(api, alice.address);
        assert.ok(aliceFree > 2n * fund, `Alice has only ${aliceFree}, needs > ${2n * fund} for this test`);

        const { blockHash, events } = await sendAndWaitFinalized(
          api.tx.balances.transferKeepAlive(fresh.address, fund),
          alice,
          { api },
        );
        const [from, to, amount] = findEvent(events, 'balances', 'Transfer').data;
        assert.equal(from.toHex(), u8aToHex(alice.publicKey));
        assert.equal(to.toHex(), u8aToHex(fresh.publicKey));
        assert.equal(amount.toBigInt(), fund);
        // A new account is created by the transfer.
        findEvent(events, 'system', 'NewAccount');
        assert.equal(await freeBalance(api, fresh.address, blockHash), fund);
      }),
    );

    it(
      'bonding below the existential deposit fails with staking.InsufficientBond',
      { timeout: 240_000 },
      withLogsOnFailure(nodes, async () => {
        assert.ok(ed > 0n, 'existential deposit is 0: there is no "below minimum" bond to try');
        await rejectsWithModuleError(
          sendAndWaitFinalized(api.tx.staking.bond(ed - 1n, 'Staked'), fresh, { api }),
          'staking',
          'InsufficientBond',
        );
        const ledger = await api.query.staking.ledger(fresh.address);
        assert.ok(ledger.isNone, 'a failed bond must not create a ledger');
      }),
    );

    it(
      'staking.bond from the fresh account emits Bonded and writes the ledger',
      { timeout: 240_000 },
      withLogsOnFailure(nodes, async () => {
        const { blockHash, events } = await sendAndWaitFinalized(
          api.tx.staking.bond(bondAmount, 'Staked'),
          fresh,
          { api },
        );
        const [stash, amount] = findEvent(events, 'staking', 'Bonded').data;
        assert.equal(stash.toHex(), u8aToHex(fresh.publicKey), 'Bonded.stash');
        assert.equal(amount.toBigInt(), bondAmount, 'Bonded.amount');

        const apiAt = await api.at(blockHash);
        const ledgerOpt = await apiAt.query.staking.ledger(fresh.address);
        assert.ok(ledgerOpt.isSome, 'staking.ledger(stash) is None after bond');
        const ledger = ledgerOpt.unwrap();
        assert.equal(ledger.stash.toHex(), u8aToHex(fresh.publicKey), 'ledger.stash');
        assert.equal(ledger.total.toBigInt(), bondAmount, 'ledger.total');
        assert.equal(ledger.active.toBigInt(), bondAmount, 'ledger.active');

        const bonded = await apiAt.query.staking.bonded(fresh.address);
        assert.ok(bonded.isSome, 'staking.bonded(stash) is None after bond');
        assert.equal(bonded.unwrap().toHex(), u8aToHex(fresh.publicKey), 'controller must be the stash');

        const payee = await apiAt.query.staking.payee(fresh.address);
        const dest = typeof payee.isSome === 'boolean' ? (payee.isSome ? payee.unwrap() : null) : payee;
        assert.ok(dest, 'staking.payee(stash) is None after bond');
        assert.equal(dest.type, 'Staked', 'reward destination');
      }),
    );

    it(
      'bonding a second time fails with staking.AlreadyBonded and leaves the ledger alone',
      { timeout: 240_000 },
      withLogsOnFailure(nodes, async () => {
        await rejectsWithModuleError(
          sendAndWaitFinalized(api.tx.staking.bond(bondAmount, 'Staked'), fresh, { api }),
          'staking',
          'AlreadyBonded',
        );
        const ledgerOpt = await api.query.staking.ledger(fresh.address);
        assert.ok(ledgerOpt.isSome);
        assert.equal(ledgerOpt.unwrap().total.toBigInt(), bondAmount, 'ledger.total changed by a failed bond');
      }),
    );
  });
});
