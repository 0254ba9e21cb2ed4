import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { Connection } from '../database.js';
import { migrationsFolder } from '../migrations-folder.js';

export const IN_MEMORY = 'memory://';

/**
 * Postgres' settings for the embedded database. PGlite keeps Postgres' default shared_buffers of 128 MB, which
 * Postgres zeroes at start-up, so all of it is resident: 16 MB is plenty for the governance tables (a single
 * process, no other backends; the data files stay in the OS page cache) and takes about 120 MB off the gateway's RSS.
 */
const startParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

/**
 * Embedded Postgres (PGlite, WASM) in `dataDir`, created if missing, or in memory for `memory://`.
 * Migrates on open. The cold start takes seconds: open once per process.
 */
export async function openPglite(dataDir: string): Promise<Connection> {
  if (!dataDir.startsWith(IN_MEMORY)) await mkdir(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, { startParams });
  try {
    const db = drizzle({ client });
    await migrate(db, { migrationsFolder });
    return { db, backend: 'pglite', close: () => client.close() };
  } catch (error) {
    await client.close();
    throw error;
  }
}
