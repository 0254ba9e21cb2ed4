/** A small memo for precomputed replies; it starts over when full so hostile keys cannot grow it. */
export class BoundedCache<V> {
  readonly #limit: number;
  readonly #entries = new Map<string, V>();

  constructor(limit = 256) {
    this.#limit = limit;
  }

  get(key: string, build: () => V): V {
    const hit = this.#entries.get(key);
    if (hit !== undefined) return hit;
    const value = build();
    if (this.#entries.size >= this.#limit) this.#entries.clear();
    this.#entries.set(key, value);
    return value;
  }
}
