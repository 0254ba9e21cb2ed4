import { SwitchyardError } from '@switchyard/core';
import type { AttemptRecord } from './route-options.js';

/**
 * The error a routed request ends with: the requested group's failure (its kind, status and retry-after), plus
 * every call made, so the gateway can still send `x-switchyard-attempts` and `x-switchyard-fallbacks`.
 */
export class RoutingError extends SwitchyardError {
  constructor(
    cause: SwitchyardError,
    readonly history: readonly AttemptRecord[],
    readonly fallbacks: number,
  ) {
    super(cause.kind, cause.message, {
      status: cause.status,
      code: cause.code,
      param: cause.param,
      ...(cause.retryAfterMs === undefined ? {} : { retryAfterMs: cause.retryAfterMs }),
      ...(cause.provider === undefined ? {} : { provider: cause.provider }),
      ...(cause.upstreamStatus === undefined ? {} : { upstreamStatus: cause.upstreamStatus }),
      cause,
    });
    this.name = 'RoutingError';
  }

  get attempts(): number {
    return this.history.length;
  }
}
