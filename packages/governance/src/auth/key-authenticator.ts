import { createHash, timingSafeEqual } from 'node:crypto';
import { hashVirtualKey, type KeyAuthContext, type Store } from '@switchyard/store';
import { checkKeyUsable } from './check-key.js';
import { governanceErrors } from './governance-errors.js';
import type { Principal } from './principal.js';

export interface KeyAuthenticatorOptions {
  keys: Pick<Store['keys'], 'authContext'>;
  masterKey?: string | undefined;
  /** How stale a cached key may be, in ms (default 2000). Writes through this process invalidate at once. */
  ttlMs?: number;
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
 */
export function createKeyAuthenticator(options: KeyAuthenticatorOptions): KeyAuthenticator {
  const ttlMs = options.ttlMs ?? 2000;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const master = options.masterKey === undefined ? undefined : digest(options.masterKey);
  const cache = new Map<string, { context: KeyAuthContext | undefined; until: number }>();

  async function lookup(hash: string): Promise<KeyAuthContext | undefined> {
    const cached = cache.get(hash);
    if (cached !== undefined && cached.until > now()) return cached.context;
    const context = await options.keys.authContext(hash);
    cache.delete(hash);
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
    cache.set(hash, { context, until: now() + ttlMs });
    return context;
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
