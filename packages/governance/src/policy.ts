// `@switchyard/governance/policy`: the pure checks and errors (no store, no Redis), for code that runs whether or
// not governance is on; the root export loads the store's repositories and ioredis too.
export { governanceErrors } from './auth/governance-errors.js';
export { modelAllowed } from './auth/model-access.js';
export { checkKeyUsable, checkModelAllowed } from './auth/check-key.js';
export { isAdmin, type Principal } from './auth/principal.js';
export { createLookupCache, type LookupCache, type LookupCacheOptions } from './auth/lookup-cache.js';
export type { Actual, Estimate, LimitScope, ScopeCounters } from './limits/limit-scope.js';
export { LimitRefusedError, type LimitRefusal } from './limits/limit-refused-error.js';
export type { Lease, Limiter, RateLimitState } from './limits/limiter.js';
export { scopesForKey } from './limits/scopes-for-key.js';
