// Chain specs and maintenance subcommands: a spec exported with `build-spec` starts a chain
// that produces and finalizes blocks, `purge-chain` removes its database, `key` derives peer
// ids.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

import {
  NODE_BIN, assertBinary, makeTempDir, removeTempDir, rpcCall, startNode, stopAll,
  waitForFinalizedHttp, withLogsOnFailure,
} from './lib/node.mjs';

const run = promisify(execFile);
const FIRST_FINALITY_MS = 180_000;
const ALICE_NODE_KEY = '1'.padStart(64, '0');

describe('chain specs and maintenance subcommands', () => {
  let root;
  let specFile;
  let nodes = [];

  before(async () => {
    assertBinary();
    root = await makeTempDir('spec');
  });

  after(async () => {
    await stopAll(nodes);
    await removeTempDir(root);
  });

  it('build-spec --chain dev --raw exports the development chain with its properties', { timeout: 120_000 }, async () => {
    const { stdout } = await run(NODE_BIN, ['build-spec', '--chain', 'dev', '--raw'], {
      maxBuffer: 64 * 1024 * 1024,
      timeout: 100_000,
    });
    const spec = JSON.parse(stdout);
    assert.equal(spec.name, 'Assay Development');
    assert.equal(spec.id, 'assay_dev');
    assert.equal(spec.chainType, 'Development');
    assert.deepEqual(
      { symbol: spec.properties.tokenSymbol, decimals: spec.properties.tokenDecimals, ss58: spec.properties.ss58Format },
      { symbol: 'ASY', decimals: 12, ss58: 42 },
    );
    // A raw spec carries the genesis storage itself, including the runtime code (`:code`).
    assert.ok(spec.genesis.raw.top['0x3a636f6465'], 'raw genesis has no :code entry');
    specFile = path.join(root, 'assay-dev-raw.json');
    await fsp.writeFile(specFile, stdout);
  });

  it('a node started from the exported spec file finalizes blocks', { timeout: FIRST_FINALITY_MS + 60_000 }, withLogsOnFailure(() => nodes, async () => {
    assert.ok(specFile, 'the previous test did not export a spec');
    const node = await startNode({
      args: ['--chain', specFile, '--alice', '--validator', '--node-key', ALICE_NODE_KEY],
      basePath: path.join(root, 'from-file'),
      name: 'from-file',
    });
    nodes.push(node);
    assert.equal(await rpcCall(node.rpcPort, 'system_chain'), 'Assay Development');
    const head = await waitForFinalizedHttp(node.rpcPort, 2, FIRST_FINALITY_MS, 'from-file');
    assert.ok(head.number >= 2);
    await node.stop();
    nodes = [];
  }));

  it('purge-chain removes the database and keeps the keystore', { timeout: 120_000 }, async () => {
    const basePath = path.join(root, 'from-file');
    const chainDir = path.join(basePath, 'chains', 'assay_dev');
    assert.ok(fs.existsSync(path.join(chainDir, 'paritydb')), 'the previous test left no database');
    await run(NODE_BIN, ['purge-chain', '--chain', specFile, '--base-path', basePath, '-y'], { timeout: 100_000 });
    assert.equal(fs.existsSync(path.join(chainDir, 'paritydb')), false, 'database still there');
    assert.ok(fs.existsSync(path.join(chainDir, 'keystore')), 'keystore was removed');
  });

  it('key inspect-node-key derives the peer id of a node key', { timeout: 60_000 }, async () => {
    const keyFile = path.join(root, 'node-key');
    await fsp.writeFile(keyFile, ALICE_NODE_KEY);
    const { stdout } = await run(NODE_BIN, ['key', 'inspect-node-key', '--file', keyFile], { timeout: 50_000 });
    assert.equal(stdout.trim(), '12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp');
  });
});
