import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/** What the repositories run against: a drizzle database on either backend, or a transaction in one. */
export type Database = PgDatabase<PgQueryResultHKT>;

export type Backend = 'pglite' | 'postgres';

/** An open, migrated database and how to close it. */
export interface Connection {
  db: Database;
  backend: Backend;
  close(): Promise<void>;
}

/** `db.execute` returns `{ rows }` on PGlite and an array of rows on postgres-js. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: unknown[] }).rows ?? []) as T[];
}
