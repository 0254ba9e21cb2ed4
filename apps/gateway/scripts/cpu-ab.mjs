#!/usr/bin/env node
// CPU time per request of the bare proxy and one or two gateway builds, measured against the same mock, interleaved,
// over a fixed number of requests: /proc/PID/stat utime+stime of each target before and after, divided by the
// count. On a busy shared machine the absolute figures move with the load; the ratios of one run, and (with
// --parallel, where the targets are driven at the same time) the per-round A/B pairs, are what to read.
//
//   node apps/gateway/scripts/cpu-ab.mjs [--rounds 8] [--requests 3000] [--warm 2000] [--conc 32]
//     [--modes non-stream,stream] [--gateway apps/gateway/dist/main.js] [--gateway2 OTHER/dist/main.js] [--parallel]
//
// Needs the built mock (tools/mock-provider/dist) and bare proxy (tools/bench/dist); Linux (taskset, /proc).
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const root = resolve(import.meta.dirname, '../../..');
const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '8' },
    requests: { type: 'string', default: '3000' },
    warm: { type: 'string', default: '2000' },
    conc: { type: 'string', default: '32' },
    modes: { type: 'string', default: 'non-stream,stream' },
    gateway: { type: 'string', default: join(root, 'apps/gateway/dist/main.js') },
    gateway2: { type: 'string' },
    parallel: { type: 'boolean', default: false },
  },
});
const [rounds, count, warm, conc] = [values.rounds, values.requests, values.warm, values.conc].map(Number);

const freePort = () =>
  new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });

/** Sends one request; resolves with the status and body text. */
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
  for (let tries = 0; tries < 600; tries++) {
    try {
      return await send(undefined, port, '{}');
    } catch {
      await new Promise((done) => setTimeout(done, 50));
    }
  }
  throw new Error(`nothing listens on ${port}`);
}

/** `count` requests over `conc` kept-alive connections; returns how many answers were not a full completion. */
async function drive(port, stream, total) {
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

const cpuSeconds = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
const start = (cpu, args) => spawn('taskset', ['-c', String(cpu), process.execPath, ...args], { env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'ignore', 'inherit'] });
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

const mockPort = await freePort();
const children = [start(1, [join(root, 'tools/mock-provider/dist/cli.js'), '--port', String(mockPort), '--host', '127.0.0.1'])];
await waitUntilUp(mockPort);
const config = join(tmpdir(), `cpu-ab-${mockPort}.yaml`);
writeFileSync(config, `model_list:\n  - model_name: gpt-4o-mini\n    litellm_params: {model: openai/gpt-4o-mini, api_base: "http://127.0.0.1:${mockPort}/v1", api_key: sk-bench}\n`);
const targets = [['bare', [join(root, 'tools/bench/dist/targets/bare-proxy.js'), `--upstream=http://127.0.0.1:${mockPort}`]], ['gateway', [values.gateway, '--config', config]]];
if (values.gateway2) targets.push(['gateway2', [values.gateway2, '--config', config]]);
const running = [];
for (const [name, args] of targets) {
  const port = await freePort();
  const child = start(0, name === 'bare' ? [...args, `--port=${port}`] : [...args, '--port', String(port), '--host', '127.0.0.1']);
  children.push(child);
  await waitUntilUp(port);
  running.push({ name, port, pid: child.pid });
}

const results = new Map();
for (let round = 0; round < rounds; round++) {
  for (const mode of values.modes.split(',')) {
    const stream = mode === 'stream';
    if (round === 0) await Promise.all(running.map((target) => drive(target.port, stream, warm)));
    const measure = async (target) => {
      const before = cpuSeconds(target.pid);
      const began = performance.now();
      const bad = await drive(target.port, stream, count);
      const perRequest = ((cpuSeconds(target.pid) - before) * 1e6) / count;
      const key = `${mode} ${target.name}`;
      results.set(key, [...(results.get(key) ?? []), perRequest]);
      console.log(`round ${round} ${key}: ${perRequest.toFixed(0)} µs/req, ${((count / (performance.now() - began)) * 1000).toFixed(0)} req/s, bad ${bad}`);
    };
    if (values.parallel) await Promise.all(running.map(measure));
    else for (const target of round % 2 ? [...running].reverse() : running) await measure(target);
  }
}
for (const mode of values.modes.split(',')) {
  const bare = results.get(`${mode} bare`);
  for (const { name } of running) {
    const own = results.get(`${mode} ${name}`);
    const ratio = median(own.map((value, index) => value / bare[index]));
    console.log(`${mode} ${name}: median ${median(own).toFixed(0)} µs/req, ${ratio.toFixed(2)}x bare (per-round [${own.map((value) => value.toFixed(0)).join(', ')}])`);
  }
}
for (const child of children) child.kill();
