import type { Limiter } from '@switchyard/governance';
import { PendingWork } from './pending-work.js';

/**
 * The limiter with its settles tracked: a lease is settled after its answer went out, so `close()` first waits for
 * the settles still running, then closes the counters (a Redis connection).
 */
export function trackSettles(limiter: Limiter): Limiter {
  const pending = new PendingWork();
  return {
    async acquire(scopes, estimate) {
      const lease = await limiter.acquire(scopes, estimate);
      return {
        state: lease.state,
        settle(actual) {
          const settled = lease.settle(actual);
          pending.track(settled);
          return settled;
        },
      };
    },
    async close() {
      await pending.idle();
      await limiter.close();
    },
  };
}
