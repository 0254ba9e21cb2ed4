import type { RecordSpendResult, SpendLogInput } from '@switchyard/store';

export interface SpendBufferOptions {
  /** Usually `store.spend.record`: batched and idempotent by request id, so a retried batch counts nothing twice. */
  record(logs: SpendLogInput[]): Promise<RecordSpendResult>;
  /** Flush period in ms (default 1000): the most spend a kill -9 can lose is what arrived in one period. */
  flushIntervalMs?: number;
  /**
   * Rows per write (default 1000). A write has a fixed cost (on PGlite about 5 ms of CPU: the transaction and the
   * roll-up and counter statements) and holds the event loop while PGlite runs it, so larger batches cost less per
   * row and stall longer; the buffer yields to the event loop between batches.
   */
  batchSize?: number;
  /** Rows held at most while the database is down (default 100,000); beyond it new logs are dropped and counted. */
  maxBuffered?: number;
  /** Told about a failed flush (the rows stay buffered and are retried). */
  onError?: (error: unknown) => void;
}

export interface SpendBufferStats {
  buffered: number;
  written: number;
  duplicates: number;
  dropped: number;
  failedFlushes: number;
}

export interface SpendBuffer {
  /** Queues one log; never waits on the database. */
  add(log: SpendLogInput): void;
  /** Writes what is buffered now, in batches; stops at the first failure (the rest stays buffered). */
  flush(): Promise<void>;
  readonly stats: SpendBufferStats;
  /** Stops the timer and flushes, retrying for up to `timeoutMs` while the database fails (shutdown). */
  close(timeoutMs?: number): Promise<void>;
}

/**
 * Spend logs leave the request path: `add` queues, a timer writes batches. A batch is removed from the buffer only
 * after the database committed it, so an outage keeps the logs (bounded, with `dropped` counting overflow) and the
 * next flush drains them; a batch that committed but whose answer was lost is written again and skipped as
 * duplicates by request id.
 */
export function createSpendBuffer(options: SpendBufferOptions): SpendBuffer {
  const batchSize = options.batchSize ?? 1000;
  const maxBuffered = options.maxBuffered ?? 100_000;
  const buffer: SpendLogInput[] = [];
  const stats: SpendBufferStats = { buffered: 0, written: 0, duplicates: 0, dropped: 0, failedFlushes: 0 };
  let flushing: Promise<void> | undefined;

  async function drain(): Promise<void> {
    for (let first = true; buffer.length > 0; first = false) {
      // PGlite writes on this thread without giving the event loop back: requests wait one batch, not the drain.
      if (!first) await new Promise((resolve) => setImmediate(resolve));
      const batch = buffer.slice(0, batchSize);
      try {
        const result = await options.record(batch);
        stats.written += result.inserted;
        stats.duplicates += result.duplicates;
      } catch (error) {
        stats.failedFlushes += 1;
        options.onError?.(error);
        throw error;
      }
      buffer.splice(0, batch.length);
      stats.buffered = buffer.length;
    }
  }

  function flush(): Promise<void> {
    flushing ??= drain()
      .catch(() => undefined)
      .finally(() => {
        flushing = undefined;
      });
    return flushing;
  }

  const timer = setInterval(() => void flush(), options.flushIntervalMs ?? 1000);
  timer.unref();

  return {
    add(log) {
      // A full buffer refuses the newest log (counted): a flush in progress owns the head of the buffer.
      if (buffer.length >= maxBuffered) stats.dropped += 1;
      else buffer.push(log);
      stats.buffered = buffer.length;
    },
    flush,
    stats,
    async close(timeoutMs = 10_000) {
      clearInterval(timer);
      const deadline = Date.now() + timeoutMs;
      await flush();
      while (buffer.length > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        await flush();
      }
    },
  };
}
