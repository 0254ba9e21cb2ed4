import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import type { Connection } from '../database.js';
import { migrationsFolder } from '../migrations-folder.js';

/** Any constant works; it only has to be the same in every process that migrates this database. */
const MIGRATION_LOCK = 0x5357_5944;

export interface PostgresOptions {
  /** Pool size; default 10. */
  maxConnections?: number;
}

/**
 * Migrates on one dedicated connection holding a session advisory lock, so gateway replicas starting together
 * apply each migration once; the others wait, then find nothing left to do.
 */
async function migrateWithLock(url: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const db = drizzle({ client });
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
    try {
      await migrate(db, { migrationsFolder });
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** Real Postgres through postgres-js. Migrates on open. */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Connection> {
  await migrateWithLock(url);
  const client = postgres(url, { max: options.maxConnections ?? 10, onnotice: () => {} });
  const db = drizzle({ client });
  return { db, backend: 'postgres', close: () => client.end({ timeout: 5 }) };
}
