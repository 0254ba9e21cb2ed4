import type { SwitchyardError } from '@switchyard/core';
import { upstreamError } from '@switchyard/provider-kit';
import { anthropicErrorBodySchema } from './anthropic-api.js';

/** The HTTP status Anthropic pairs with each error type (used for errors that arrive inside a stream). */
const statusOfErrorType = new Map<string, number>([
  ['invalid_request_error', 400],
  ['authentication_error', 401],
  ['billing_error', 402],
  ['permission_error', 403],
  ['not_found_error', 404],
  ['request_too_large', 413],
  ['rate_limit_error', 429],
  ['api_error', 500],
  ['timeout_error', 504],
  ['overloaded_error', 529],
]);

interface AnthropicErrorDetails {
  type: string | undefined;
  message: string | undefined;
}

function parseErrorBody(text: string): AnthropicErrorDetails {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { type: undefined, message: undefined };
  }
  const parsed = anthropicErrorBodySchema.safeParse(json);
  if (!parsed.success) return { type: undefined, message: undefined };
  return { type: parsed.data.error.type, message: parsed.data.error.message ?? undefined };
}

function build(provider: string, status: number, details: AnthropicErrorDetails, headers?: Record<string, string | string[] | undefined>) {
  return upstreamError({
    provider,
    status,
    message: details.message || `Anthropic answered HTTP ${status}${details.type ? ` (${details.type})` : ''}.`,
    type: details.type,
    code: details.type === 'overloaded_error' ? 'overloaded' : undefined,
    ...(headers ? { headers } : {}),
  });
}

/** The SwitchyardError for an error response (`{"type":"error","error":{"type","message"}}` and its status). */
export function anthropicErrorFromResponse(
  provider: string,
  status: number,
  headers: Record<string, string | string[] | undefined>,
  bodyText: string,
): SwitchyardError {
  return build(provider, status, parseErrorBody(bodyText), headers);
}

/** The SwitchyardError for an `event: error` that arrives after the stream started. */
export function anthropicStreamError(provider: string, error: { type: string; message?: string | null | undefined }): SwitchyardError {
  const status = statusOfErrorType.get(error.type) ?? 500;
  return build(provider, status, { type: error.type, message: error.message ?? undefined });
}
