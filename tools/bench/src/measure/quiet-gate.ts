import { setTimeout as sleep } from 'node:timers/promises';
import { cpuDelta, takeCpuSnapshot } from './cpu-snapshot.js';

export interface QuietGateOptions {
  /** Give up waiting after this long and measure anyway (the level is recorded either way). 0 disables the gate. */
  maxWaitMs: number;
  /** A window counts as quiet when other tenants use less than this, in % of one core. */
  thresholdPercent: number;
  ourPids: readonly number[];
}

export interface QuietGateResult {
  waitedMs: number;
  /** Other-tenant CPU in the last one-second window, % of one core (undefined when the gate is off). */
  lastOtherTenantPercent: number | undefined;
}

/**
 * Waits for a one-second window in which processes that are not the bench's use less than the threshold, so
 * measurements avoid other engineers' builds where they can. Never waits longer than `maxWaitMs`.
 */
export async function waitForQuiet(options: QuietGateOptions): Promise<QuietGateResult> {
  if (options.maxWaitMs <= 0) return { waitedMs: 0, lastOtherTenantPercent: undefined };
  const started = Date.now();
  let last: number;
  const [first] = options.ourPids;
  do {
    const before = await takeCpuSnapshot(first ?? process.pid, options.ourPids);
    await sleep(1_000);
    last = cpuDelta(before, await takeCpuSnapshot(first ?? process.pid, options.ourPids)).otherTenantCpuPercent;
    if (last < options.thresholdPercent) break;
  } while (Date.now() - started < options.maxWaitMs);
  return { waitedMs: Date.now() - started, lastOtherTenantPercent: last };
}
