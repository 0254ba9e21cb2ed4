import { SwitchyardError } from '@switchyard/core';
import type { Refusal } from './limit-scope.js';

/** What refused a request, for the x-ratelimit-* and retry-after headers of the 429. */
export interface LimitRefusal {
  refusal: Refusal;
  /** The refusing scope's limit: requests or tokens per minute, parallel requests, or the budget in USD. */
  limit: number;
  /** Ms since the epoch when the limit frees up again (window end, budget period end); undefined for a lifetime budget. */
  resetAt: number | undefined;
}

/** A 429 from the limiter (`rate_limit_exceeded` or `budget_exceeded`) that says which limit refused and until when. */
export class LimitRefusedError extends SwitchyardError {
  readonly refused: LimitRefusal;

  constructor(message: string, code: 'rate_limit_exceeded' | 'budget_exceeded', refused: LimitRefusal, retryAfterMs: number | undefined) {
    super('rate_limit', message, { code, status: 429, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });
    this.refused = refused;
  }
}
