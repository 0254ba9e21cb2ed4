#!/usr/bin/env node
// Idle and loaded RSS of one gateway build, read from /proc/PID/status (VmRSS) the way the bench reads it.
// Starts the mock (CPU 1) and the gateway (CPU 0), reads VmRSS once the gateway answers and has sat idle, then
// (with --connections) runs `wrk -t1 -c N -d S` on CPU 1 with the bench's request while sampling VmRSS every 250 ms.
//
//   node apps/gateway/scripts/memory-probe.mjs [--gateway apps/gateway/dist/main.js] [--config openai|default|pglite|postgres]
//     [--connections 64] [--duration 8] [--mode non-stream|stream] [--node-flag=--max-semi-space-size=8 ...]
//
// pglite: a fresh SWITCHYARD_DATA_DIR with a virtual key; postgres: DATABASE_URL / REDIS_URL (default the local
// test services) with a prefix of its own. Needs the built mock (tools/mock-provider/dist) and wrk for the load.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchBody, benchConfig, freePort, mockCli, root, waitUntilUp } from './probe-support.mjs';

const { values } = parseArgs({
  options: {
    gateway: { type: 'string', default: join(root, 'apps/gateway/dist/main.js') },
    config: { type: 'string', default: 'openai' },
    connections: { type: 'string', default: '0' },
    duration: { type: 'string', default: '8' },
    mode: { type: 'string', default: 'non-stream' },
    idle: { type: 'string', default: '3000' },
    'node-flag': { type: 'string', multiple: true, default: [] },
  },
});
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
const cpuSeconds = (pid) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ').slice(11, 13).reduce((sum, ticks) => sum + Number(ticks), 0) / 100;
const pinned = (cpu, args, env = {}, stdout = 'ignore') =>
  spawn('taskset', ['-c', String(cpu), ...args], { env: { ...process.env, NODE_ENV: 'production', ...env }, stdio: ['ignore', stdout, 'inherit'] });

/** The environment and the virtual key of a governed run; the key is issued before the gateway opens the store. */
async function governance(kind, work) {
  if (kind !== 'pglite' && kind !== 'postgres') return { env: {}, authorization: 'Bearer sk-bench' };
  const { openStore } = await import(createRequire(join(root, 'apps/gateway/package.json')).resolve('@switchyard/store'));
  const prefix = `switchyard-memory-probe:${process.pid}:${Date.now()}:`;
  const env =
    kind === 'pglite'
      ? { SWITCHYARD_DATA_DIR: join(work, 'pglite') }
      : {
          DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
          REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
          SWITCHYARD_GOVERNANCE_REDIS_PREFIX: prefix,
          SWITCHYARD_ROUTER_REDIS_PREFIX: `${prefix}router:`,
        };
  const store = await openStore(kind === 'pglite' ? { dataDir: env.SWITCHYARD_DATA_DIR, env: {} } : { databaseUrl: env.DATABASE_URL, env: {} });
  const { key } = await store.keys.create({ keyAlias: `memory-probe-${Date.now()}`, rpmLimit: 100_000_000, maxBudget: 1_000_000 });
  await store.close();
  return { env: { ...env, SWITCHYARD_MASTER_KEY: 'sk-switchyard-memory-probe-master' }, authorization: `Bearer ${key}` };
}

const work = mkdtempSync(join(tmpdir(), 'memory-probe-'));
const mockPort = await freePort();
const children = [pinned(1, [process.execPath, mockCli, '--port', String(mockPort), '--host', '127.0.0.1'])];
try {
  await waitUntilUp(mockPort);
  const config = join(work, 'gateway.yaml');
  writeFileSync(config, benchConfig(mockPort));
  const { env, authorization } = await governance(values.config, work);
  const port = await freePort();
  const configArgs = values.config === 'default' ? [] : ['--config', config];
  const gateway = pinned(0, [process.execPath, ...values['node-flag'], resolve(values.gateway), ...configArgs, '--port', String(port), '--host', '127.0.0.1'], env);
  children.push(gateway);
  await waitUntilUp(port);
  await sleep(Number(values.idle));
  const idle = rssMb(gateway.pid);
  console.log(`${values.config} idle RSS ${idle.toFixed(1)} MB (pid ${gateway.pid}, flags ${values['node-flag'].join(' ') || 'none'})`);
  const connections = Number(values.connections);
  if (connections > 0) {
    const requestFile = join(work, 'request.txt');
    const head = `POST /v1/chat/completions\ncontent-type: application/json\nauthorization: ${authorization}`;
    writeFileSync(requestFile, `${head}\n\n${benchBody(values.mode === 'stream')}`);
    const samples = [];
    const cpuBefore = cpuSeconds(gateway.pid);
    const sampler = setInterval(() => samples.push(rssMb(gateway.pid)), 250);
    const wrk = pinned(1, ['wrk', '-t1', `-c${connections}`, `-d${values.duration}s`, '-s', join(root, 'tools/bench/lua/post.lua'), `http://127.0.0.1:${port}`, '--', requestFile], {}, 'pipe');
    let output = '';
    wrk.stdout?.on('data', (part) => (output += part));
    await new Promise((done) => wrk.on('exit', done));
    clearInterval(sampler);
    const cpu = cpuSeconds(gateway.pid) - cpuBefore;
    const sorted = [...samples].sort((a, b) => a - b);
    console.log(`${values.mode} @${connections}: peak RSS ${sorted.at(-1).toFixed(1)} MB, median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} MB (${samples.length} samples); cpu ${cpu.toFixed(2)} s`);
    console.log(output.trim().split('\n').at(-1));
    console.log(`samples: ${samples.map((mb) => mb.toFixed(0)).join(' ')}`);
    await sleep(1000);
    console.log(`after the load: RSS ${rssMb(gateway.pid).toFixed(1)} MB`);
  }
} finally {
  const exited = children.map((child) => new Promise((done) => (child.exitCode === null ? child.on('exit', done) : done())));
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(exited);
  rmSync(work, { recursive: true, force: true });
}
