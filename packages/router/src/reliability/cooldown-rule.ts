import type { ErrorKind, SwitchyardError } from '@switchyard/core';
import type { RouterOptions } from '../config/router-options.js';
import type { DeploymentView } from '../state/router-state.js';
import { policyErrorName } from './error-policy-key.js';

/** Statuses that cool a deployment down at once, as in LiteLLM: 429, 401, 404 and 408. */
const immediateKinds: ReadonlySet<ErrorKind> = new Set(['rate_limit', 'authentication', 'not_found', 'timeout']);

/** Failures the request caused, not the deployment: they never count unless an allowed-fails policy names them. */
const clientKinds: ReadonlySet<ErrorKind> = new Set([
  'bad_request',
  'payload_too_large',
  'context_window_exceeded',
  'content_policy',
]);

/** LiteLLM's failure-rate rule: above this share of failed calls in a minute, after enough calls, cool down. */
const failureRateThreshold = 0.5;
const failureRateMinimumRequests = 5;
/** An upstream retry-after lengthens a 429 cooldown up to this, so a bogus header cannot bench a deployment for a day. */
const maxRetryAfterCooldownMs = 600_000;

function policyAllowance(error: SwitchyardError, options: RouterOptions): number | undefined {
  const name = policyErrorName(error.kind);
  const policy = options.allowedFailsPolicy as Record<string, number | undefined> | undefined;
  return name === undefined ? undefined : policy?.[`${name}AllowedFails`];
}

/** Whether a failed call counts against the deployment (allowed_fails, failure rate). */
export function countsAsFailure(error: SwitchyardError, options: RouterOptions): boolean {
  return !clientKinds.has(error.kind) || policyAllowance(error, options) !== undefined;
}

/**
 * After a failed call has been counted, the time until which the deployment should cool down, or undefined.
 * `view` already includes this failure.
 */
export function cooldownUntil(
  error: SwitchyardError,
  slot: number,
  view: DeploymentView,
  now: number,
  options: RouterOptions,
): number | undefined {
  if (options.disableCooldowns || !countsAsFailure(error, options)) return undefined;
  const failures = view.failuresThisMinute(slot, now);
  const allowance = policyAllowance(error, options);
  let coolDown: boolean;
  if (allowance !== undefined) coolDown = failures > allowance;
  else if (immediateKinds.has(error.kind)) coolDown = true;
  else {
    const requests = view.requestsThisMinute(slot, now);
    coolDown =
      failures > options.allowedFails ||
      (requests >= failureRateMinimumRequests && failures / requests > failureRateThreshold);
  }
  if (!coolDown) return undefined;
  const upstreamHint = error.kind === 'rate_limit' ? Math.min(error.retryAfterMs ?? 0, maxRetryAfterCooldownMs) : 0;
  return now + Math.max(options.cooldownMs, upstreamHint);
}
