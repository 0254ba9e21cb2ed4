import { createLimiter, createMemoryCounters, type Limiter } from '@switchyard/governance';
import { describe, expect, it } from 'vitest';
import { withFallback } from './fallback-limiter.js';

const scope = { id: 'key:k', label: 'key k', rpmLimit: 1, spend: 0, period: 'lifetime' };

function failing(): Limiter & { calls: number } {
  const limiter = {
    calls: 0,
    async acquire(): Promise<never> {
      limiter.calls += 1;
      throw Object.assign(new Error('connect ECONNREFUSED'), { name: 'MaxRetriesPerRequestError' });
    },
    close: async () => undefined,
  };
  return limiter;
}

describe('withFallback', () => {
  it('counts in process while the shared limiter fails, and reports that once a minute', async () => {
    const shared = failing();
    const reported: unknown[] = [];
    let clock = 0;
    const limiter = withFallback(shared, createLimiter(createMemoryCounters()), { onFallback: (error) => reported.push(error), now: () => clock });
    const lease = await limiter.acquire([scope], { cost: 0 });
    expect(lease.state.remainingRequests).toBe(0);
    // The local counts still hold the limit.
    await expect(limiter.acquire([scope], { cost: 0 })).rejects.toMatchObject({ code: 'rate_limit_exceeded' });
    expect(reported).toHaveLength(1);
    clock += 60_000;
    await limiter.acquire([{ ...scope, id: 'key:other' }], { cost: 0 });
    expect(reported).toHaveLength(2);
    expect(shared.calls).toBe(3);
  });

  it("passes the shared limiter's refusals through", async () => {
    const shared = createLimiter(createMemoryCounters());
    const limiter = withFallback(shared, createLimiter(createMemoryCounters()), { onFallback: () => undefined });
    await limiter.acquire([scope], { cost: 0 });
    await expect(limiter.acquire([scope], { cost: 0 })).rejects.toMatchObject({ code: 'rate_limit_exceeded' });
  });
});
