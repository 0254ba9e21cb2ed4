import { retryAfterHeaders, type ErrorKind, type ErrorSpec } from '../../reply/mock-request-error.js';
import { jsonReply, sseHeaders, type Reply } from '../../reply/reply-types.js';
import type { WireFormat } from '../wire-format.js';

const geminiErrors: Readonly<Record<Exclude<ErrorKind, 'content_policy'>, { code: number; status: string; message: string }>> = {
  bad_request: { code: 400, status: 'INVALID_ARGUMENT', message: 'Invalid request (mock fault bad_request).' },
  auth: { code: 401, status: 'UNAUTHENTICATED', message: 'API key not valid. Please pass a valid API key (mock fault auth).' },
  not_found: { code: 404, status: 'NOT_FOUND', message: 'Not found.' },
  payload_too_large: { code: 400, status: 'INVALID_ARGUMENT', message: 'Request payload size exceeds the limit.' },
  rate_limit: {
    code: 429,
    status: 'RESOURCE_EXHAUSTED',
    message: 'You exceeded your current quota, please check your plan and billing details (mock fault 429).',
  },
  server_error: { code: 500, status: 'INTERNAL', message: 'An internal error has occurred (mock fault 500).' },
  unavailable: { code: 503, status: 'UNAVAILABLE', message: 'The model is overloaded. Please try again later.' },
  overloaded: { code: 529, status: 'UNAVAILABLE', message: 'The model is overloaded (mock fault 529).' },
  context_window: {
    code: 400,
    status: 'INVALID_ARGUMENT',
    message: 'The input token count (2000000) exceeds the maximum number of tokens allowed (1048576).',
  },
};

export function geminiEvent(json: string): string {
  return `data: ${json}\r\n\r\n`;
}

function details(spec: ErrorSpec): object[] {
  const list: object[] = [];
  if (spec.kind === 'auth') {
    list.push({ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' });
  }
  if (spec.kind === 'rate_limit') {
    list.push({
      '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
      violations: [{ quotaId: 'GenerateRequestsPerMinutePerProjectPerModel' }],
    });
  }
  if (retryAfterHeaders(spec)['retry-after'] !== undefined) {
    list.push({ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${spec.retryAfter}s` });
  }
  return list;
}

/** Gemini reports a blocked prompt in a 200 answer: `promptFeedback.blockReason` and no candidates. */
function blockedPrompt(stream: boolean): Reply {
  const body = JSON.stringify({
    promptFeedback: {
      blockReason: 'SAFETY',
      safetyRatings: [{ category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'HIGH', blocked: true }],
    },
    usageMetadata: { promptTokenCount: 1, totalTokenCount: 1 },
    responseId: 'mock-response',
  });
  if (!stream) return jsonReply(200, body);
  return { kind: 'stream', status: 200, headers: sseHeaders, frames: [geminiEvent(body)] };
}

/** `{"error":{code,message,status,details}}`; a broken stream just drops the connection. */
export const geminiFormat: WireFormat = {
  name: 'gemini',
  errorReply(spec, stream) {
    if (spec.kind === 'content_policy') return blockedPrompt(stream);
    const defaults = geminiErrors[spec.kind];
    const error = { code: defaults.code, message: spec.message ?? defaults.message, status: defaults.status, details: details(spec) };
    return jsonReply(defaults.code, { error }, retryAfterHeaders(spec));
  },
  midstreamError: () => undefined,
};
