#!/usr/bin/env node
// Idle and loaded RSS of one gateway build, read from /proc/PID/status (VmRSS) the way the bench reads it.
// Starts the mock (CPU 1) and the gateway (CPU 0) and reads VmRSS twice while it sits idle: `--idle` ms after it
// first answers ("start-up": the young generation still holds the semi-spaces start-up grew) and `--settle` ms after
// ("settled": V8's memory reducer has run, 20-30 s into an idle process, and shrunk them; 0 skips it). Then (with
// --connections) runs `wrk -t1 -c N -d S` on CPU 1 with the bench's request while sampling VmRSS every 250 ms.
//
//   node apps/gateway/scripts/memory-probe.mjs [--gateway apps/gateway/dist/main.js] [--config openai|default]
//     [--scenario governance-pglite|governance-postgres] [--idle 3000] [--settle 45000] [--connections 64]
//     [--duration 8] [--mode non-stream|stream] [--node-flag=--max-semi-space-size=4 ...]
//
// --config default starts the gateway without --config (the demo model). --scenario adds the bench's governance
// session (ab-client.mjs openScenario: master key, a fresh virtual key; governance-postgres needs
// SWITCHYARD_BENCH_DATABASE_URL / _REDIS_URL or DATABASE_URL / REDIS_URL; needs tools/bench built). Needs the built
// mock (tools/mock-provider/dist) and wrk for the load.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, mockConfig, openScenario, root, waitUntilUp } from './ab-client.mjs';

const { values } = parseArgs({
  options: {
    gateway: { type: 'string', default: join(root, 'apps/gateway/dist/main.js') },
    config: { type: 'string', default: 'openai' },
    scenario: { type: 'string' },
    connections: { type: 'string', default: '0' },
    duration: { type: 'string', default: '8' },
    mode: { type: 'string', default: 'non-stream' },
    idle: { type: 'string', default: '3000' },
    settle: { type: 'string', default: '45000' },
    'node-flag': { type: 'string', multiple: true, default: [] },
  },
});
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
const cpuSeconds = (pid) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ').slice(11, 13).reduce((sum, ticks) => sum + Number(ticks), 0) / 100;
const pinned = (cpu, args, env = {}, stdout = 'ignore') =>
  spawn('taskset', ['-c', String(cpu), ...args], { env: { ...process.env, NODE_ENV: 'production', ...env }, stdio: ['ignore', stdout, 'inherit'] });
const body = (stream) =>
  JSON.stringify({
    model: 'gpt-4o-mini',
    messages: [{ role: 'system', content: 'You are a helpful assistant.' }, { role: 'user', content: 'Say hello in one short sentence.' }],
    ...(stream ? { stream: true } : {}),
  });

const work = mkdtempSync(join(tmpdir(), 'memory-probe-'));
const mockPort = await freePort();
const children = [pinned(1, [process.execPath, join(root, 'tools/mock-provider/dist/cli.js'), '--port', String(mockPort), '--host', '127.0.0.1'])];
let session;
try {
  await waitUntilUp(mockPort);
  const config = mockConfig(mockPort, 'memory-probe');
  session = await openScenario(values.scenario, 0);
  const port = await freePort();
  const configArgs = values.config === 'default' ? [] : ['--config', config];
  const gateway = pinned(0, [process.execPath, ...values['node-flag'], resolve(values.gateway), ...configArgs, '--port', String(port), '--host', '127.0.0.1'], session.gatewayEnv);
  children.push(gateway);
  await waitUntilUp(port);
  const answered = Date.now();
  await sleep(Number(values.idle));
  const name = values.scenario ?? values.config;
  const flags = values['node-flag'].join(' ') || 'none';
  console.log(`${name} idle RSS ${rssMb(gateway.pid).toFixed(1)} MB at start-up, ${values.idle} ms after the first answer (pid ${gateway.pid}, flags ${flags})`);
  const settle = Number(values.settle);
  if (settle > 0) {
    await sleep(Math.max(0, answered + settle - Date.now()));
    console.log(`${name} idle RSS ${rssMb(gateway.pid).toFixed(1)} MB settled, ${settle} ms after the first answer`);
  }
  const connections = Number(values.connections);
  if (connections > 0) {
    const requestFile = join(work, 'request.txt');
    const headers = { 'content-type': 'application/json', authorization: 'Bearer sk-bench', ...session.gatewayHeaders };
    const head = ['POST /v1/chat/completions', ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)].join('\n');
    writeFileSync(requestFile, `${head}\n\n${body(values.mode === 'stream')}`);
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
  await session?.close();
  rmSync(work, { recursive: true, force: true });
}
