/** Every failure Switchyard reports falls into one of these kinds. */
export type ErrorKind =
  | 'bad_request'
  | 'authentication'
  | 'permission'
  | 'not_found'
  | 'payload_too_large'
  | 'context_window_exceeded'
  | 'content_policy'
  | 'rate_limit'
  | 'timeout'
  | 'upstream_unavailable'
  | 'internal';

export interface ErrorKindInfo {
  status: number;
  /** The OpenAI `error.type` sent for this kind. */
  type: string;
  /** The default OpenAI `error.code`. */
  code: string | null;
  /** Whether trying again (elsewhere or later) can help. */
  retryable: boolean;
}

export const errorKinds: Readonly<Record<ErrorKind, ErrorKindInfo>> = {
  bad_request: { status: 400, type: 'invalid_request_error', code: null, retryable: false },
  authentication: { status: 401, type: 'authentication_error', code: 'invalid_api_key', retryable: false },
  permission: { status: 403, type: 'permission_error', code: 'permission_denied', retryable: false },
  not_found: { status: 404, type: 'invalid_request_error', code: 'model_not_found', retryable: false },
  payload_too_large: { status: 413, type: 'invalid_request_error', code: 'payload_too_large', retryable: false },
  context_window_exceeded: {
    status: 400,
    type: 'invalid_request_error',
    code: 'context_length_exceeded',
    retryable: false,
  },
  content_policy: { status: 400, type: 'invalid_request_error', code: 'content_policy_violation', retryable: false },
  rate_limit: { status: 429, type: 'rate_limit_error', code: 'rate_limit_exceeded', retryable: true },
  timeout: { status: 408, type: 'timeout_error', code: 'request_timeout', retryable: true },
  upstream_unavailable: { status: 503, type: 'service_unavailable_error', code: 'upstream_unavailable', retryable: true },
  internal: { status: 500, type: 'api_error', code: 'internal_error', retryable: true },
};
