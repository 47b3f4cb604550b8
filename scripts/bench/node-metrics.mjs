// Measures a development node: mean block time, GRANDPA finality lag and resident memory
// after N blocks (default 100). Starts its own `assay-node --dev` on free loopback ports.
//
//   node scripts/bench/node-metrics.mjs [blocks]
//
// Prints one JSON object; docs/benchmarks.md records the figures with the machine they ran on.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  bestHead, connectApi, disconnectApi, finalizedHead, makeTempDir, removeTempDir, startNode,
} from '../../tests/e2e/lib/node.mjs';

const targetBlocks = Number(process.argv[2] ?? 100);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function blockTimestamp(api, number) {
  const hash = await api.rpc.chain.getBlockHash(number);
  return (await api.query.timestamp.now.at(hash)).toNumber();
}

async function residentKib(pid) {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]);
}

const dir = await makeTempDir('assay-bench-');
const node = await startNode({ args: ['--dev'], basePath: path.join(dir, 'dev'), name: 'bench' });
try {
  const started = Date.now();
  const lags = [];
  for (;;) {
    const [best, finalized] = await Promise.all([bestHead(node.rpcPort), finalizedHead(node.rpcPort)]);
    if (best.number >= 1) lags.push(best.number - finalized.number);
    if (best.number >= targetBlocks) break;
    if (Date.now() - started > targetBlocks * 20_000) throw new Error('node is not producing blocks');
    await sleep(1000);
  }
  // Block 1 waits for the first slot after start-up; measure from block 2 on.
  const first = 2;
  const api = await connectApi(node.rpcPort);
  const [t0, t1] = await Promise.all([
    blockTimestamp(api, first), blockTimestamp(api, targetBlocks),
  ]);
  await disconnectApi(api);
  const result = {
    blocks: targetBlocks,
    meanBlockTimeMs: Math.round((t1 - t0) / (targetBlocks - first)),
    finalityLagBlocks: {
      mean: Number((lags.reduce((a, b) => a + b, 0) / lags.length).toFixed(2)),
      max: Math.max(...lags),
    },
    residentMiB: Math.round((await residentKib(node.child.pid)) / 1024),
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  await node.stop();
  await removeTempDir(dir);
}
