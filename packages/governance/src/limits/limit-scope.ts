/** One entity whose limits a request counts against: a key, team, user, organisation, end user or key+model. */
export interface LimitScope {
  /** Unique and stable, e.g. `key:<id>`; also the Redis hash tag. */
  id: string;
  /** Named in refusals: "key", "team", "end user" ... */
  label: string;
  rpmLimit?: number | null | undefined;
  tpmLimit?: number | null | undefined;
  maxParallelRequests?: number | null | undefined;
  maxBudget?: number | null | undefined;
  /** Spend the store holds for the current budget period: the budget counter starts from it. */
  spend: number;
  /** Identifies the budget period (its reset time); a new period starts a new counter. */
  period: string;
  /** When the period ends (ms since the epoch), if it does. */
  periodEndsAt?: number | undefined;
}

export interface Estimate {
  /** Reserved against the budget before the call; settled to the real cost after it. */
  cost: number;
}

export interface Actual {
  tokens: number;
  cost: number;
}

/** What one scope's counters said when the request was admitted: the numbers behind the x-ratelimit-* headers. */
export interface ScopeUsage {
  requests: number;
  tokens: number;
  budgetUsed: number;
  windowResetMs: number;
}

export type Refusal = 'rpm' | 'tpm' | 'parallel' | 'budget';

export type ScopeAdmission = { ok: true; usage: ScopeUsage } | { ok: false; refusal: Refusal; usage: ScopeUsage };

/**
 * Counters for one scope, kept in process or in Redis. `admit` checks and counts atomically: one request against
 * rpm, one against max_parallel and the estimated cost against the budget; tpm admits while the window's tokens are
 * under the limit (tokens are known only afterwards). `settle` releases the parallel slot, adds the tokens and
 * replaces the reserved cost with the real one; `cancel` undoes an admission that another scope refused.
 */
export interface ScopeCounters {
  admit(scope: LimitScope, estimate: Estimate, nowMs: number): Promise<ScopeAdmission>;
  settle(scope: LimitScope, estimate: Estimate, actual: Actual, nowMs: number): Promise<void>;
  cancel(scope: LimitScope, estimate: Estimate, nowMs: number): Promise<void>;
  close(): Promise<void>;
}

export const WINDOW_MS = 60_000;

export function windowStart(nowMs: number): number {
  return nowMs - (nowMs % WINDOW_MS);
}
