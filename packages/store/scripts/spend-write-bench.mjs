#!/usr/bin/env node
// CPU time of this process per spend log written by `spend.record`, for one build of the store: what the gateway's
// own thread pays per request for its spend log (on PGlite that includes Postgres itself, run as wasm here).
//
//   node packages/store/scripts/spend-write-bench.mjs [--dist packages/store/dist] [--backend pglite|postgres]
//     [--batch 1000] [--rows 10000]
//
// PGlite opens in a fresh temporary folder (on disk, as the gateway does); postgres uses DATABASE_URL (migrated).
// Six batches warm up first. A busy machine moves the figures; compare builds run one after the other, twice.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: resolve(import.meta.dirname, '../dist') },
    backend: { type: 'string', default: 'pglite' },
    batch: { type: 'string', default: '1000' },
    rows: { type: 'string', default: '10000' },
  },
});
const { openStore } = await import(pathToFileURL(join(resolve(values.dist), 'index.js')).href);
const dataDir = values.backend === 'pglite' ? mkdtempSync(join(tmpdir(), 'spend-write-bench-')) : undefined;
const store = await openStore(dataDir === undefined ? { databaseUrl: process.env.DATABASE_URL, env: {} } : { dataDir, env: {} });
const { record } = await store.keys.create({ maxBudget: 1e6 });
const size = Number(values.batch);
let next = 0;
const log = () => {
  const startedAt = new Date();
  return { requestId: `bench-${process.pid}-${next++}`, keyHash: record.keyHash, modelGroup: 'gpt-4o-mini', deploymentId: 'dep-1', provider: 'openai', model: 'gpt-4o-mini', route: '/v1/chat/completions', promptTokens: 20, completionTokens: 9, cost: 0.0000084, latencyMs: 2, timeToFirstTokenMs: null, status: 'success', errorClass: null, tags: [], metadata: null, startedAt, endedAt: startedAt };
};
const batch = () => Array.from({ length: size }, log);
try {
  for (let warm = 0; warm < 6; warm++) await store.spend.record(batch());
  const rounds = Math.ceil(Number(values.rows) / size);
  const before = process.cpuUsage();
  for (let round = 0; round < rounds; round++) await store.spend.record(batch());
  const used = process.cpuUsage(before);
  console.log(`${values.backend}, ${size}-row batches, ${values.dist}: ${((used.user + used.system) / (rounds * size)).toFixed(1)} µs CPU per log`);
} finally {
  await store.close();
  if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
}
