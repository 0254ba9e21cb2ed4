import type { RouterClock } from '../clock.js';

/**
 * A clock that only moves when told to. `sleep` advances it by the requested time at once and records the wait,
 * so backoff can be asserted without real waiting.
 */
export class ManualClock implements RouterClock {
  readonly sleeps: number[] = [];

  constructor(public time = Date.UTC(2026, 0, 1, 12, 0, 0)) {}

  now(): number {
    return this.time;
  }

  advance(ms: number): void {
    this.time += ms;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    this.sleeps.push(ms);
    this.time += ms;
    return Promise.resolve();
  }
}
