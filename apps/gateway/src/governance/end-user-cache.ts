import type { EndUser, Store } from '@switchyard/store';

export interface EndUserCache {
  /** The stored end user (customer) with this id, or undefined; cached like keys, misses too. */
  get(id: string): Promise<EndUser | undefined>;
}

/** End users are read at most once per id and `ttlMs` (default 2 s), at most `maxEntries` kept (oldest go first). */
export function createEndUserCache(endUsers: Pick<Store['endUsers'], 'get'>, ttlMs = 2000, maxEntries = 10_000): EndUserCache {
  const cache = new Map<string, { value: EndUser | undefined; until: number }>();
  return {
    async get(id) {
      const cached = cache.get(id);
      if (cached !== undefined && cached.until > Date.now()) return cached.value;
      const value = await endUsers.get(id);
      cache.delete(id);
      if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
      cache.set(id, { value, until: Date.now() + ttlMs });
      return value;
    },
  };
}
