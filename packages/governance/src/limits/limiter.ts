import { governanceErrors } from '../auth/governance-errors.js';
import type { Actual, Estimate, LimitScope, Refusal, ScopeCounters, ScopeUsage } from './limit-scope.js';

/** The `x-ratelimit-*` numbers of the tightest scope that has a limit, for the response headers. */
export interface RateLimitState {
  limitRequests?: number;
  remainingRequests?: number;
  limitTokens?: number;
  remainingTokens?: number;
  /** Ms since the epoch when the current window ends. */
  resetAt: number;
}

export interface Lease {
  readonly state: RateLimitState;
  /** Releases the parallel slot and settles the reserved cost to the real one; call exactly once. */
  settle(actual: Actual): Promise<void>;
}

export interface Limiter {
  /** Admits one request against every scope, all or none; throws a `rate_limit` SwitchyardError when one refuses. */
  acquire(scopes: readonly LimitScope[], estimate: Estimate): Promise<Lease>;
  close(): Promise<void>;
}

function refusalError(scope: LimitScope, refusal: Refusal, usage: ScopeUsage, nowMs: number) {
  if (refusal === 'budget') return governanceErrors.budgetExceeded(scope.label, usage.budgetUsed, scope.maxBudget ?? 0, scope.periodEndsAt, nowMs);
  if (refusal === 'rpm') return governanceErrors.rateLimited(scope.label, 'rpm', scope.rpmLimit ?? 0, usage.windowResetMs, nowMs);
  if (refusal === 'tpm') return governanceErrors.rateLimited(scope.label, 'tpm', scope.tpmLimit ?? 0, usage.windowResetMs, nowMs);
  // A parallel slot frees when a request ends: no window, so a short retry.
  return governanceErrors.rateLimited(scope.label, 'parallel', scope.maxParallelRequests ?? 0, nowMs + 1000, nowMs);
}

function headerState(admitted: ReadonlyArray<[LimitScope, ScopeUsage]>, nowMs: number): RateLimitState {
  const state: RateLimitState = { resetAt: admitted[0]?.[1].windowResetMs ?? nowMs };
  for (const [scope, usage] of admitted) {
    if (scope.rpmLimit != null) {
      const remaining = Math.max(0, scope.rpmLimit - usage.requests);
      if (state.remainingRequests === undefined || remaining < state.remainingRequests) {
        Object.assign(state, { limitRequests: scope.rpmLimit, remainingRequests: remaining });
      }
    }
    if (scope.tpmLimit != null) {
      const remaining = Math.max(0, scope.tpmLimit - usage.tokens);
      if (state.remainingTokens === undefined || remaining < state.remainingTokens) {
        Object.assign(state, { limitTokens: scope.tpmLimit, remainingTokens: remaining });
      }
    }
  }
  return state;
}

/** Scopes without any limit are skipped: they cost nothing per request. */
const limited = (scope: LimitScope) =>
  scope.rpmLimit != null || scope.tpmLimit != null || scope.maxParallelRequests != null || scope.maxBudget != null;

/** The limiter over in-process or Redis counters (see `createMemoryCounters`, `createRedisCounters`). */
export function createLimiter(counters: ScopeCounters, now: () => number = Date.now): Limiter {
  return {
    async acquire(allScopes, estimate) {
      const scopes = allScopes.filter(limited);
      const nowMs = now();
      const admitted: Array<[LimitScope, ScopeUsage]> = [];
      for (const scope of scopes) {
        const result = await counters.admit(scope, estimate, nowMs);
        if (!result.ok) {
          await Promise.all(admitted.map(([done]) => counters.cancel(done, estimate, nowMs)));
          throw refusalError(scope, result.refusal, result.usage, nowMs);
        }
        admitted.push([scope, result.usage]);
      }
      let settled = false;
      return {
        state: headerState(admitted, nowMs),
        async settle(actual) {
          if (settled) return;
          settled = true;
          await Promise.all(scopes.map((scope) => counters.settle(scope, estimate, actual, now())));
        },
      };
    },
    close: () => counters.close(),
  };
}
