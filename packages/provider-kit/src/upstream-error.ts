import { parseRetryAfter, SwitchyardError, type ErrorKind } from '@switchyard/core';
import { headerValue } from './response-headers.js';

const contextWindowPatterns = [
  /context[_ ]length[_ ]exceeded/i,
  /maximum context length/i,
  /context window/i,
  /prompt is too long/i,
  /input is too long/i,
  /too many (input )?tokens/i,
  /exceeds? the (model'?s? )?(maximum|max) (number of )?(input )?tokens/i,
];

const contentPolicyPatterns = [/content[_ ]policy/i, /content[_ ]filter/i, /safety (system|filter)/i, /responsibleai/i];

/** The error kind an upstream HTTP status means when the body says nothing more precise. */
export function errorKindForStatus(status: number): ErrorKind {
  if (status === 400 || status === 422) return 'bad_request';
  if (status === 401) return 'authentication';
  if (status === 402 || status === 403) return 'permission';
  if (status === 404) return 'not_found';
  if (status === 408) return 'timeout';
  if (status === 413) return 'payload_too_large';
  if (status === 429) return 'rate_limit';
  if (status >= 500) return 'upstream_unavailable';
  return 'bad_request';
}

/** Recognises context-window and content-policy failures from an upstream code or message. */
export function classifyUpstreamMessage(text: string): 'context_window_exceeded' | 'content_policy' | undefined {
  if (contextWindowPatterns.some((pattern) => pattern.test(text))) return 'context_window_exceeded';
  if (contentPolicyPatterns.some((pattern) => pattern.test(text))) return 'content_policy';
  return undefined;
}

export interface UpstreamErrorInput {
  provider: string;
  status: number;
  message: string;
  code?: string | null | undefined;
  param?: string | null | undefined;
  type?: string | null | undefined;
  headers?: Record<string, string | string[] | undefined>;
  /** A retry delay the body carried (Gemini's RetryInfo), used when no header gives one. */
  retryAfterMs?: number | undefined;
}

/** Builds the SwitchyardError for an upstream error response. */
export function upstreamError(input: UpstreamErrorInput): SwitchyardError {
  const classified = input.status === 400 || input.status === 413 || input.status === 403
    ? classifyUpstreamMessage(`${input.code ?? ''} ${input.type ?? ''} ${input.message}`)
    : undefined;
  const kind = classified ?? errorKindForStatus(input.status);
  const retryAfterMs =
    parseRetryAfter(headerValue(input.headers, 'retry-after'), headerValue(input.headers, 'retry-after-ms')) ?? input.retryAfterMs;
  const status = kind === 'upstream_unavailable' && [500, 502, 503, 504].includes(input.status) ? input.status : undefined;
  return new SwitchyardError(kind, input.message || `${input.provider} answered HTTP ${input.status}`, {
    ...(status === undefined ? {} : { status }),
    ...(classified === undefined && input.code ? { code: input.code } : {}),
    param: input.param ?? null,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    provider: input.provider,
    upstreamStatus: input.status,
  });
}

const timeoutCodes = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);

/** Maps a thrown transport failure (refused, reset, timed out, aborted) to a SwitchyardError. */
export function transportError(error: unknown, provider: string): SwitchyardError {
  if (SwitchyardError.isInstance(error)) return error;
  const code = (error as { code?: string } | undefined)?.code ?? '';
  const name = (error as { name?: string } | undefined)?.name ?? '';
  if (timeoutCodes.has(code)) {
    return new SwitchyardError('timeout', `${provider} did not answer in time.`, { provider, cause: error });
  }
  if (name === 'AbortError' || code === 'UND_ERR_ABORTED' || code === 'ABORT_ERR') {
    return new SwitchyardError('timeout', `The request to ${provider} was aborted.`, { provider, cause: error });
  }
  return new SwitchyardError('upstream_unavailable', `${provider} could not be reached (${code || name || 'network error'}).`, {
    status: 502,
    provider,
    cause: error,
  });
}

/** Reads at most `limit` bytes of a body as text (error bodies can be large or endless). */
export async function readBodyText(body: AsyncIterable<Uint8Array>, limit = 64 * 1024): Promise<string> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = Buffer.from(chunk);
    parts.push(buffer);
    size += buffer.length;
    if (size >= limit) break;
  }
  return Buffer.concat(parts).subarray(0, limit).toString('utf8');
}
