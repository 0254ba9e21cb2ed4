import type { ErrorKind } from '@switchyard/core';

/** LiteLLM's exception names, as its RetryPolicy (`<Name>Retries`) and AllowedFailsPolicy (`<Name>AllowedFails`) spell them. */
export type PolicyErrorName =
  | 'BadRequestError'
  | 'AuthenticationError'
  | 'TimeoutError'
  | 'RateLimitError'
  | 'ContentPolicyViolationError'
  | 'InternalServerError';

const names: Readonly<Record<ErrorKind, PolicyErrorName | undefined>> = {
  bad_request: 'BadRequestError',
  payload_too_large: 'BadRequestError',
  // LiteLLM's ContextWindowExceededError is a BadRequestError.
  context_window_exceeded: 'BadRequestError',
  authentication: 'AuthenticationError',
  permission: 'AuthenticationError',
  not_found: undefined,
  content_policy: 'ContentPolicyViolationError',
  rate_limit: 'RateLimitError',
  timeout: 'TimeoutError',
  upstream_unavailable: 'InternalServerError',
  internal: 'InternalServerError',
};

export function policyErrorName(kind: ErrorKind): PolicyErrorName | undefined {
  return names[kind];
}
