import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { rowsOf } from './database.js';
import { openStore } from './open-store.js';
import { createTemporaryDatabase, testBackends } from './testing/index.js';
import { testPostgresUrl } from './testing/temporary-database.js';

async function appliedMigrations(store: Awaited<ReturnType<typeof openStore>>): Promise<number> {
  const rows = rowsOf<{ count: number | string }>(
    await store.db.execute(sql`select count(*) as count from drizzle.__drizzle_migrations`),
  );
  return Number(rows[0]?.count);
}

const directories: string[] = [];
afterAll(async () => {
  await Promise.all(directories.map((directory) => rm(directory, { recursive: true, force: true })));
});

describe('openStore with PGlite', () => {
  it('keeps data in its directory across restarts and migrates only once', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'switchyard-store-'));
    directories.push(dataDir);
    const first = await openStore({ dataDir, env: {} });
    expect(first.backend).toBe('pglite');
    const team = await first.teams.create({ alias: 'persisted', maxBudget: 12.5 });
    await first.close();
    await first.close();
    expect(await readdir(dataDir)).toEqual(['pglite']);
    const second = await openStore({ dataDir, env: {} });
    try {
      expect(await second.teams.get(team.id)).toMatchObject({ alias: 'persisted', maxBudget: 12.5 });
      expect(await appliedMigrations(second)).toBe(1);
    } finally {
      await second.close();
    }
  }, 240_000);

  it('rejects an unknown budget time zone before opening anything', async () => {
    await expect(openStore({ dataDir: 'memory://', budgetTimeZone: 'Nowhere/Special' })).rejects.toThrow(RangeError);
  });
});

const postgres = (await testBackends()).find((backend) => backend.name === 'postgres');
const describePostgres = postgres?.skipReason === undefined ? describe : describe.skip;

describePostgres(`openStore with Postgres${postgres?.skipReason ? ` (skipped: ${postgres.skipReason})` : ''}`, () => {
  it('uses DATABASE_URL from the environment when no URL is given', async () => {
    const database = await createTemporaryDatabase(testPostgresUrl());
    try {
      const store = await openStore({ env: { DATABASE_URL: database.url }, dataDir: '/nonexistent/never-created' });
      try {
        expect(store.backend).toBe('postgres');
        expect(await appliedMigrations(store)).toBe(1);
      } finally {
        await store.close();
      }
    } finally {
      await database.drop();
    }
  }, 120_000);

  it('migrates once when several gateways start against one empty database at the same time', async () => {
    const database = await createTemporaryDatabase(testPostgresUrl());
    try {
      const stores = await Promise.all(Array.from({ length: 4 }, () => openStore({ databaseUrl: database.url })));
      try {
        expect(await appliedMigrations(stores[0] ?? stores[1]!)).toBe(1);
        await stores[1]?.teams.create({ alias: 'after a concurrent start' });
      } finally {
        await Promise.all(stores.map((store) => store.close()));
      }
    } finally {
      await database.drop();
    }
  }, 120_000);
});
