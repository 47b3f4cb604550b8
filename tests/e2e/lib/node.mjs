// Test harness for the assay-node end-to-end suite.
//
// Everything here talks to a real `assay-node` process over loopback only:
// the node is made to listen on 127.0.0.1 for RPC, Prometheus and p2p, with
// telemetry and mDNS off, so no test ever sends a packet anywhere else.
//
// Rules kept throughout:
//   * every wait has a deadline and fails with a message saying what it waited for;
//   * every spawned process is registered and killed (SIGINT, then SIGKILL) by
//     `stopAll()`, and as a last resort SIGKILLed when this test process exits;
//   * node output goes to a log file beside its base path and to an in-memory
//     ring buffer, whose tail `withLogsOnFailure` prints when a test fails.

import { spawn } from 'node:child_process';
import { after, before } from 'node:test';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

import { ApiPromise, WsProvider } from '@polkadot/api';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** Root of the repository (tests/e2e/lib -> ../../..). */
export const REPO_ROOT = path.resolve(HERE, '..', '..', '..');

/** Path of the node binary: $ASSAY_NODE, else $CARGO_TARGET_DIR/debug/assay-node. */
export const NODE_BIN = (() => {
  if (process.env.ASSAY_NODE) return path.resolve(process.env.ASSAY_NODE);
  const target = process.env.CARGO_TARGET_DIR || '/var/tmp/assay-target';
  // cargo resolves a relative CARGO_TARGET_DIR against the workspace root.
  return path.resolve(REPO_ROOT, target, 'debug', 'assay-node');
})();

/** Keep temp dirs (base paths, logs) after the run when ASSAY_E2E_KEEP_TMP=1. */
export const KEEP_TMP = process.env.ASSAY_E2E_KEEP_TMP === '1';

/** How many lines of node output to print when a test fails. */
export const TAIL_LINES = 60;
const RING_LINES = 2000;

/** 1 ASY in plancks (12 decimals). */
export const ASY = 10n ** 12n;

// ---------------------------------------------------------------------------
// small utilities

/** Fails with a clear message unless the node binary exists and is executable. */
export function assertBinary() {
  try {
    fs.accessSync(NODE_BIN, fs.constants.X_OK);
  } catch {
    throw new Error(
      `assay-node binary not found or not executable at ${NODE_BIN}. ` +
        'Build it (cargo build -p assay-node) or point ASSAY_NODE / CARGO_TARGET_DIR at it.',
    );
  }
}

/** A new temp dir under os.tmpdir(). */
export async function makeTempDir(prefix) {
  return fsp.mkdtemp(path.join(os.tmpdir(), `assay-e2e-${prefix}-`));
}

/** Removes a temp dir (unless ASSAY_E2E_KEEP_TMP=1); never throws. */
export async function removeTempDir(dir) {
  if (!dir) return;
  if (KEEP_TMP) {
    console.error(`[e2e] keeping temp dir ${dir}`);
    return;
  }
  await fsp.rm(dir, { recursive: true, force: true, maxRetries: 3 }).catch((e) => {
    console.error(`[e2e] could not remove ${dir}: ${e.message}`);
  });
}

/**
 * Polls `fn` until it returns a value other than undefined/false/null, or throws after
 * the deadline with `what` in the message (plus the last error or value seen). An
 * error thrown by `fn` is retried, unless it has `fatal: true`, which stops at once.
 */
export async function waitUntil(what, fn, { timeoutMs, intervalMs = 1000 } = {}) {
  if (!timeoutMs) throw new Error('waitUntil needs timeoutMs');
  const deadline = Date.now() + timeoutMs;
  let lastErr;
  let lastVal;
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined && v !== false && v !== null) return v;
      lastVal = v;
      lastErr = undefined;
    } catch (e) {
      if (e && e.fatal) throw e;
      lastErr = e;
    }
    if (Date.now() >= deadline) {
      const detail = lastErr ? `last error: ${lastErr.message}` : `last value: ${String(lastVal)}`;
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (${detail})`);
    }
    await sleep(Math.min(intervalMs, Math.max(0, deadline - Date.now())));
  }
}

/** Races a promise against a deadline. */
export async function withTimeout(promise, timeoutMs, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms: ${what}`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------------------
// ports

const handedOut = new Set();

/**
 * A free TCP port on 127.0.0.1: bind port 0, read the port, close. Ports handed out
 * earlier in this process are never returned again, so a batch never collides.
 */
export async function getFreePort() {
  for (let i = 0; i < 50; i++) {
    const port = await new Promise((resolve, reject) => {
      const srv = net.createServer();
      srv.unref();
      srv.once('error', reject);
      srv.listen({ host: '127.0.0.1', port: 0, exclusive: true }, () => {
        const { port: p } = srv.address();
        srv.close((err) => (err ? reject(err) : resolve(p)));
      });
    });
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error('could not find a free loopback port in 50 tries');
}

// ---------------------------------------------------------------------------
// HTTP JSON-RPC

let rpcId = 0;

/** One JSON-RPC call over HTTP POST to 127.0.0.1:port; throws on transport or RPC error. */
export async function rpcCall(port, method, params = [], { timeoutMs = 10_000 } = {}) {
  const res = await fetch(`http://127.0.0.1:${port}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: ++rpcId, method, params }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method}: HTTP ${res.status}: ${text.slice(0, 300)}`);
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${method}: response is not JSON: ${text.slice(0, 300)}`);
  }
  if (body.error) throw new Error(`${method}: RPC error ${JSON.stringify(body.error)}`);
  return body.result;
}

/** Parses a block number as sent in a JSON header ("0x1a" or a number). */
export function parseBlockNumber(n) {
  if (typeof n === 'number') return n;
  if (typeof n === 'string') return Number.parseInt(n, n.startsWith('0x') ? 16 : 10);
  throw new Error(`unexpected block number ${JSON.stringify(n)}`);
}

/** {number, hash} of the finalized head, over HTTP. */
export async function finalizedHead(port) {
  const hash = await rpcCall(port, 'chain_getFinalizedHead');
  const header = await rpcCall(port, 'chain_getHeader', [hash]);
  return { number: parseBlockNumber(header.number), hash };
}

/** {number, hash} of the best head, over HTTP. */
export async function bestHead(port) {
  const header = await rpcCall(port, 'chain_getHeader');
  const hash = await rpcCall(port, 'chain_getBlockHash', [header.number]);
  return { number: parseBlockNumber(header.number), hash };
}

/** Waits (HTTP polling) until the node's finalized head is at least `height`. */
export async function waitForFinalizedHttp(port, height, timeoutMs, label = '') {
  let last = '?';
  try {
    return await waitUntil(
      `${label ? label + ': ' : ''}finalized height >= ${height}`,
      async () => {
        const h = await finalizedHead(port);
        last = h.number;
        return h.number >= height ? h : undefined;
      },
      { timeoutMs, intervalMs: 1000 },
    );
  } catch (e) {
    e.message += ` (last finalized seen: ${last})`;
    throw e;
  }
}

// ---------------------------------------------------------------------------
// processes

const live = new Set();

function killAllSync() {
  for (const n of live) {
    try {
      n.child.kill('SIGKILL');
    } catch {
      /* already gone */
    }
  }
}
process.on('exit', killAllSync);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(sig, () => {
    killAllSync();
    process.exit(128 + (os.constants.signals[sig] ?? 0));
  });
}

class RingBuffer {
  constructor(size) {
    this.size = size;
    this.lines = [];
    this.partial = { stdout: '', stderr: '' };
  }
  push(stream, chunk) {
    // eslint-disable-next-line no-control-regex
    const text = this.partial[stream] + chunk.toString('utf8').replace(/\x1b\[[0-9;]*m/g, '');
    const parts = text.split('\n');
    this.partial[stream] = parts.pop();
    for (const l of parts) this.add(l);
  }
  add(line) {
    this.lines.push(line);
    if (this.lines.length > this.size) this.lines.splice(0, this.lines.length - this.size);
  }
  flush() {
    for (const s of ['stdout', 'stderr']) {
      if (this.partial[s]) this.add(this.partial[s]);
      this.partial[s] = '';
    }
  }
  tail(n) {
    return this.lines.slice(-n);
  }
  text() {
    return [...this.lines, this.partial.stdout, this.partial.stderr].join('\n');
  }
}

/**
 * A spawned assay-node. Fields: name, child, pid, basePath, logFile, rpcPort, p2pPort,
 * prometheusPort, args (full argv), exited (promise of {code, signal}), exitStatus.
 */
export class NodeProcess {
  constructor({ name, child, basePath, logFile, rpcPort, p2pPort, prometheusPort, args, bin = NODE_BIN }) {
    Object.assign(this, { name, child, basePath, logFile, rpcPort, p2pPort, prometheusPort, args, bin });
    this.pid = child.pid;
    this.ring = new RingBuffer(RING_LINES);
    this.exitStatus = null;
    this.logStream = fs.createWriteStream(logFile, { flags: 'a' });
    this.logStream.write(`\n==== ${new Date().toISOString()} ${bin} ${args.join(' ')}\n`);
    const onData = (stream) => (chunk) => {
      this.ring.push(stream, chunk);
      this.logStream.write(chunk);
    };
    child.stdout.on('data', onData('stdout'));
    child.stderr.on('data', onData('stderr'));
    this.exited = new Promise((resolve) => {
      let spawnError;
      child.once('error', (e) => {
        spawnError = e;
        this.ring.add(`[harness] spawn error: ${e.message}`);
        // 'close' does not always follow a failed spawn.
        if (child.pid === undefined) finish(null, null);
      });
      const finish = (code, signal) => {
        if (this.exitStatus) return;
        this.ring.flush();
        this.exitStatus = { code, signal, error: spawnError };
        live.delete(this);
        this.logStream.end(`\n==== exited code=${code} signal=${signal}\n`);
        resolve(this.exitStatus);
      };
      // 'close' fires after the stdio streams are drained, so the log is complete.
      child.once('close', (code, signal) => finish(code, signal));
    });
    live.add(this);
  }

  get running() {
    return this.exitStatus === null;
  }

  get wsUrl() {
    return `ws://127.0.0.1:${this.rpcPort}`;
  }

  /** The whole captured output (last RING_LINES lines). */
  output() {
    return this.ring.text();
  }

  /** Last n lines of output. */
  tail(n = TAIL_LINES) {
    return this.ring.tail(n);
  }

  /** Prints the last n lines of output to stderr. */
  printTail(n = TAIL_LINES) {
    const lines = this.tail(n);
    const st = this.exitStatus ? ` exited code=${this.exitStatus.code} signal=${this.exitStatus.signal}` : ' running';
    console.error(
      `\n----- last ${lines.length} lines of ${this.name} (pid ${this.pid},${st}; full log: ${this.logFile}) -----\n` +
        lines.join('\n') +
        `\n----- end of ${this.name} -----\n`,
    );
  }

  /** Waits for the process to exit, at most timeoutMs; returns {code, signal} or null on timeout. */
  async waitExit(timeoutMs) {
    if (this.exitStatus) return this.exitStatus;
    let timer;
    const t = new Promise((resolve) => {
      timer = setTimeout(() => resolve(null), timeoutMs);
    });
    try {
      return await Promise.race([this.exited, t]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * SIGINT, then SIGKILL after graceMs. Always resolves with
   * {code, signal, forced} once the process is gone.
   */
  async stop({ graceMs = 60_000 } = {}) {
    if (this.exitStatus) return { ...this.exitStatus, forced: false };
    try {
      this.child.kill('SIGINT');
    } catch {
      /* gone */
    }
    const st = await this.waitExit(graceMs);
    if (st) return { ...st, forced: false };
    console.error(`[e2e] ${this.name} (pid ${this.pid}) ignored SIGINT for ${graceMs} ms; sending SIGKILL`);
    const killed = await this.kill();
    return { ...killed, forced: true };
  }

  /** SIGKILL, awaited. */
  async kill() {
    if (this.exitStatus) return this.exitStatus;
    try {
      this.child.kill('SIGKILL');
    } catch {
      /* gone */
    }
    const st = await this.waitExit(30_000);
    if (!st) throw new Error(`${this.name} (pid ${this.pid}) still alive 30 s after SIGKILL`);
    return st;
  }

  /** Waits until system_health answers over HTTP; fails early if the process exits. */
  async waitForRpc(timeoutMs = 180_000) {
    const deadline = Date.now() + timeoutMs;
    let lastErr = 'no attempt yet';
    while (Date.now() < deadline) {
      if (this.exitStatus) {
        const { code, signal } = this.exitStatus;
        throw new Error(
          `${this.name} exited (code=${code}, signal=${signal}) before its RPC answered on port ${this.rpcPort}\n` +
            this.tail().join('\n'),
        );
      }
      try {
        const health = await rpcCall(this.rpcPort, 'system_health', [], { timeoutMs: 3000 });
        if (health && typeof health.peers === 'number') return health;
        lastErr = `unexpected system_health result ${JSON.stringify(health)}`;
      } catch (e) {
        lastErr = e.cause?.code ?? e.message;
      }
      await sleep(500);
    }
    throw new Error(
      `${this.name}: RPC on 127.0.0.1:${this.rpcPort} did not answer system_health within ${timeoutMs} ms (last: ${lastErr})`,
    );
  }

  rpc(method, params, opts) {
    return rpcCall(this.rpcPort, method, params, opts);
  }
}

/**
 * Flags that keep a node on loopback: p2p on 127.0.0.1 only, Prometheus on a free port
 * (127.0.0.1 unless --prometheus-external), no telemetry, no mDNS multicast.
 */
export async function loopbackNetworkArgs({ p2pPort, prometheusPort } = {}) {
  p2pPort ??= await getFreePort();
  prometheusPort ??= await getFreePort();
  return [
    '--listen-addr',
    `/ip4/127.0.0.1/tcp/${p2pPort}`,
    '--prometheus-port',
    String(prometheusPort),
    '--no-telemetry',
    '--no-mdns',
  ];
}

/**
 * Spawns assay-node.
 *
 * args      chain/role flags, e.g. ['--dev'] or ['--chain', 'local', '--alice', '--validator']
 * basePath  required (even with --dev: without one, --dev uses a throwaway temp dir)
 * name      label for logs; the log file is `${basePath}.${name}.log`
 * ports     rpcPort / p2pPort / prometheusPort: taken free ones unless given
 * waitRpc   wait for system_health (default true); waitMs its deadline
 * network   true (default) adds --listen-addr /ip4/127.0.0.1/tcp/<p2p> --prometheus-port
 *           --no-telemetry --no-mdns; false passes only args + --base-path + --rpc-port
 *
 * p2p: `--listen-addr /ip4/127.0.0.1/tcp/P` is used rather than `--port P` on purpose:
 * `--port` listens on 0.0.0.0 and [::], and peers would then learn and dial the
 * machine's non-loopback addresses. The two flags conflict in sc-cli; never pass both.
 */
export async function startNode({
  args = [],
  basePath,
  name = 'node',
  rpcPort,
  p2pPort,
  prometheusPort,
  waitRpc = true,
  waitMs = 180_000,
  network = true,
  env = {},
} = {}) {
  assertBinary();
  if (!basePath) throw new Error('startNode: basePath is required');
  await fsp.mkdir(basePath, { recursive: true });
  rpcPort ??= await getFreePort();
  const fullArgs = [...args, '--base-path', basePath, '--rpc-port', String(rpcPort)];
  if (network) {
    p2pPort ??= await getFreePort();
    prometheusPort ??= await getFreePort();
    fullArgs.push(...(await loopbackNetworkArgs({ p2pPort, prometheusPort })));
  }
  const child = spawn(NODE_BIN, fullArgs, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, RUST_BACKTRACE: '1', ...env },
  });
  const node = new NodeProcess({
    name,
    child,
    basePath,
    logFile: `${basePath}.${name}.log`,
    rpcPort,
    p2pPort,
    prometheusPort,
    args: fullArgs,
  });
  if (waitRpc) {
    try {
      await node.waitForRpc(waitMs);
    } catch (e) {
      await node.kill().catch(() => {});
      throw e;
    }
  }
  return node;
}

/**
 * Runs the node and waits for it to exit on its own (for start-up failures).
 *
 * args      the flags under test
 * basePath  passed as --base-path (required: keeps a misbehaving node off ~/.local)
 * network   true (default) also adds the loopback-only flags used by startNode
 *           (free --rpc-port unless rpcPort is given, --listen-addr 127.0.0.1,
 *           --prometheus-port, --no-telemetry, --no-mdns), so that a node that
 *           wrongly keeps running stays on loopback
 * abortOn   regexes: if the output matches one, the node is SIGKILLed at once and
 *           `aborted` holds the match (e.g. "it is serving RPC anyway")
 *
 * Resolves with {code, signal, output, timedOut, aborted, node}. On timeout the process
 * is SIGKILLed and timedOut is true.
 */
export async function runToExit({
  args,
  basePath,
  name = 'node',
  timeoutMs = 120_000,
  network = true,
  rpcPort,
  abortOn = [],
}) {
  assertBinary();
  if (!basePath) throw new Error('runToExit: basePath is required');
  await fsp.mkdir(basePath, { recursive: true });
  const fullArgs = [...args, '--base-path', basePath];
  if (network) {
    fullArgs.push('--rpc-port', String(rpcPort ?? (await getFreePort())));
    fullArgs.push(...(await loopbackNetworkArgs()));
  }
  const child = spawn(NODE_BIN, fullArgs, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, RUST_BACKTRACE: '1' },
  });
  const node = new NodeProcess({
    name,
    child,
    basePath,
    logFile: `${basePath}.${name}.log`,
    rpcPort,
    args: fullArgs,
  });
  let aborted = null;
  const abortWatch = (async () => {
    while (node.running && !aborted) {
      const out = node.output();
      for (const re of abortOn) {
        const m = out.match(re);
        if (m) {
          aborted = m[0];
          break;
        }
      }
      if (aborted) {
        await node.kill().catch(() => {});
        return;
      }
      await sleep(250);
    }
  })();
  let st = await node.waitExit(timeoutMs);
  let timedOut = false;
  if (!st) {
    timedOut = true;
    st = await node.kill();
  }
  await abortWatch;
  return { code: st.code, signal: st.signal, output: node.output(), timedOut: timedOut && !aborted, aborted, node };
}

/** Stops every given node (SIGINT, then SIGKILL), in parallel; never throws. */
export async function stopAll(nodes, { graceMs = 30_000 } = {}) {
  await Promise.all(
    nodes.filter(Boolean).map((n) =>
      n.stop({ graceMs }).catch((e) => console.error(`[e2e] stopping ${n.name}: ${e.message}`)),
    ),
  );
}

/**
 * Wraps a test body: on failure, prints the last TAIL_LINES lines of every node that
 * `getNodes()` returns, then rethrows.
 */
export function withLogsOnFailure(getNodes, fn) {
  return async (t) => {
    try {
      return await fn(t);
    } catch (e) {
      for (const n of [getNodes()].flat().filter(Boolean)) n.printTail(TAIL_LINES);
      throw e;
    }
  };
}

// ---------------------------------------------------------------------------
// polkadot.js

/** An ApiPromise over ws://127.0.0.1:port; rejects after timeoutMs. */
export async function connectApi(port, { timeoutMs = 60_000 } = {}) {
  const provider = new WsProvider(`ws://127.0.0.1:${port}`, 1000, {}, 60_000);
  try {
    const api = await withTimeout(
      ApiPromise.create({ provider, throwOnConnect: true, noInitWarn: true }),
      timeoutMs,
      `connecting polkadot.js to ws://127.0.0.1:${port}`,
    );
    await withTimeout(api.isReady, timeoutMs, `polkadot.js api.isReady on port ${port}`);
    return api;
  } catch (e) {
    await provider.disconnect().catch(() => {});
    throw new Error(`polkadot.js could not connect to ws://127.0.0.1:${port}: ${e.message}`, { cause: e });
  }
}

/** Disconnects an ApiPromise; never throws. */
export async function disconnectApi(api) {
  if (!api) return;
  await withTimeout(api.disconnect(), 10_000, 'api.disconnect()').catch(() => {});
}

/**
 * Resolves with the finalized header ({number, hash}) once the finalized head is at
 * least `height`; rejects after timeoutMs with the last finalized height seen.
 */
export function waitForFinalized(api, height, timeoutMs = 180_000) {
  return new Promise((resolve, reject) => {
    let last = '?';
    let done = false;
    let unsub;
    const finish = (fn, v) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (unsub) unsub();
      fn(v);
    };
    const timer = setTimeout(
      () => finish(reject, new Error(`finalized height did not reach ${height} within ${timeoutMs} ms (last: ${last})`)),
      timeoutMs,
    );
    api.rpc.chain
      .subscribeFinalizedHeads((header) => {
        last = header.number.toNumber();
        if (last >= height) finish(resolve, { number: last, hash: header.hash.toHex() });
      })
      .then((u) => {
        unsub = u;
        if (done) u();
      })
      .catch((e) => finish(reject, e));
  });
}

/** Human-readable text for a DispatchError, decoding module errors via the metadata. */
export function describeDispatchError(registry, dispatchError) {
  if (dispatchError.isModule) {
    const { section, name, docs } = registry.findMetaError(dispatchError.asModule);
    return { section, name, text: `${section}.${name}${docs.length ? `: ${docs.join(' ')}` : ''}` };
  }
  if (dispatchError.isToken) return { section: 'token', name: dispatchError.asToken.type, text: `Token.${dispatchError.asToken.type}` };
  if (dispatchError.isArithmetic) return { section: 'arithmetic', name: dispatchError.asArithmetic.type, text: `Arithmetic.${dispatchError.asArithmetic.type}` };
  return { section: 'dispatch', name: dispatchError.type, text: dispatchError.toString() };
}

/**
 * Signs and sends `tx`; resolves with {blockHash, events, txHash} once it is in a
 * finalized block. Rejects when the extrinsic failed (the error carries .module =
 * {section, name}, .blockHash, .events), when the pool drops/invalidates it, or after
 * timeoutMs.
 */
export function sendAndWaitFinalized(tx, signer, { api, timeoutMs = 180_000, options = {} } = {}) {
  const registry = api?.registry ?? tx.registry;
  const label = `${tx.method.section}.${tx.method.method}`;
  return new Promise((resolve, reject) => {
    let done = false;
    let unsub;
    let lastStatus = 'not submitted';
    const finish = (fn, v) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (unsub) {
        try {
          unsub();
        } catch {
          /* ignore */
        }
      }
      fn(v);
    };
    const timer = setTimeout(
      () => finish(reject, new Error(`${label}: not finalized within ${timeoutMs} ms (last status: ${lastStatus})`)),
      timeoutMs,
    );
    tx.signAndSend(signer, options, (result) => {
      const { status } = result;
      lastStatus = status.type;
      if (result.internalError) {
        finish(reject, new Error(`${label}: ${result.internalError.message ?? result.internalError}`));
      } else if (status.isInvalid || status.isDropped || status.isUsurped || status.isFinalityTimeout) {
        finish(reject, new Error(`${label}: transaction ${status.type}`));
      } else if (status.isFinalized) {
        const blockHash = status.asFinalized.toHex();
        if (result.dispatchError) {
          const d = describeDispatchError(registry, result.dispatchError);
          const err = new Error(`${label} failed in finalized block ${blockHash}: ${d.text}`);
          err.module = { section: d.section, name: d.name };
          err.blockHash = blockHash;
          err.events = result.events;
          finish(reject, err);
        } else {
          finish(resolve, { blockHash, events: result.events, txHash: result.txHash.toHex() });
        }
      }
    })
      .then((u) => {
        unsub = u;
        if (done) u();
      })
      .catch((e) => finish(reject, new Error(`${label}: submission failed: ${e.message}`)));
  });
}

/** The single event record `section.method` in `events`; fails listing what was there. */
export function findEvent(events, section, method) {
  const found = events.filter(({ event }) => event.section === section && event.method === method);
  if (found.length !== 1) {
    const seen = events.map(({ event }) => `${event.section}.${event.method}`).join(', ');
    throw new Error(`expected exactly one ${section}.${method} event, found ${found.length} (events: ${seen})`);
  }
  return found[0].event;
}

/** Free balance (bigint) of `address`, at block `at` (hash) or at best. */
export async function freeBalance(api, address, at) {
  const q = at ? await api.at(at) : api;
  const { data } = await q.query.system.account(address);
  return data.free.toBigInt();
}

/**
 * Author of a block, as a BABE authority index decoded from the PreRuntime digest
 * (engine 'BABE'; payload = enum tag 1 Primary / 2 SecondaryPlain / 3 SecondaryVRF,
 * then authority_index as u32 little-endian). Returns undefined if there is none.
 */
export function babeAuthorityIndex(header) {
  for (const log of header.digest.logs) {
    if (!log.isPreRuntime) continue;
    const [engine, data] = log.asPreRuntime;
    const isBabe = typeof engine.isBabe === 'boolean' ? engine.isBabe : engine.toString() === 'BABE';
    if (!isBabe) continue;
    const u8a = data.toU8a(true);
    if (u8a.length < 5 || ![1, 2, 3].includes(u8a[0])) {
      throw new Error(`unexpected BABE pre-digest ${data.toHex()}`);
    }
    return u8a[1] | (u8a[2] << 8) | (u8a[3] << 16) | (u8a[4] << 24);
  }
  return undefined;
}

/**
 * Registers `before`/`after` hooks on the current `describe` that start `assay-node --dev` in
 * a fresh temporary directory, connect polkadot.js and wait for the first finalized block, and
 * tear all of it down afterwards. Returns `dev`, whose `node` and `api` are set once `before`
 * ran, and `nodes()` for `withLogsOnFailure`.
 */
export function useDevNode(prefix) {
  const dev = { root: undefined, node: undefined, api: undefined };
  const nodes = () => (dev.node ? [dev.node] : []);
  before(
    withLogsOnFailure(nodes, async () => {
      assertBinary();
      dev.root = await makeTempDir(prefix);
      dev.node = await startNode({ args: ['--dev'], basePath: path.join(dev.root, 'dev'), name: 'dev' });
      dev.api = await connectApi(dev.node.rpcPort);
      // Extrinsics need a chain that moves: wait for the first finalized block.
      await waitForFinalized(dev.api, 1, 180_000);
    }),
    { timeout: 300_000 },
  );
  after(
    async () => {
      await disconnectApi(dev.api);
      await stopAll(nodes());
      await removeTempDir(dev.root);
    },
    { timeout: 120_000 },
  );
  return { dev, nodes };
}
