import { SwitchyardError } from '@switchyard/core';

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
  budgetExceeded: (scope: string, spend: number, max: number) =>
    new SwitchyardError('rate_limit', `Budget exceeded for ${scope}: spend ${spend.toFixed(6)} of max_budget ${max}.`, {
      code: 'budget_exceeded',
      status: 429,
    }),
  rateLimited: (scope: string, limit: string, retryAfterMs: number) =>
    new SwitchyardError('rate_limit', `Rate limit reached for ${scope}: ${limit}. Try again in ${Math.ceil(retryAfterMs / 1000)} s.`, {
      code: 'rate_limit_exceeded',
      retryAfterMs,
    }),
};
