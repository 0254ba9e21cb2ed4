import { Redis } from 'ioredis';
import { WINDOW_MS, windowStart, type LimitScope, type Refusal, type ScopeCounters } from './limit-scope.js';
import { admitScript, settleScript } from './redis-scripts.js';

export interface RedisCountersOptions {
  /** A `redis://` URL or a client to use (not closed by `close()` when passed in). */
  redis: string | Redis;
  /** Prefix of every key (default `switchyard:gov:`). */
  prefix?: string;
  /**
   * Told about connection errors of a client created here (ioredis would otherwise print each one to stderr); the
   * commands themselves still reject, so the caller sees every failure.
   */
  onError?: (error: Error) => void;
}

type Commands = Redis & {
  switchyardGovAdmit(...args: Array<string | number>): Promise<[number, string, number, number, string]>;
  switchyardGovSettle(...args: Array<string | number>): Promise<number>;
};

const DAY_MS = 86_400_000;
const limit = (value: number | null | undefined) => (value == null ? -1 : value);

/**
 * Counters in Redis, each scope's under one Cluster hash tag `{prefix scope-id}` and changed by one Lua script, so
 * every gateway sharing the Redis sees the same rpm, tpm, parallel and budget counts and none can overshoot them.
 * The budget counter starts from the store's spend the first time a period is seen and expires with the period (at
 * most a day later, when it starts again from the store, whose spend by then includes every flushed log).
 */
export function createRedisCounters(options: RedisCountersOptions): ScopeCounters {
  const owned = typeof options.redis === 'string';
  // Auto-pipelining: the admits and settles of one event-loop tick go out as one write.
  const client = (owned ? new Redis(options.redis as string, { maxRetriesPerRequest: 2, enableAutoPipelining: true }) : options.redis) as Commands;
  if (owned) client.on('error', options.onError ?? (() => undefined));
  client.defineCommand('switchyardGovAdmit', { numberOfKeys: 4, lua: admitScript });
  client.defineCommand('switchyardGovSettle', { numberOfKeys: 4, lua: settleScript });
  const prefix = options.prefix ?? 'switchyard:gov:';

  function keys(scope: LimitScope, nowMs: number): string[] {
    const tag = `{${prefix}${scope.id}}`;
    const window = windowStart(nowMs);
    return [`${tag}:rq:${window}`, `${tag}:tk:${window}`, `${tag}:par`, `${tag}:budget:${scope.period}`];
  }
  const budgetTtl = (scope: LimitScope, nowMs: number) =>
    Math.max(1000, Math.min(DAY_MS, (scope.periodEndsAt ?? nowMs + DAY_MS) - nowMs + 60_000));

  return {
    async admit(scope, estimate, nowMs) {
      const args = [scope.rpmLimit, scope.tpmLimit, scope.maxParallelRequests, scope.maxBudget].map(limit);
      const [admitted, refusal, requests, tokens, used] = await client.switchyardGovAdmit(
        ...keys(scope, nowMs),
        ...args,
        scope.spend,
        estimate.cost,
        WINDOW_MS * 2,
        budgetTtl(scope, nowMs),
      );
      const usage = { requests: Number(requests), tokens: Number(tokens), budgetUsed: Number(used), windowResetMs: windowStart(nowMs) + WINDOW_MS };
      return admitted === 1 ? { ok: true, usage } : { ok: false, refusal: refusal as Refusal, usage };
    },
    async settle(scope, estimate, actual, nowMs) {
      await client.switchyardGovSettle(...keys(scope, nowMs), Math.round(actual.tokens), actual.cost - estimate.cost, WINDOW_MS * 2, 0);
    },
    async cancel(scope, estimate, nowMs) {
      await client.switchyardGovSettle(...keys(scope, nowMs), 0, -estimate.cost, WINDOW_MS * 2, 1);
    },
    async close() {
      if (owned) await client.quit();
    },
  };
}
