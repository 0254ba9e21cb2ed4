import { openStore, type OpenStoreOptions } from '../open-store.js';
import type { Store } from '../store.js';
import { createTemporaryDatabase, postgresUnreachableReason, testPostgresUrl } from './temporary-database.js';

export type TestStoreOptions = Omit<OpenStoreOptions, 'databaseUrl' | 'dataDir' | 'env'>;

export interface TestBackend {
  name: 'pglite' | 'postgres';
  /** Set when the backend cannot run here and the suite should skip it, saying why. */
  skipReason?: string;
  /** A migrated store of its own; `close()` also drops the temporary Postgres database. */
  open(options?: TestStoreOptions): Promise<Store>;
}

async function openTemporaryPostgres(url: string, options: TestStoreOptions): Promise<Store> {
  const database = await createTemporaryDatabase(url);
  try {
    const store = await openStore({ ...options, databaseUrl: database.url });
    const close = store.close;
    let closed: Promise<void> | undefined;
    return {
      ...store,
      close: () => {
        closed ??= close().finally(() => database.drop());
        return closed;
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}

/**
 * The backends a store test runs on: PGlite in memory, and real Postgres at `SWITCHYARD_TEST_POSTGRES_URL`
 * (default postgres://postgres@127.0.0.1:5432/test), each store in a fresh database dropped on close.
 * Postgres unreachable: skipped with a reason outside CI; under `CI=true` it stays in, so the suite fails.
 */
export async function testBackends(env: Record<string, string | undefined> = process.env): Promise<TestBackend[]> {
  const url = testPostgresUrl(env);
  const unreachable = await postgresUnreachableReason(url);
  const postgresBackend: TestBackend = {
    name: 'postgres',
    open: (options = {}) => openTemporaryPostgres(url, options),
  };
  if (unreachable !== undefined && env['CI'] !== 'true') {
    postgresBackend.skipReason = `Postgres at ${url} is unreachable (${unreachable}); set SWITCHYARD_TEST_POSTGRES_URL`;
  }
  return [{ name: 'pglite', open: (options = {}) => openStore({ ...options, dataDir: 'memory://' }) }, postgresBackend];
}
