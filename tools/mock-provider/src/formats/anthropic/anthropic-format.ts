import { retryAfterHeaders, type ErrorKind } from '../../reply/mock-request-error.js';
import { jsonReply } from '../../reply/reply-types.js';
import type { WireFormat } from '../wire-format.js';

export const mockRequestId = 'req_mock';

const anthropicErrors: Readonly<Record<ErrorKind, { status: number; type: string; message: string }>> = {
  bad_request: { status: 400, type: 'invalid_request_error', message: 'Invalid request (mock fault bad_request).' },
  auth: { status: 401, type: 'authentication_error', message: 'invalid x-api-key (mock fault auth)' },
  not_found: { status: 404, type: 'not_found_error', message: 'Not found.' },
  payload_too_large: { status: 413, type: 'request_too_large', message: 'Request exceeds the maximum allowed number of bytes.' },
  rate_limit: {
    status: 429,
    type: 'rate_limit_error',
    message: 'Number of request tokens has exceeded your per-minute rate limit (mock fault 429).',
  },
  server_error: { status: 500, type: 'api_error', message: 'Internal server error (mock fault 500).' },
  unavailable: { status: 503, type: 'api_error', message: 'Service unavailable (mock fault 503).' },
  overloaded: { status: 529, type: 'overloaded_error', message: 'Overloaded (mock fault 529).' },
  context_window: { status: 400, type: 'invalid_request_error', message: 'prompt is too long: 210000 tokens > 200000 maximum' },
  content_policy: { status: 400, type: 'invalid_request_error', message: 'Output blocked by content filtering policy' },
};

export function anthropicEvent(type: string, data: string): string {
  return `event: ${type}\ndata: ${data}\n\n`;
}

const midstreamFrame = anthropicEvent(
  'error',
  JSON.stringify({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded (mock fault midstream).' } }),
);

/** `{"type":"error","error":{type,message},"request_id"}`; in a stream, `event: error`. */
export const anthropicFormat: WireFormat = {
  name: 'anthropic',
  errorReply(spec) {
    const defaults = anthropicErrors[spec.kind];
    const body = {
      type: 'error',
      error: { type: defaults.type, message: spec.message ?? defaults.message },
      request_id: mockRequestId,
    };
    return jsonReply(defaults.status, body, { 'request-id': mockRequestId, ...retryAfterHeaders(spec) });
  },
  midstreamError: () => midstreamFrame,
};
