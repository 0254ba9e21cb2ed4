import type { BackoffOptions } from '../config/router-options.js';
import type { RandomSource } from '../random.js';

/** A retry-after longer than this is not waited for: the caller gets the error (and its retry-after) instead. */
export const maxRetryAfterMs = 60_000;

/**
 * How long to wait before retry number `retry` (0 for the first) on a deployment already tried: exponential with
 * jitter, at least `minWaitMs` and at least the upstream's retry-after. Undefined when the retry-after is too long
 * to wait for.
 */
export function backoffDelayMs(
  retry: number,
  retryAfterMs: number | undefined,
  minWaitMs: number,
  options: BackoffOptions,
  random: RandomSource,
): number | undefined {
  if (retryAfterMs !== undefined && retryAfterMs > maxRetryAfterMs) return undefined;
  const exponential = Math.min(options.initialMs * 2 ** retry, options.maxMs);
  const jittered = exponential * (1 - options.jitter * random());
  return Math.max(jittered, minWaitMs, retryAfterMs ?? 0);
}
