/** Promises still running after their request was answered (limiter settles), so shutdown can wait for them. */
export class PendingWork {
  readonly #running = new Set<Promise<unknown>>();

  track(work: Promise<unknown>): void {
    this.#running.add(work);
    void work.finally(() => this.#running.delete(work));
  }

  get size(): number {
    return this.#running.size;
  }

  /** Resolves once everything tracked so far has settled (failures included). */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.allSettled([...this.#running]);
  }
}
