import { describe, expect, it } from 'vitest';
import { createLookupCache } from './lookup-cache.js';

function setup() {
  let clock = 0;
  let down = false;
  let loads = 0;
  const errors: unknown[] = [];
  const cache = createLookupCache<string>({
    load: async (id) => {
      loads += 1;
      if (down) throw new Error('connection refused');
      return id === 'missing' ? undefined : `value of ${id}`;
    },
    ttlMs: 2000,
    staleIfErrorMs: 60_000,
    maxEntries: 2,
    now: () => clock,
    onError: (error) => errors.push(error),
  });
  return {
    cache,
    advance: (ms: number) => (clock += ms),
    setDown: (value: boolean) => (down = value),
    loads: () => loads,
    errors,
  };
}

describe('createLookupCache', () => {
  it('reads once per ttl, misses included', async () => {
    const t = setup();
    expect(await t.cache.get('a')).toBe('value of a');
    expect(await t.cache.get('missing')).toBeUndefined();
    await t.cache.get('a');
    await t.cache.get('missing');
    expect(t.loads()).toBe(2);
    t.advance(2001);
    await t.cache.get('a');
    expect(t.loads()).toBe(3);
  });

  it('answers stale entries while the store fails, at most staleIfErrorMs after their last read', async () => {
    const t = setup();
    await t.cache.get('a');
    await t.cache.get('missing');
    t.setDown(true);
    t.advance(5000);
    expect(await t.cache.get('a')).toBe('value of a');
    expect(await t.cache.get('missing')).toBeUndefined();
    expect(t.errors).toHaveLength(2);
    // Retried at most once a second meanwhile, not per request.
    await t.cache.get('a');
    expect(t.loads()).toBe(4);
    t.advance(60_000);
    await expect(t.cache.get('a')).rejects.toThrow('connection refused');
  });

  it('throws for an id it never read while the store fails, and recovers when it returns', async () => {
    const t = setup();
    t.setDown(true);
    await expect(t.cache.get('b')).rejects.toThrow('connection refused');
    t.setDown(false);
    expect(await t.cache.get('b')).toBe('value of b');
  });

  it('keeps at most maxEntries, dropping the oldest, and forgets everything on clear', async () => {
    const t = setup();
    await t.cache.get('a');
    await t.cache.get('b');
    await t.cache.get('c');
    await t.cache.get('c');
    expect(t.loads()).toBe(3);
    await t.cache.get('a');
    expect(t.loads()).toBe(4);
    t.cache.clear();
    await t.cache.get('a');
    expect(t.loads()).toBe(5);
  });

  it('shares one read between concurrent misses of an id, and a read started before clear does not fill the cache', async () => {
    const { cache, loads } = setup();
    const values = await Promise.all([cache.get('a'), cache.get('a'), cache.get('a')]);
    expect(values).toEqual(['value of a', 'value of a', 'value of a']);
    expect(loads()).toBe(1);
    const before = cache.get('b');
    cache.clear();
    await before;
    await cache.get('b');
    expect(loads()).toBe(3);
  });
});
