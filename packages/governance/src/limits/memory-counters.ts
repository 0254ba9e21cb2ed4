import { WINDOW_MS, windowStart, type Actual, type Estimate, type LimitScope, type ScopeAdmission, type ScopeCounters } from './limit-scope.js';

interface Counters {
  window: number;
  requests: number;
  tokens: number;
  parallel: number;
  period: string;
  budgetUsed: number;
}

/** In-process counters: correct for one gateway process; use Redis when several share the limits. */
export function createMemoryCounters(): ScopeCounters {
  const all = new Map<string, Counters>();

  function countersOf(scope: LimitScope, nowMs: number): Counters {
    let counters = all.get(scope.id);
    if (counters === undefined) {
      counters = { window: windowStart(nowMs), requests: 0, tokens: 0, parallel: 0, period: scope.period, budgetUsed: scope.spend };
      all.set(scope.id, counters);
    }
    if (counters.window !== windowStart(nowMs)) Object.assign(counters, { window: windowStart(nowMs), requests: 0, tokens: 0 });
    if (counters.period !== scope.period) Object.assign(counters, { period: scope.period, budgetUsed: scope.spend });
    return counters;
  }

  return {
    async admit(scope, estimate, nowMs): Promise<ScopeAdmission> {
      const c = countersOf(scope, nowMs);
      const usage = () => ({ requests: c.requests, tokens: c.tokens, budgetUsed: c.budgetUsed, windowResetMs: c.window + WINDOW_MS });
      if (scope.rpmLimit != null && c.requests >= scope.rpmLimit) return { ok: false, refusal: 'rpm', usage: usage() };
      if (scope.tpmLimit != null && c.tokens >= scope.tpmLimit) return { ok: false, refusal: 'tpm', usage: usage() };
      if (scope.maxParallelRequests != null && c.parallel >= scope.maxParallelRequests) return { ok: false, refusal: 'parallel', usage: usage() };
      if (scope.maxBudget != null && c.budgetUsed + estimate.cost > scope.maxBudget + 1e-12) return { ok: false, refusal: 'budget', usage: usage() };
      c.requests += 1;
      c.parallel += 1;
      c.budgetUsed += estimate.cost;
      return { ok: true, usage: usage() };
    },
    async settle(scope, estimate, actual: Actual, nowMs) {
      const c = countersOf(scope, nowMs);
      c.parallel = Math.max(0, c.parallel - 1);
      c.tokens += actual.tokens;
      c.budgetUsed += actual.cost - estimate.cost;
    },
    async cancel(scope, estimate: Estimate, nowMs) {
      const c = countersOf(scope, nowMs);
      c.parallel = Math.max(0, c.parallel - 1);
      c.requests = Math.max(0, c.requests - 1);
      c.budgetUsed -= estimate.cost;
    },
    async close() {
      all.clear();
    },
  };
}
