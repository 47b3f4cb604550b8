// Harness for the end-to-end tests that run the real workers (assay-solver, assay-verifier)
// against a real dev node: spawning them (with the same loopback-only, logged, always-killed
// discipline as nodes), serving the bundled digits data over HTTP, building tasks, and
// accounting for every balance change of a task.

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { setTimeout as sleep } from 'node:timers/promises';

import { NodeProcess, REPO_ROOT, getFreePort, waitUntil } from './node.mjs';

const TARGET = process.env.CARGO_TARGET_DIR || '/var/tmp/assay-target';

/** Path of a workspace binary built next to the node. */
export function binary(name) {
  const file = path.resolve(REPO_ROOT, TARGET, 'debug', name);
  try {
    fs.accessSync(file, fs.constants.X_OK);
  } catch {
    throw new Error(`${file} not found: build it (cargo build --workspace --bins)`);
  }
  return file;
}

/** Spawns a worker; its output goes to `<root>/<name>.log` and a ring buffer. */
export function startWorker({ bin, name, args, root }) {
  const child = spawn(binary(bin), args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, RUST_BACKTRACE: '1', RUST_LOG: process.env.RUST_LOG ?? 'info' },
  });
  return new NodeProcess({ name, child, basePath: root, logFile: path.join(root, `${name}.log`), args, bin: binary(bin) });
}

/** A solver for `key` (a dev URI), serving checkpoints on a free port. */
export async function startSolver({ nodeUrl, key, root, name = 'solver', store, bond = 1000, extra = [] }) {
  const port = await getFreePort();
  const args = ['--node', nodeUrl, '--key', key, '--store', store ?? path.join(root, name), '--listen', `127.0.0.1:${port}`, '--bond', String(bond), ...extra];
  const worker = startWorker({ bin: 'assay-solver', name, args, root });
  worker.artifactPort = port;
  return worker;
}

/** A verifier (or whistleblower, with role) for `key`. */
export function startVerifier({ nodeUrl, key, root, name, store, role = 'verifier', bond = 200, extra = [] }) {
  const args = ['--node', nodeUrl, '--key', key, '--store', store ?? path.join(root, name), '--role', role, '--bond', String(bond), ...extra];
  return startWorker({ bin: 'assay-verifier', name, args, root });
}

/** Waits until `worker`'s output matches `pattern`; fails early if it exits. */
export async function waitForOutput(worker, pattern, timeoutMs = 180_000) {
  return waitUntil(
    `${worker.name} to log ${pattern}`,
    async () => {
      if (!worker.running) {
        const e = new Error(`${worker.name} exited: ${JSON.stringify(worker.exitStatus)}`);
        e.fatal = true;
        throw e;
      }
      return pattern.test(worker.output());
    },
    { timeoutMs, intervalMs: 500 },
  );
}

/** The bundled digits data set served over HTTP on loopback; resolves with {url, sha256, close}. */
export async function serveDigits() {
  const file = path.join(REPO_ROOT, 'learning', 'tests', 'fixtures', 'digits.csv.gz');
  const bytes = fs.readFileSync(file);
  const sha256 = createHash('sha256').update(zlib.gunzipSync(bytes)).digest('hex');
  const server = http.createServer((req, res) => {
    if (req.url === '/digits.csv.gz') {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(bytes);
    } else {
      res.writeHead(404).end();
    }
  });
  const port = await getFreePort();
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}/digits.csv.gz`, sha256, close: () => new Promise((r) => server.close(r)) };
}

/**
 * A digits MLP task. `segments` × `interval` steps; every segment sampled unless said.
 */
export function digitsTask(data, { segments = 4, interval = 16, sampled, verifiers = 2, deadlineBlocks = 100, sha256 } = {}) {
  return {
    model: { Mlp: { layers: [64, 32, 10] } },
    dataset: { uri: data.url, sha256: `0x${sha256 ?? data.sha256}`, format: 'Csv', trainSamples: 1500 },
    hyper: { optimizer: 'Sgd', learningRate: 50_000_000, batchSize: 32, totalSteps: segments * interval, seed: 11, checkpointInterval: interval },
    verification: { mode: 'Exact', sampledSegments: sampled ?? segments, verifiers },
    hardware: { device: 'Cpu', memoryGib: 1 },
    deadlineBlocks,
  };
}

/** An event's named fields as a plain object with camelCase keys. */
export function fields(event) {
  const camel = (name) => name.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
  return Object.fromEntries((event.data.names ?? []).map((name, i) => [camel(name), event.data[i]]));
}

/**
 * Records every event of every finalized block from now on (or from block `after + 1`, to
 * continue an earlier recorder without reading a block twice). `stop()` ends it;
 * `find(section, method, pred)` lists {block, data} with data as field objects.
 */
export async function recordEvents(api, { after = 0, seen = [] } = {}) {
  let last = after;
  const unsub = await api.rpc.chain.subscribeFinalizedHeads(async (header) => {
    // Finalized heads can skip numbers: read every block up to this one.
    const to = header.number.toNumber();
    const from = last === 0 ? to : last + 1;
    last = Math.max(last, to);
    try {
      for (let n = from; n <= to; n++) {
        const hash = await api.rpc.chain.getBlockHash(n);
        const events = await (await api.at(hash)).query.system.events();
        for (const { event } of events) seen.push({ block: n, section: event.section, method: event.method, data: fields(event) });
      }
    } catch (e) {
      // The connection closed under a stopping test (or a restarting node): nothing to record.
      if (!/disconnected|closed/i.test(e.message)) console.error(`[e2e] recording events: ${e.message}`);
    }
  });
  return {
    seen,
    lastBlock: () => last,
    stop: () => unsub(),
    find: (section, method, pred = () => true) => seen.filter((e) => e.section === section && e.method === method && pred(e.data)),
  };
}

/** Free + reserved balance of `address` (bonds and escrows are holds, so they count). */
export async function totalBalance(api, address) {
  const { data } = await api.query.system.account(address);
  return data.free.toBigInt() + data.reserved.toBigInt();
}

/** Transaction fees `address` paid among the recorded events. */
export function feesPaid(recorder, address) {
  return recorder
    .find('transactionPayment', 'TransactionFeePaid', (d) => d.who.toString() === address)
    .reduce((sum, e) => sum + e.data.actualFee.toBigInt() + e.data.tip.toBigInt(), 0n);
}

/** Waits until task `task` emitted one of the ending events; returns {method, data}. */
export async function waitForTaskEnd(recorder, task, timeoutMs) {
  const ends = ['TaskSettled', 'TaskFailed', 'TaskAbandoned', 'TaskExpired', 'TaskCancelled'];
  return waitUntil(
    `task ${task} to end`,
    async () => recorder.seen.find((e) => e.section === 'taskPool' && ends.includes(e.method) && e.data.task?.toString() === String(task)),
    { timeoutMs, intervalMs: 1000 },
  );
}

export { sleep };
