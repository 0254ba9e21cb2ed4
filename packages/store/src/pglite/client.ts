import { mkdir } from 'node:fs/promises';
import { PGlite, types } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { Connection } from '../database.js';
import { migrationsFolder } from '../migrations-folder.js';

export const IN_MEMORY = 'memory://';

const utf8 = new TextEncoder();

/**
 * `json` parameters (the spend-log batch) go to PGlite as UTF-8 bytes in the binary format, which for `json` is
 * the text itself: PGlite's own encoder walks a string parameter character by character in JS, twice (about a
 * tenth of a spend-log flush); TextEncoder does it natively. Other values keep PGlite's serializer.
 */
function jsonParameter(value: unknown): string {
  if (typeof value === 'string') return utf8.encode(value) as unknown as string;
  return types.serializers[types.JSON]?.(value) ?? JSON.stringify(value);
}

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
  const client = await PGlite.create(dataDir, { startParams, serializers: { [types.JSON]: jsonParameter } });
  try {
    const db = drizzle({ client });
    await migrate(db, { migrationsFolder });
    return { db, backend: 'pglite', close: () => client.close() };
  } catch (error) {
    await client.close();
    throw error;
  }
}
