#!/usr/bin/env node
// Instructions per request of the bare proxy and gateway builds, counted by valgrind's callgrind: a figure the
// busy shared machine cannot move (CPU-time A/Bs there have ±5 % noise). Each target runs alone under callgrind
// with instrumentation off while it starts and warms up, then on for a fixed number of requests.
// User-space instructions only: the kernel's share (the socket reads and writes) is the same for the bare proxy
// and the gateway, two reads and two writevs per request each (strace -c), so it is left out of the ratio.
//
//   node apps/gateway/scripts/icount-ab.mjs --target bare=bare --target A=apps/gateway/dist/main.js \
//     [--target B=OTHER/main.js] [--mode non-stream|stream] [--requests 1000] [--warm 2000] [--conc 16]
//     [--scenario governance-postgres|governance-pglite] [--flush-ms 30000] [--windows 1]
//   A target may carry node flags after its script: --target 'semi4=apps/gateway/dist/main.js --max-semi-space-size=4'.
//
// --scenario runs each gateway target with the bench's governance session (a master key and a fresh virtual key
// with rpm 100,000,000 and budget 1,000,000, which the requests present; the store, and Redis for
// governance-postgres, from SWITCHYARD_BENCH_DATABASE_URL / SWITCHYARD_BENCH_REDIS_URL; needs tools/bench built).
// The bare proxy gets the plain pass-through. With a scenario the count also covers writing the spend logs: the
// warm-up's are all written before the window opens, and the window stays open until the key's spend shows every
// measured request (polled once a second over /key/info). --flush-ms (default 30000) is the gateway's spend flush
// period: callgrind slows it ~50x, so with the default 1 s its batches would hold a few dozen rows, not the
// 1000 a batch holds at full load.
// --windows N measures N consecutive windows of --requests each, dumped apart, and reports the last: V8 tiers up
// code (JS and PGlite's wasm) inside the first window that the warm-up ran only a few times (a flush is one call
// per batch); with 300 warm-up requests the bare proxy counts 1,615 k then 1,147 k instructions a request.
//
// About 1.5 minutes per target. Needs valgrind, the built mock (tools/mock-provider/dist) and bare proxy
// (tools/bench/dist); Linux (taskset).
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { drive, freePort, keySpend, mockConfig, openScenario, root, waitForSpend, waitUntilUp } from './ab-client.mjs';

const { values } = parseArgs({
  options: {
    target: { type: 'string', multiple: true, default: ['bare=bare', `gateway=${join(root, 'apps/gateway/dist/main.js')}`] },
    mode: { type: 'string', default: 'non-stream' },
    requests: { type: 'string', default: '1000' },
    warm: { type: 'string', default: '2000' },
    conc: { type: 'string', default: '16' },
    scenario: { type: 'string' },
    'flush-ms': { type: 'string', default: '30000' },
    windows: { type: 'string', default: '1' },
  },
});
const stream = values.mode === 'stream';
const [count, warm, conc] = [values.requests, values.warm, values.conc].map(Number);

/** The instructions counted since the last dump: callgrind writes each dump to `<out>.<n>`. */
function dumpTotals(pid, out) {
  execFileSync('callgrind_control', ['-d', String(pid)], { stdio: 'ignore' });
  const dumps = readdirSync(dirname(out)).filter((file) => file.startsWith(`${basename(out)}.`));
  const last = dumps.sort((a, b) => Number(a.split('.').pop()) - Number(b.split('.').pop())).at(-1);
  return Number(/^totals: (\d+)/m.exec(readFileSync(join(dirname(out), last), 'utf8'))?.[1] ?? Number.NaN);
}

/** Warms up, then counts `--windows` windows of `--requests`; with a virtual key, each holds its own spend logs. */
async function measureWindows(child, port, out, session, load) {
  const governed = session.gatewayHeaders.authorization !== undefined;
  // One request prices a request (all are alike), so the spend shows when every log is written.
  const unit = governed ? (await drive(port, { ...load, total: 1 }), await waitForSpend(port, session, 0)) : 0;
  await drive(port, { ...load, total: warm });
  if (governed) await waitForSpend(port, session, unit * (1 + warm));
  const windows = [];
  let bad = 0;
  for (let window = 1; window <= Number(values.windows); window++) {
    execFileSync('callgrind_control', ['-i', 'on', String(child.pid)], { stdio: 'ignore' });
    bad += await drive(port, { ...load, total: count });
    if (governed) await waitForSpend(port, session, unit * (1 + warm + window * count));
    execFileSync('callgrind_control', ['-i', 'off', String(child.pid)], { stdio: 'ignore' });
    windows.push(dumpTotals(child.pid, out));
  }
  const spent = governed ? `, key spend ${(await keySpend(port, session)).toPrecision(6)}` : '';
  const each = windows.length > 1 ? `, windows ${windows.map((total) => (total / count / 1000).toFixed(0)).join(' / ')} k` : '';
  return { totals: windows.at(-1), note: `bad ${bad}${spent}${each}` };
}

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
    const flush = values.scenario === undefined || script === 'bare' ? {} : { SWITCHYARD_SPEND_FLUSH_INTERVAL_MS: values['flush-ms'] };
    const env = { ...process.env, NODE_ENV: 'production', ...session.gatewayEnv, ...flush };
    const child = spawn('taskset', ['-c', '0', 'valgrind', '--tool=callgrind', '--instr-atstart=no', `--callgrind-out-file=${out}`, '--smc-check=all', process.execPath, ...nodeFlags, ...args], { env, stdio: 'ignore' });
    await waitUntilUp(port, 2400, 100);
    const { totals, note } = await measureWindows(child, port, out, session, load);
    child.kill('SIGINT');
    await new Promise((done) => child.on('exit', done));
    for (const file of readdirSync(dirname(out))) if (file.startsWith(basename(out))) rmSync(join(dirname(out), file), { force: true });
    await session.close();
    perRequest.set(name, totals / count);
    const bare = perRequest.get('bare');
    const ratio = bare === undefined || name === 'bare' ? '' : `, ${(totals / count / bare).toFixed(2)}x bare`;
    console.log(`${values.mode} ${name}: ${(totals / count / 1000).toFixed(1)} k instructions/request${ratio} (${note})`);
  }
} finally {
  mock.kill();
}
