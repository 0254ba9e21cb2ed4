import { SwitchyardError } from '@switchyard/core';
import type { Limiter } from '@switchyard/governance';

export interface FallbackLimiterOptions {
  /** Told (at most once a minute) that the shared counters failed and local ones answer instead. */
  onFallback: (error: unknown) => void;
  now?: () => number;
}

/**
 * Shared counters (Redis) with in-process ones behind them: when the shared limiter fails for a reason other than
 * a refusal, the request is admitted or refused on this process's own counts instead of failing, as the router
 * does with its state. Each lease settles where it was taken.
 */
export function withFallback(shared: Limiter, local: Limiter, options: FallbackLimiterOptions): Limiter {
  const now = options.now ?? Date.now;
  let reportedAt = -Infinity;
  return {
    async acquire(scopes, estimate) {
      try {
        return await shared.acquire(scopes, estimate);
      } catch (error) {
        if (error instanceof SwitchyardError) throw error;
        if (now() - reportedAt >= 60_000) {
          reportedAt = now();
          options.onFallback(error);
        }
        return local.acquire(scopes, estimate);
      }
    },
    async close() {
      await Promise.all([shared.close(), local.close()]);
    },
  };
}
