export interface LookupCacheOptions<V> {
  /** Reads the value from the store (undefined = not found, cached too). */
  load: (id: string) => Promise<V | undefined>;
  /** How long a read is fresh, in ms. */
  ttlMs: number;
  /**
   * How long after its read an entry may still answer while `load` fails (the database is down), in ms. Past it,
   * or for an id never read, the failure is thrown to the caller.
   */
  staleIfErrorMs: number;
  /** Entries at most; the oldest go first. */
  maxEntries: number;
  now: () => number;
  /** Told about each failed load (for a log line); the caller decides what the failure means. */
  onError?: ((error: unknown) => void) | undefined;
}

export interface LookupCache<V> {
  get(id: string): Promise<V | undefined>;
  clear(): void;
}

interface Entry<V> {
  value: V | undefined;
  readAt: number;
  until: number;
}

/** While the store fails, a stale entry is retried at most this often, so a down database is not asked per request. */
const staleRetryMs = 1000;

/**
 * A bounded read-through cache with stale-if-error: fresh for `ttlMs`, then re-read; when the re-read fails, the
 * entry keeps answering for up to `staleIfErrorMs` after its last good read. Misses are cached like hits.
 */
export function createLookupCache<V>(options: LookupCacheOptions<V>): LookupCache<V> {
  const cache = new Map<string, Entry<V>>();

  function store(id: string, entry: Entry<V>): void {
    cache.delete(id);
    if (cache.size >= options.maxEntries) cache.delete(cache.keys().next().value as string);
    cache.set(id, entry);
  }

  /** Loads in progress by id: concurrent misses of one id (an entry expiring under load) share one read. */
  const loading = new Map<string, Promise<V | undefined>>();
  /** Bumped by `clear`: a read that started before a clear does not fill the cache after it. */
  let generation = 0;

  async function reload(id: string, cached: Entry<V> | undefined, now: number): Promise<V | undefined> {
    const started = generation;
    let value: V | undefined;
    try {
      value = await options.load(id);
    } catch (error) {
      options.onError?.(error);
      if (cached === undefined || now - cached.readAt > options.staleIfErrorMs) throw error;
      cached.until = now + Math.min(staleRetryMs, options.ttlMs);
      return cached.value;
    }
    if (started === generation) store(id, { value, readAt: options.now(), until: options.now() + options.ttlMs });
    return value;
  }

  return {
    get(id) {
      const cached = cache.get(id);
      const now = options.now();
      if (cached !== undefined && cached.until > now) return Promise.resolve(cached.value);
      const running = loading.get(id);
      if (running !== undefined) return running;
      const load = reload(id, cached, now).finally(() => {
        if (loading.get(id) === load) loading.delete(id);
      });
      loading.set(id, load);
      return load;
    },
    clear() {
      generation++;
      cache.clear();
      loading.clear();
    },
  };
}
