// Start-up failures: the node must refuse bad input with a non-zero exit code (not a
// crash by signal, not a panic) and a message that says what is wrong.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fsp from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

import { TAIL_LINES, assertBinary, getFreePort, makeTempDir, removeTempDir, runToExit } from './lib/node.mjs';

const EXIT_DEADLINE_MS = 120_000;

/** Common checks on a run that must fail cleanly; prints the output tail on failure. */
function assertCleanFailure(run, messageRe, what) {
  try {
    assert.equal(run.aborted, null, `${what}: the node kept running instead of exiting (saw "${run.aborted}")`);
    assert.equal(run.timedOut, false, `${what}: the node did not exit within ${EXIT_DEADLINE_MS} ms`);
    assert.equal(run.signal, null, `${what}: the node was ended by signal ${run.signal}`);
    assert.equal(typeof run.code, 'number', `${what}: no exit code`);
    assert.notEqual(run.code, 0, `${what}: the node exited 0`);
    assert.match(run.output, messageRe, `${what}: output does not match ${messageRe}`);
    assert.doesNotMatch(run.output, /panicked at|This is a bug\. Please report it/, `${what}: the node panicked`);
  } catch (e) {
    run.node.printTail(TAIL_LINES);
    throw e;
  }
}

describe('bad input at start-up', () => {
  let root;

  before(async () => {
    assertBinary();
    root = await makeTempDir('bad');
  });

  after(async () => {
    await removeTempDir(root);
  });

  it('--chain with a missing spec file exits non-zero naming the file', { timeout: EXIT_DEADLINE_MS + 30_000 }, async () => {
    const run = await runToExit({
      args: ['--chain', '/nonexistent/spec.json'],
      basePath: path.join(root, 'missing-spec'),
      name: 'missing-spec',
      timeoutMs: EXIT_DEADLINE_MS,
      abortOn: [/Running JSON-RPC server/],
    });
    assertCleanFailure(run, /\/nonexistent\/spec\.json|no such file or directory/i, 'missing spec');
  });

  it('--chain with a malformed spec file exits non-zero with a parse error', { timeout: EXIT_DEADLINE_MS + 30_000 }, async () => {
    const spec = path.join(root, 'garbage-spec.json');
    await fsp.writeFile(spec, '{ "name": ');
    const run = await runToExit({
      args: ['--chain', spec],
      basePath: path.join(root, 'garbage-spec'),
      name: 'garbage-spec',
      timeoutMs: EXIT_DEADLINE_MS,
      abortOn: [/Running JSON-RPC server/],
    });
    assertCleanFailure(
      run,
      /error parsing spec|pars(e|ing) (error|spec|chain ?spec|json)|EOF while parsing|invalid (chain ?spec|json)/i,
      'malformed spec',
    );
  });

  it('--rpc-port on a port already in use exits non-zero saying so', { timeout: EXIT_DEADLINE_MS + 30_000 }, async () => {
    const port = await getFreePort();
    const blocker = net.createServer((sock) => sock.destroy());
    await new Promise((resolve, reject) => {
      blocker.once('error', reject);
      blocker.listen({ host: '127.0.0.1', port, exclusive: true }, resolve);
    });
    try {
      const run = await runToExit({
        args: ['--dev'],
        rpcPort: port,
        basePath: path.join(root, 'port-in-use'),
        name: 'port-in-use',
        timeoutMs: EXIT_DEADLINE_MS,
        // sc-cli's default is to fall back to a random port when --rpc-port is busy;
        // if the node does that, stop at once instead of waiting out the deadline.
        abortOn: [/Running JSON-RPC server: addr=\S+/],
      });
      assertCleanFailure(run, /address already in use|addr(ess)?\s*in\s*use|os error 98|EADDRINUSE/i, 'rpc port in use');
    } finally {
      await new Promise((resolve) => blocker.close(() => resolve()));
    }
  });
});
