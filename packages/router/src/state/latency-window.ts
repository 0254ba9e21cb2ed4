/** How many recent samples a latency average covers. */
export const latencySamples = 10;

/** The last `latencySamples` samples per slot in one flat array; `add` returns the new moving average. */
export class LatencyWindow {
  #values = new Float64Array(0);
  #counts = new Uint8Array(0);
  #next = new Uint8Array(0);

  resize(size: number): void {
    this.#values = new Float64Array(size * latencySamples);
    this.#counts = new Uint8Array(size);
    this.#next = new Uint8Array(size);
  }

  /** Forgets a slot's samples (they aged past the ttl). */
  reset(slot: number): void {
    this.#counts[slot] = 0;
    this.#next[slot] = 0;
  }

  add(slot: number, value: number): number {
    const base = slot * latencySamples;
    const next = this.#next[slot] ?? 0;
    this.#values[base + next] = value;
    this.#next[slot] = (next + 1) % latencySamples;
    const count = Math.min((this.#counts[slot] ?? 0) + 1, latencySamples);
    this.#counts[slot] = count;
    let sum = 0;
    for (let index = 0; index < count; index++) sum += this.#values[base + index] ?? 0;
    return sum / count;
  }
}
