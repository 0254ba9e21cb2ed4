import type { Store } from '@switchyard/store';
import { TEST_MASTER_SECRET, type TestBackend } from '@switchyard/store/testing';
import { afterAll, beforeAll } from 'vitest';
import { createKeyAuthenticator, type KeyAuthenticator } from '../auth/key-authenticator.js';
import type { Principal } from '../auth/principal.js';
import type { ManagementDeps } from '../management/management-deps.js';

export const TEST_MASTER_KEY = 'sk-management-test-master';

export interface ManagementFixture {
  store: Store;
  auth: KeyAuthenticator;
  deps: ManagementDeps;
  master: Principal;
  /** The principal behind a raw key, as the gateway would authenticate it. */
  as(key: string): Promise<Principal>;
}

/** Management deps over a test store, with an authenticator whose cache lasts long enough that only invalidate() clears it. */
export function managementFixture(store: Store, extra: Partial<ManagementDeps> = {}): ManagementFixture {
  const auth = createKeyAuthenticator({ keys: store.keys, masterKey: TEST_MASTER_KEY, ttlMs: 600_000 });
  return { store, auth, deps: { store, auth, ...extra }, master: { kind: 'master' }, as: (key) => auth.authenticate(key) };
}

/** The suite's store and fixture; `store` stays undefined when the backend is skipped. */
export interface ManagementSuite {
  readonly store: Store | undefined;
  readonly fx: ManagementFixture;
}

/** Opens a store on `backend` before the suite's tests (unless the backend is skipped) and closes it after them. */
export function useManagementSuite(backend: TestBackend, extra: Partial<ManagementDeps> = {}): ManagementSuite {
  const suite: { store: Store | undefined; fx: ManagementFixture | undefined } = { store: undefined, fx: undefined };
  beforeAll(async () => {
    if (backend.skipReason !== undefined) return;
    suite.store = await backend.open({ masterSecret: TEST_MASTER_SECRET });
    suite.fx = managementFixture(suite.store, extra);
  });
  afterAll(() => suite.store?.close());
  return {
    get store() {
      return suite.store;
    },
    get fx() {
      if (suite.fx === undefined) throw new Error('the management suite has no store (skipped backend)');
      return suite.fx;
    },
  };
}
