import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LimitScope, ScopeCounters } from './limit-scope.js';
import { createLimiter } from './limiter.js';
import { createMemoryCounters } from './memory-counters.js';
import { createRedisCounters } from './redis-counters.js';

const redisUrl = process.env['SWITCHYARD_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

async function redisReachable(): Promise<boolean> {
  const client = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    if (process.env['CI'] === 'true') throw new Error(`Redis at ${redisUrl} is unreachable and CI=true`);
    return false;
  } finally {
    client.disconnect();
  }
}

const scope = (overrides: Partial<LimitScope>): LimitScope => ({ id: `key:${randomUUID()}`, label: 'key k', spend: 0, period: 'lifetime', ...overrides });

async function settledOutcomes(counters: ScopeCounters, scopes: LimitScope[], requests: number, cost: number) {
  const limiter = createLimiter(counters);
  const outcomes = await Promise.allSettled(
    Array.from({ length: requests }, async () => {
      const lease = await limiter.acquire(scopes, { cost });
      await new Promise((resolve) => setTimeout(resolve, 5));
      await lease.settle({ tokens: 10, cost });
    }),
  );
  return outcomes.filter((outcome) => outcome.status === 'fulfilled').length;
}

const backends: Array<[string, () => Promise<ScopeCounters | undefined>]> = [
  ['memory', async () => createMemoryCounters()],
  ['redis', async () => ((await redisReachable()) ? createRedisCounters({ redis: redisUrl, prefix: `test:${randomUUID()}:` }) : undefined)],
];

describe.each(backends)('limiter on %s counters', (name, open) => {
  let counters: ScopeCounters | undefined;
  beforeAll(async () => {
    counters = await open();
    if (!counters) console.warn(`SKIPPED ${name}: Redis at ${redisUrl} unreachable`);
  });
  afterAll(() => counters?.close());

  it('admits exactly 100 of 200 concurrent requests when the budget covers 100', async (context) => {
    if (!counters) return context.skip();
    const budget = scope({ maxBudget: 1, spend: 0.5 });
    expect(await settledOutcomes(counters, [budget], 200, 0.005)).toBe(100);
  });

  it('holds an rpm limit and counts every scope, all or none', async (context) => {
    if (!counters) return context.skip();
    const key = scope({ rpmLimit: 60 });
    const team = scope({ id: `team:${randomUUID()}`, rpmLimit: 1000, maxParallelRequests: 500 });
    expect(await settledOutcomes(counters, [key, team], 100, 0)).toBe(60);
    const limiter = createLimiter(counters);
    const lease = await limiter.acquire([team], { cost: 0 });
    expect(lease.state).toMatchObject({ limitRequests: 1000, remainingRequests: 1000 - 61 });
    await lease.settle({ tokens: 0, cost: 0 });
  });

  it('refuses with a clear budget message and settles reservations to the real cost', async (context) => {
    if (!counters) return context.skip();
    const limiter = createLimiter(counters);
    const budget = scope({ maxBudget: 1 });
    const lease = await limiter.acquire([budget], { cost: 0.9 });
    await lease.settle({ tokens: 1, cost: 0.1 });
    const second = await limiter.acquire([budget], { cost: 0.85 });
    await second.settle({ tokens: 1, cost: 0.85 });
    await expect(limiter.acquire([budget], { cost: 0.1 })).rejects.toMatchObject({ kind: 'rate_limit', code: 'budget_exceeded' });
    // A lifetime budget has no retry time; a periodic one frees at its period's end.
    await expect(limiter.acquire([budget], { cost: 0.1 })).rejects.toMatchObject({ retryAfterMs: undefined, refused: { refusal: 'budget', limit: 1, resetAt: undefined } });
    const endsAt = Date.now() + 3_600_000;
    const periodic = scope({ maxBudget: 1, spend: 1, period: String(endsAt), periodEndsAt: endsAt });
    const refused = await limiter.acquire([periodic], { cost: 0.1 }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ refused: { refusal: 'budget', limit: 1, resetAt: endsAt } });
    expect((refused as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(3_500_000);
  });

  it('says which rate limit refused and when its window ends', async (context) => {
    if (!counters) return context.skip();
    const limiter = createLimiter(counters);
    const rpm = scope({ rpmLimit: 1 });
    await (await limiter.acquire([rpm], { cost: 0 })).settle({ tokens: 0, cost: 0 });
    const refused = await limiter.acquire([rpm], { cost: 0 }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'rate_limit_exceeded', refused: { refusal: 'rpm', limit: 1 } });
    const { retryAfterMs, refused: details } = refused as { retryAfterMs: number; refused: { resetAt: number } };
    expect(retryAfterMs).toBeGreaterThanOrEqual(0);
    expect(retryAfterMs).toBeLessThanOrEqual(60_000);
    expect(details.resetAt % 60_000).toBe(0);
  });

  it('refuses past max_parallel_requests until a lease settles', async (context) => {
    if (!counters) return context.skip();
    const limiter = createLimiter(counters);
    const parallel = scope({ maxParallelRequests: 1 });
    const lease = await limiter.acquire([parallel], { cost: 0 });
    await expect(limiter.acquire([parallel], { cost: 0 })).rejects.toThrow(/max_parallel_requests 1/);
    await lease.settle({ tokens: 0, cost: 0 });
    await (await limiter.acquire([parallel], { cost: 0 })).settle({ tokens: 0, cost: 0 });
  });
});
