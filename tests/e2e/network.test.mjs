// Four validators on `--chain local` (alice, bob, charlie, dave), each with its own
// base path and loopback ports: every validator authors, GRANDPA finalizes, finality
// survives losing one of four, and a restarted validator catches up.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import path from 'node:path';

import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import {
  assertBinary,
  babeAuthorityIndex,
  bestHead,
  connectApi,
  disconnectApi,
  finalizedHead,
  makeTempDir,
  removeTempDir,
  rpcCall,
  startNode,
  stopAll,
  waitForFinalized,
  waitForFinalizedHttp,
  waitUntil,
  withLogsOnFailure,
} from './lib/node.mjs';

const NAMES = ['alice', 'bob', 'charlie', 'dave'];
const AUTHORING_DEADLINE_MS = 300_000;
const FINALITY_DEADLINE_MS = 180_000;
const CATCH_UP_DEADLINE_MS = 240_000;
/** How far behind alice's best block a caught-up node may be. */
const CATCH_UP_SLACK = 3;

describe('four-validator local network (--chain local)', () => {
  let root;
  let api;
  let keyring;
  let bootnode;
  /** name -> NodeProcess (the current process for that validator) */
  const nodes = {};
  /** name -> ed25519 node key (hex), fixed so a restart keeps the peer id */
  const nodeKeys = Object.fromEntries(NAMES.map((n) => [n, crypto.randomBytes(32).toString('hex')]));
  const allNodes = () => Object.values(nodes);

  function startValidator(name, bootnodes) {
    const args = ['--chain', 'local', `--${name}`, '--validator', '--node-key', nodeKeys[name]];
    for (const b of bootnodes) args.push('--bootnodes', b);
    return startNode({ args, basePath: path.join(root, name), name });
  }

  before(
    withLogsOnFailure(allNodes, async () => {
      assertBinary();
      await cryptoWaitReady();
      keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
      root = await makeTempDir('net');

      nodes.alice = await startValidator('alice', []);
      const peerId = await nodes.alice.rpc('system_localPeerId');
      assert.match(peerId, /^12D3Koo|^Qm/, `unexpected peer id ${peerId}`);
      bootnode = `/ip4/127.0.0.1/tcp/${nodes.alice.p2pPort}/p2p/${peerId}`;

      const others = await Promise.allSettled(
        ['bob', 'charlie', 'dave'].map(async (name) => {
          nodes[name] = await startValidator(name, [bootnode]);
        }),
      );
      const failed = others.filter((r) => r.status === 'rejected');
      if (failed.length) throw failed[0].reason;

      // Everyone dialled alice; alice must see all three.
      await waitUntil(
        'alice to have >= 3 peers and every other node >= 1',
        async () => {
          const health = await Promise.all(NAMES.map((n) => nodes[n].rpc('system_health')));
          const peers = Object.fromEntries(NAMES.map((n, i) => [n, health[i].peers]));
          const ok = peers.alice >= 3 && NAMES.every((n) => peers[n] >= 1);
          if (!ok) throw new Error(`peers ${JSON.stringify(peers)}`);
          return true;
        },
        { timeoutMs: 120_000, intervalMs: 2000 },
      );
      api = await connectApi(nodes.alice.rpcPort);
    }),
    { timeout: 600_000 },
  );

  after(
    async () => {
      await disconnectApi(api);
      await stopAll(allNodes());
      await removeTempDir(root);
    },
    { timeout: 180_000 },
  );

  it(
    'all four validators author blocks and GRANDPA finality advances',
    { timeout: AUTHORING_DEADLINE_MS + FINALITY_DEADLINE_MS + 60_000 },
    withLogsOnFailure(allNodes, async () => {
      // BABE authority index -> validator name, via the dev session keys (//Alice ...).
      const authorities = (await api.query.babe.authorities()).map(([id]) => id.toHex());
      assert.equal(authorities.length, 4, `expected 4 BABE authorities in the local spec, got ${authorities.length}`);
      const indexToName = {};
      for (const name of NAMES) {
        const seed = `//${name[0].toUpperCase()}${name.slice(1)}`;
        const pub = u8aToHex(keyring.addFromUri(seed).publicKey);
        const idx = authorities.indexOf(pub);
        assert.notEqual(idx, -1, `${seed}'s sr25519 key is not a BABE authority (authorities: ${authorities.join(', ')})`);
        indexToName[idx] = name;
      }

      const f0 = (await finalizedHead(nodes.alice.rpcPort)).number;
      const authored = new Map(); // name -> count
      const seen = new Set(); // block hashes already attributed
      let unsub;
      let lastError;

      // Walk back from each new best head so that no block in a gap is missed.
      const record = async (header) => {
        let h = header;
        for (let i = 0; i < 50 && h && h.number.toNumber() > 0; i++) {
          const hash = h.hash.toHex();
          if (seen.has(hash)) break;
          seen.add(hash);
          const idx = babeAuthorityIndex(h);
          assert.notEqual(idx, undefined, `block #${h.number} has no BABE pre-runtime digest`);
          const name = indexToName[idx] ?? `authority#${idx}`;
          authored.set(name, (authored.get(name) ?? 0) + 1);
          try {
            h = await api.rpc.chain.getHeader(h.parentHash);
          } catch (e) {
            // Not fatal: a later head walks back over this gap again.
            console.error(`[e2e] getHeader(${h.parentHash.toHex()}) failed: ${e.message}`);
            break;
          }
        }
      };

      try {
        let chain = Promise.resolve();
        unsub = await api.rpc.chain.subscribeNewHeads((header) => {
          chain = chain.then(() => record(header)).catch((e) => {
            lastError ??= Object.assign(e, { fatal: true });
          });
        });
        await waitUntil(
          'every validator to author a block',
          () => {
            if (lastError) throw lastError;
            const missing = NAMES.filter((n) => !authored.has(n));
            if (missing.length) {
              throw new Error(`not yet authored: ${missing.join(', ')}; counts ${JSON.stringify(Object.fromEntries(authored))}`);
            }
            return true;
          },
          { timeoutMs: AUTHORING_DEADLINE_MS, intervalMs: 1000 },
        );
      } finally {
        if (unsub) unsub();
      }
      assert.deepEqual([...authored.keys()].filter((n) => !NAMES.includes(n)), [], 'blocks by unknown authorities');

      // Finality advances on every node.
      await Promise.all(
        NAMES.map((n) => waitForFinalizedHttp(nodes[n].rpcPort, f0 + 3, FINALITY_DEADLINE_MS, n)),
      );
    }),
  );

  it(
    'finality keeps advancing by >= 3 blocks with dave killed (3 of 4 validators)',
    { timeout: FINALITY_DEADLINE_MS + 60_000 },
    withLogsOnFailure(allNodes, async () => {
      const st = await nodes.dave.kill();
      assert.equal(st.signal, 'SIGKILL', `dave ended with code=${st.code} signal=${st.signal}`);

      const f = (await finalizedHead(nodes.alice.rpcPort)).number;
      const reached = await waitForFinalized(api, f + 3, FINALITY_DEADLINE_MS);
      assert.ok(reached.number >= f + 3);
      // The other two survivors agree on that block.
      for (const n of ['bob', 'charlie']) {
        await waitForFinalizedHttp(nodes[n].rpcPort, reached.number, 60_000, n);
        assert.equal(
          await rpcCall(nodes[n].rpcPort, 'chain_getBlockHash', [reached.number]),
          reached.hash,
          `${n} disagrees with alice on finalized block #${reached.number}`,
        );
      }
    }),
  );

  it(
    'dave restarted on the same base path catches up and finalizes',
    { timeout: 180_000 + CATCH_UP_DEADLINE_MS + 60_000 },
    withLogsOnFailure(allNodes, async () => {
      const aliceFinalized = (await finalizedHead(nodes.alice.rpcPort)).number;
      const peerIds = await Promise.all(['bob', 'charlie'].map((n) => nodes[n].rpc('system_localPeerId')));
      const bootnodes = [
        bootnode,
        ...['bob', 'charlie'].map((n, i) => `/ip4/127.0.0.1/tcp/${nodes[n].p2pPort}/p2p/${peerIds[i]}`),
      ];
      nodes.dave = await startValidator('dave', bootnodes);
      const dave = nodes.dave;
      const daveFinalized0 = (await finalizedHead(dave.rpcPort)).number;

      await waitUntil(
        `dave's best block to be within ${CATCH_UP_SLACK} of alice's`,
        async () => {
          const [a, d] = await Promise.all([bestHead(nodes.alice.rpcPort), bestHead(dave.rpcPort)]);
          if (d.number + CATCH_UP_SLACK < a.number) throw new Error(`dave #${d.number}, alice #${a.number}`);
          return true;
        },
        { timeoutMs: CATCH_UP_DEADLINE_MS, intervalMs: 2000 },
      );

      const target = Math.max(daveFinalized0 + 3, aliceFinalized + 1);
      const reached = await waitForFinalizedHttp(dave.rpcPort, target, CATCH_UP_DEADLINE_MS, 'dave');
      assert.equal(
        await rpcCall(nodes.alice.rpcPort, 'chain_getBlockHash', [reached.number]),
        reached.hash,
        `dave finalized #${reached.number} = ${reached.hash}, which is not alice's block`,
      );
      const health = await dave.rpc('system_health');
      assert.ok(health.peers >= 1, `dave has ${health.peers} peers after restart`);
    }),
  );
});
