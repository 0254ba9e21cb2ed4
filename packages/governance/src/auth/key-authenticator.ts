import { createHash, timingSafeEqual } from 'node:crypto';
import { hashVirtualKey, type KeyAuthContext, type Store } from '@switchyard/store';
import { checkKeyUsable } from './check-key.js';
import { governanceErrors } from './governance-errors.js';
import { createLookupCache } from './lookup-cache.js';
import type { Principal } from './principal.js';

export interface KeyAuthenticatorOptions {
  keys: Pick<Store['keys'], 'authContext'>;
  masterKey?: string | undefined;
  /** How stale a cached key may be, in ms (default 2000). Writes through this process invalidate at once. */
  ttlMs?: number;
  /**
   * While the store fails, a key read within this many ms keeps answering from the cache (default 300,000); any
   * other key is refused with a retryable 503 `database_unavailable`.
   */
  staleIfErrorMs?: number;
  /** Told about each failed key lookup (for a log line); never shown to the caller. */
  onStoreError?: (error: unknown) => void;
  /** Cached entries at most (default 10,000); the oldest go first. */
  maxEntries?: number;
  now?: () => number;
}

export interface KeyAuthenticator {
  /** The caller behind a presented key; throws a SwitchyardError for a missing, unknown, expired or blocked key. */
  authenticate(key: string | undefined): Promise<Principal>;
  /** Forgets every cached key (called after management writes). */
  invalidate(): void;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Keys are looked up by SHA-256 hash and cached for `ttlMs` (misses too, so a flood of bad keys costs one query per
 * key and TTL). Another instance's management write is therefore seen within `ttlMs`; this instance's at once.
 * While the store is down, cached keys keep working (up to `staleIfErrorMs`) and others get a 503.
 */
export function createKeyAuthenticator(options: KeyAuthenticatorOptions): KeyAuthenticator {
  const now = options.now ?? Date.now;
  const master = options.masterKey === undefined ? undefined : digest(options.masterKey);
  const cache = createLookupCache<KeyAuthContext>({
    load: (hash) => options.keys.authContext(hash),
    ttlMs: options.ttlMs ?? 2000,
    staleIfErrorMs: options.staleIfErrorMs ?? 300_000,
    maxEntries: options.maxEntries ?? 10_000,
    now,
    onError: options.onStoreError,
  });

  async function lookup(hash: string): Promise<KeyAuthContext | undefined> {
    try {
      return await cache.get(hash);
    } catch {
      throw governanceErrors.storeUnavailable();
    }
  }

  return {
    async authenticate(key) {
      if (key === undefined || key === '') throw governanceErrors.missingKey();
      if (master !== undefined && timingSafeEqual(digest(key), master)) return { kind: 'master' };
      const context = await lookup(hashVirtualKey(key));
      if (context === undefined) throw governanceErrors.invalidKey();
      checkKeyUsable(context, new Date(now()));
      return { kind: 'key', context };
    },
    invalidate: () => cache.clear(),
  };
}
