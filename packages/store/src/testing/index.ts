export { testBackends, type TestBackend, type TestStoreOptions } from './test-backends.js';
export {
  createTemporaryDatabase,
  DEFAULT_TEST_POSTGRES_URL,
  postgresUnreachableReason,
  testPostgresUrl,
  type TemporaryDatabase,
} from './temporary-database.js';
export type { StoreCase } from './store-case.js';
export { sampleSpendLog, TEST_MASTER_SECRET, uniqueId } from './fixtures.js';
