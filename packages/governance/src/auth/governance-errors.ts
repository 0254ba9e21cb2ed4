import { SwitchyardError } from '@switchyard/core';
import { LimitRefusedError } from '../limits/limit-refused-error.js';
import type { Refusal } from '../limits/limit-scope.js';

const limitNames = { rpm: 'rpm_limit', tpm: 'tpm_limit', parallel: 'max_parallel_requests' } as const;

/** Refusals the governance checks raise, each a SwitchyardError with a stable `code` and a message that says why. */
export const governanceErrors = {
  missingKey: () =>
    new SwitchyardError('authentication', 'Missing API key: send "Authorization: Bearer <key>" (or an x-api-key / api-key header).', {
      code: 'missing_api_key',
    }),
  invalidKey: () => new SwitchyardError('authentication', 'Invalid API key: no such key.', { code: 'invalid_api_key' }),
  expired: (at: Date) =>
    new SwitchyardError('authentication', `This API key expired at ${at.toISOString()}.`, { code: 'key_expired' }),
  blocked: (what: string) =>
    new SwitchyardError('permission', `The ${what} this key belongs to is blocked.`, { code: `${what.replace(' ', '_')}_blocked` }),
  modelNotAllowed: (model: string, what: string) =>
    new SwitchyardError('permission', `This ${what} is not allowed to use model "${model}".`, { code: 'model_not_allowed', param: 'model' }),
  notAdmin: () =>
    new SwitchyardError('permission', 'This route needs the master key or a key of a proxy_admin user.', { code: 'admin_required' }),
  forbidden: (message: string) => new SwitchyardError('permission', message, { code: 'forbidden' }),
  storeUnavailable: () =>
    new SwitchyardError('upstream_unavailable', 'The gateway cannot check this key right now: its database is unavailable. Try again shortly.', {
      code: 'database_unavailable',
      retryAfterMs: 1000,
    }),
  /** Retry after the budget period ends; a lifetime budget (no period) gives no retry time. */
  budgetExceeded: (scope: string, spend: number, max: number, periodEndsAt: number | undefined, nowMs: number) =>
    new LimitRefusedError(
      `Budget exceeded for ${scope}: spend ${spend.toFixed(6)} of max_budget ${max}.`,
      'budget_exceeded',
      { refusal: 'budget', limit: max, resetAt: periodEndsAt },
      periodEndsAt === undefined ? undefined : Math.max(0, periodEndsAt - nowMs),
    ),
  rateLimited: (scope: string, refusal: Exclude<Refusal, 'budget'>, limit: number, resetAt: number, nowMs: number) => {
    const retryAfterMs = Math.max(0, resetAt - nowMs);
    return new LimitRefusedError(
      `Rate limit reached for ${scope}: ${limitNames[refusal]} ${limit}. Try again in ${Math.ceil(retryAfterMs / 1000)} s.`,
      'rate_limit_exceeded',
      { refusal, limit, resetAt },
      retryAfterMs,
    );
  },
};
