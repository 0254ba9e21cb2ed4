import { createLookupCache, governanceErrors } from '@switchyard/governance/policy';
import type { EndUser, Store } from '@switchyard/store';

export interface EndUserCache {
  /** The stored end user (customer) with this id, or undefined; cached like keys, misses too. */
  get(id: string): Promise<EndUser | undefined>;
}

/**
 * End users are read at most once per id and `ttlMs` (default 2 s), at most `maxEntries` kept (oldest go first).
 * While the store fails, one read in the last 5 minutes keeps answering; otherwise the request is a retryable 503.
 */
export function createEndUserCache(endUsers: Pick<Store['endUsers'], 'get'>, ttlMs = 2000, maxEntries = 10_000): EndUserCache {
  const cache = createLookupCache<EndUser>({ load: (id) => endUsers.get(id), ttlMs, staleIfErrorMs: 300_000, maxEntries, now: Date.now });
  return {
    async get(id) {
      try {
        return await cache.get(id);
      } catch {
        throw governanceErrors.storeUnavailable();
      }
    },
  };
}
