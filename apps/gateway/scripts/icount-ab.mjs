#!/usr/bin/env node
// Instructions per request of the bare proxy and gateway builds, counted by valgrind's callgrind: a figure the
// busy shared machine cannot move (CPU-time A/Bs there have ±5 % noise). Each target runs alone under callgrind
// with instrumentation off while it starts and warms up, then on for a fixed number of requests.
// User-space instructions only: the kernel's share (the socket reads and writes) is the same for the bare proxy
// and the gateway, two reads and two writevs per request each (strace -c), so it is left out of the ratio.
//
//   node apps/gateway/scripts/icount-ab.mjs --target bare=bare --target A=apps/gateway/dist/main.js \
//     [--target B=OTHER/main.js] [--mode non-stream|stream] [--requests 1000] [--warm 2000] [--conc 16]
//
// About 1.5 minutes per target. Needs valgrind, the built mock (tools/mock-provider/dist) and bare proxy
// (tools/bench/dist); Linux (taskset).
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = resolve(import.meta.dirname, '../../..');
const { values } = parseArgs({
  options: {
    target: { type: 'string', multiple: true, default: ['bare=bare', `gateway=${join(root, 'apps/gateway/dist/main.js')}`] },
    mode: { type: 'string', default: 'non-stream' },
    requests: { type: 'string', default: '1000' },
    warm: { type: 'string', default: '2000' },
    conc: { type: 'string', default: '16' },
  },
});
const stream = values.mode === 'stream';
const [count, warm, conc] = [values.requests, values.warm, values.conc].map(Number);

const freePort = () =>
  new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });

function send(agent, port, body) {
  return new Promise((done, fail) => {
    const req = request({ agent, host: '127.0.0.1', port, method: 'POST', path: '/v1/chat/completions', headers: { 'content-type': 'application/json', authorization: 'Bearer sk-bench' } }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (part) => (text += part)).on('end', () => done({ status: res.statusCode, text }));
    });
    req.on('error', fail).end(body);
  });
}

async function waitUntilUp(port) {
  for (let tries = 0; tries < 2400; tries++) {
    try {
      return await send(undefined, port, '{}');
    } catch {
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  throw new Error(`nothing listens on ${port}`);
}

/** `total` requests over `conc` kept-alive connections; returns how many answers were not a full completion. */
async function drive(port, total) {
  const agent = new Agent({ keepAlive: true, maxSockets: conc });
  const body = JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: 'You are a helpful assistant.' }, { role: 'user', content: 'Say hello in one short sentence.' }], ...(stream ? { stream: true } : {}) });
  let next = 0;
  let bad = 0;
  const worker = async () => {
    while (next++ < total) {
      const { status, text } = await send(agent, port, body);
      if (status !== 200 || !(stream ? text.endsWith('data: [DONE]\n\n') : text.includes('"choices"'))) bad++;
    }
  };
  await Promise.all(Array.from({ length: conc }, worker));
  agent.destroy();
  return bad;
}

const mockPort = await freePort();
const mock = spawn('taskset', ['-c', '1', process.execPath, join(root, 'tools/mock-provider/dist/cli.js'), '--port', String(mockPort), '--host', '127.0.0.1'], { stdio: 'ignore' });
await waitUntilUp(mockPort);
const config = join(tmpdir(), `icount-ab-${mockPort}.yaml`);
writeFileSync(config, `model_list:\n  - model_name: gpt-4o-mini\n    litellm_params: {model: openai/gpt-4o-mini, api_base: "http://127.0.0.1:${mockPort}/v1", api_key: sk-bench}\n`);
const perRequest = new Map();
try {
  for (const spec of values.target) {
    const [name, script] = spec.split('=');
    const port = await freePort();
    const out = join(tmpdir(), `icount-ab-${name}-${port}.callgrind`);
    const args = script === 'bare' ? [join(root, 'tools/bench/dist/targets/bare-proxy.js'), `--upstream=http://127.0.0.1:${mockPort}`, `--port=${port}`] : [resolve(script), '--config', config, '--port', String(port), '--host', '127.0.0.1'];
    const child = spawn('taskset', ['-c', '0', 'valgrind', '--tool=callgrind', '--instr-atstart=no', `--callgrind-out-file=${out}`, '--smc-check=all', process.execPath, ...args], { env: { ...process.env, NODE_ENV: 'production' }, stdio: 'ignore' });
    await waitUntilUp(port);
    await drive(port, warm);
    execFileSync('callgrind_control', ['-i', 'on', String(child.pid)], { stdio: 'ignore' });
    const bad = await drive(port, count);
    execFileSync('callgrind_control', ['-i', 'off', String(child.pid)], { stdio: 'ignore' });
    child.kill('SIGINT');
    await new Promise((done) => child.on('exit', done));
    const totals = Number(/^totals: (\d+)/m.exec(readFileSync(out, 'utf8'))?.[1] ?? Number.NaN);
    rmSync(out, { force: true });
    perRequest.set(name, totals / count);
    const bare = perRequest.get('bare');
    const ratio = bare === undefined || name === 'bare' ? '' : `, ${(totals / count / bare).toFixed(2)}x bare`;
    console.log(`${values.mode} ${name}: ${(totals / count / 1000).toFixed(1)} k instructions/request${ratio} (bad ${bad})`);
  }
} finally {
  mock.kill();
}
