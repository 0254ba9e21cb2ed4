#!/usr/bin/env node
// Redis commands per governed request: runs one gateway build with the bench's governance-postgres session, and
// counts what Redis executes for it (MONITOR lines of the session's Redis db index, so other clients of the same
// server on other db indexes are not counted) over a fixed number of requests after a warm-up. Round trips are the
// client's commands; "in scripts" are the commands the Lua scripts ran (Redis's INFO commandstats counts both).
//
//   SWITCHYARD_BENCH_DATABASE_URL=postgres://... SWITCHYARD_BENCH_REDIS_URL=redis://127.0.0.1:6379/7 \
//     node apps/gateway/scripts/redis-commands.mjs [--gateway apps/gateway/dist/main.js] [--mode non-stream|stream]
//     [--requests 1000] [--warm 500] [--conc 16]
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { drive, freePort, mockConfig, openScenario, root, waitUntilUp } from './ab-client.mjs';

const { values } = parseArgs({
  options: {
    gateway: { type: 'string', default: join(root, 'apps/gateway/dist/main.js') },
    mode: { type: 'string', default: 'non-stream' },
    requests: { type: 'string', default: '1000' },
    warm: { type: 'string', default: '500' },
    conc: { type: 'string', default: '16' },
  },
});
const [count, warm, conc] = [values.requests, values.warm, values.conc].map(Number);
const redisUrl = new URL(process.env['SWITCHYARD_BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379');
const db = redisUrl.pathname.slice(1) || '0';

const mockPort = await freePort();
const children = [spawn(process.execPath, [join(root, 'tools/mock-provider/dist/cli.js'), '--port', String(mockPort), '--host', '127.0.0.1'], { stdio: 'ignore' })];
const session = await openScenario('governance-postgres', 0);
try {
  await waitUntilUp(mockPort);
  const port = await freePort();
  const env = { ...process.env, NODE_ENV: 'production', ...session.gatewayEnv };
  children.push(spawn(process.execPath, [values.gateway, '--config', mockConfig(mockPort, 'redis-commands'), '--port', String(port), '--host', '127.0.0.1'], { env, stdio: 'ignore' }));
  await waitUntilUp(port);
  const load = { stream: values.mode === 'stream', conc, extraHeaders: session.gatewayHeaders };
  await drive(port, { ...load, total: warm });
  await new Promise((done) => setTimeout(done, 1500)); // writes of the warm-up still on their way (batches, spend logs)
  const monitor = spawn('redis-cli', ['-h', redisUrl.hostname, '-p', redisUrl.port || '6379', 'monitor']);
  let text = '';
  monitor.stdout.setEncoding('utf8').on('data', (part) => (text += part));
  await new Promise((done) => setTimeout(done, 300));
  const bad = await drive(port, { ...load, total: count });
  await new Promise((done) => setTimeout(done, 1500));
  monitor.kill();
  const counts = new Map();
  let client = 0;
  let scripted = 0;
  for (const line of text.split('\n')) {
    const match = /^\d+\.\d+ \[(\d+) (\S+)\] "([^"]+)"/.exec(line);
    if (match === null || match[1] !== db) continue;
    const name = `${match[3].toUpperCase()}${match[2] === 'lua' ? ' (in scripts)' : ''}`;
    counts.set(name, (counts.get(name) ?? 0) + 1);
    if (match[2] === 'lua') scripted++;
    else client++;
  }
  const sorted = [...counts].sort((a, b) => b[1] - a[1]).map(([name, n]) => `${name} ${(n / count).toFixed(2)}`);
  console.log(`${values.mode} ${values.gateway}: ${(client / count).toFixed(2)} round trips and ${(scripted / count).toFixed(2)} commands in scripts per request (${count} requests, bad ${bad}, db ${db})`);
  console.log(`  ${sorted.join(', ')}`);
} finally {
  for (const child of children) child.kill();
  await session.close();
}
