#!/usr/bin/env node
// Instructions per request of the bare proxy and gateway builds, counted by valgrind's callgrind: a figure the
// busy shared machine cannot move (CPU-time A/Bs there have ±5 % noise). Each target runs alone under callgrind
// with instrumentation off while it starts and warms up, then on for a fixed number of requests.
// User-space instructions only: the kernel's share (the socket reads and writes) is the same for the bare proxy
// and the gateway, two reads and two writevs per request each (strace -c), so it is left out of the ratio.
//
//   node apps/gateway/scripts/icount-ab.mjs --target bare=bare --target A=apps/gateway/dist/main.js \
//     [--target B=OTHER/main.js] [--mode non-stream|stream] [--requests 1000] [--warm 2000] [--conc 16]
//     [--scenario governance-postgres|governance-pglite]
//   A target may carry node flags after its script: --target 'semi4=apps/gateway/dist/main.js --max-semi-space-size=4'.
//
// --scenario runs each gateway target with the bench's governance session (a master key and a fresh virtual key
// with rpm 100,000,000 and budget 1,000,000, which the requests present; the store, and Redis for
// governance-postgres, from SWITCHYARD_BENCH_DATABASE_URL / SWITCHYARD_BENCH_REDIS_URL; needs tools/bench built).
// The bare proxy gets the plain pass-through.
//
// About 1.5 minutes per target. Needs valgrind, the built mock (tools/mock-provider/dist) and bare proxy
// (tools/bench/dist); Linux (taskset).
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { drive, freePort, mockConfig, openScenario, root, waitUntilUp } from './ab-client.mjs';

const { values } = parseArgs({
  options: {
    target: { type: 'string', multiple: true, default: ['bare=bare', `gateway=${join(root, 'apps/gateway/dist/main.js')}`] },
    mode: { type: 'string', default: 'non-stream' },
    requests: { type: 'string', default: '1000' },
    warm: { type: 'string', default: '2000' },
    conc: { type: 'string', default: '16' },
    scenario: { type: 'string' },
  },
});
const stream = values.mode === 'stream';
const [count, warm, conc] = [values.requests, values.warm, values.conc].map(Number);

const mockPort = await freePort();
const mock = spawn('taskset', ['-c', '1', process.execPath, join(root, 'tools/mock-provider/dist/cli.js'), '--port', String(mockPort), '--host', '127.0.0.1'], { stdio: 'ignore' });
await waitUntilUp(mockPort, 2400, 100);
const config = mockConfig(mockPort, 'icount-ab');
const perRequest = new Map();
try {
  for (const [run, spec] of values.target.entries()) {
    const [name, command] = [spec.slice(0, spec.indexOf('=')), spec.slice(spec.indexOf('=') + 1)];
    const [script, ...nodeFlags] = command.split(' ');
    const session = await openScenario(script === 'bare' ? undefined : values.scenario, run);
    const load = { stream, conc, extraHeaders: session.gatewayHeaders };
    const port = await freePort();
    const out = join(tmpdir(), `icount-ab-${name}-${port}.callgrind`);
    const args = script === 'bare' ? [join(root, 'tools/bench/dist/targets/bare-proxy.js'), `--upstream=http://127.0.0.1:${mockPort}`, `--port=${port}`] : [resolve(script), '--config', config, '--port', String(port), '--host', '127.0.0.1'];
    const child = spawn('taskset', ['-c', '0', 'valgrind', '--tool=callgrind', '--instr-atstart=no', `--callgrind-out-file=${out}`, '--smc-check=all', process.execPath, ...nodeFlags, ...args], { env: { ...process.env, NODE_ENV: 'production', ...session.gatewayEnv }, stdio: 'ignore' });
    await waitUntilUp(port, 2400, 100);
    await drive(port, { ...load, total: warm });
    execFileSync('callgrind_control', ['-i', 'on', String(child.pid)], { stdio: 'ignore' });
    const bad = await drive(port, { ...load, total: count });
    execFileSync('callgrind_control', ['-i', 'off', String(child.pid)], { stdio: 'ignore' });
    child.kill('SIGINT');
    await new Promise((done) => child.on('exit', done));
    const totals = Number(/^totals: (\d+)/m.exec(readFileSync(out, 'utf8'))?.[1] ?? Number.NaN);
    rmSync(out, { force: true });
    await session.close();
    perRequest.set(name, totals / count);
    const bare = perRequest.get('bare');
    const ratio = bare === undefined || name === 'bare' ? '' : `, ${(totals / count / bare).toFixed(2)}x bare`;
    console.log(`${values.mode} ${name}: ${(totals / count / 1000).toFixed(1)} k instructions/request${ratio} (bad ${bad})`);
  }
} finally {
  mock.kill();
}
