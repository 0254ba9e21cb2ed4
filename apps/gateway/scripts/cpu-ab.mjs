#!/usr/bin/env node
// CPU time per request of the bare proxy and one or two gateway builds, measured against the same mock, interleaved,
// over a fixed number of requests: /proc/PID/stat utime+stime of each target before and after, divided by the
// count. On a busy shared machine the absolute figures move with the load; the ratios of one run, and (with
// --parallel, where the targets are driven at the same time) the per-round A/B pairs, are what to read.
//
//   node apps/gateway/scripts/cpu-ab.mjs [--rounds 8] [--requests 3000] [--warm 2000] [--conc 32]
//     [--modes non-stream,stream] [--gateway apps/gateway/dist/main.js] [--gateway2 OTHER/dist/main.js] [--parallel]
//     [--scenario governance-postgres|governance-pglite] [--flags="NODE FLAGS"] [--flags2="NODE FLAGS"]
//
// --scenario: each gateway runs with its own session of the bench's governance scenario, as in icount-ab.mjs.
//
// Needs the built mock (tools/mock-provider/dist) and bare proxy (tools/bench/dist); Linux (taskset, /proc).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { drive as driveTarget, freePort, mockConfig, openScenario, root, waitUntilUp } from './ab-client.mjs';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '8' },
    requests: { type: 'string', default: '3000' },
    warm: { type: 'string', default: '2000' },
    conc: { type: 'string', default: '32' },
    modes: { type: 'string', default: 'non-stream,stream' },
    gateway: { type: 'string', default: join(root, 'apps/gateway/dist/main.js') },
    gateway2: { type: 'string' },
    // Node flags for each gateway, space-separated (e.g. "--max-semi-space-size=4"), to A/B a launcher flag.
    flags: { type: 'string', default: '' },
    flags2: { type: 'string', default: '' },
    parallel: { type: 'boolean', default: false },
    scenario: { type: 'string' },
  },
});
const [rounds, count, warm, conc] = [values.rounds, values.requests, values.warm, values.conc].map(Number);
const drive = (target, stream, total) => driveTarget(target.port, { stream, total, conc, extraHeaders: target.headers });

const cpuSeconds = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
const start = (cpu, args, env = {}) => spawn('taskset', ['-c', String(cpu), process.execPath, ...args], { env: { ...process.env, NODE_ENV: 'production', ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
const nodeFlags = (text) => text.split(' ').filter((flag) => flag !== '');
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

// A target that fails to start (a missing build, a bad flag) must end the run, not leave it waiting on the others.
const children = [];
const sessions = [];
try {
  const mockPort = await freePort();
  children.push(start(1, [join(root, 'tools/mock-provider/dist/cli.js'), '--port', String(mockPort), '--host', '127.0.0.1']));
  await waitUntilUp(mockPort);
  const config = mockConfig(mockPort, 'cpu-ab');
  const targets = [['bare', [join(root, 'tools/bench/dist/targets/bare-proxy.js'), `--upstream=http://127.0.0.1:${mockPort}`]], ['gateway', [...nodeFlags(values.flags), values.gateway, '--config', config]]];
  if (values.gateway2) targets.push(['gateway2', [...nodeFlags(values.flags2), values.gateway2, '--config', config]]);
  const running = [];
  for (const [run, [name, args]] of targets.entries()) {
    const port = await freePort();
    const session = await openScenario(name === 'bare' ? undefined : values.scenario, run);
    sessions.push(session);
    const child = start(0, name === 'bare' ? [...args, `--port=${port}`] : [...args, '--port', String(port), '--host', '127.0.0.1'], session.gatewayEnv);
    children.push(child);
    await waitUntilUp(port);
    running.push({ name, port, pid: child.pid, headers: session.gatewayHeaders });
  }

  const results = new Map();
  for (let round = 0; round < rounds; round++) {
    for (const mode of values.modes.split(',')) {
      const stream = mode === 'stream';
      if (round === 0) await Promise.all(running.map((target) => drive(target, stream, warm)));
      const measure = async (target) => {
        const before = cpuSeconds(target.pid);
        const began = performance.now();
        const bad = await drive(target, stream, count);
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
} finally {
  for (const child of children) child.kill();
  for (const session of sessions) await session.close();
}
