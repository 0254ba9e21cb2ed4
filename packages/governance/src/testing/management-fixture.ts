import type { Store } from '@switchyard/store';
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
