import { SwitchyardError, type ErrorKind } from '@switchyard/core';
import { redactSecrets, upstreamError } from '@switchyard/provider-kit';
import { googleErrorBodySchema, type GoogleErrorBody } from './google-api.js';

type GoogleErrorDetail = NonNullable<GoogleErrorBody['error']['details']>[number];

export interface GoogleErrorInput {
  provider: string;
  status: number;
  headers?: Record<string, string | string[] | undefined>;
  /** The error body as text (it may be anything: JSON, HTML from a proxy, empty). */
  bodyText: string;
  /** Values that must never appear in the error (API keys, tokens). */
  secrets?: readonly string[];
}

/** Google statuses that say more than the HTTP status they come with. */
const kindsByGoogleStatus: Readonly<Record<string, ErrorKind>> = {
  UNAUTHENTICATED: 'authentication',
  PERMISSION_DENIED: 'permission',
  RESOURCE_EXHAUSTED: 'rate_limit',
  DEADLINE_EXCEEDED: 'timeout',
};

const authenticationReasons = new Set(['API_KEY_INVALID', 'API_KEY_EXPIRED', 'ACCESS_TOKEN_EXPIRED', 'ACCESS_TOKEN_TYPE_UNSUPPORTED']);

/** Parses a protobuf Duration ("34.4s", "2s") into milliseconds. */
export function parseGoogleDuration(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)s\s*$/.exec(value);
  if (!match) return undefined;
  return Math.round(Number(match[1]) * 1000);
}

function detailOfType(details: readonly GoogleErrorDetail[], type: string): GoogleErrorDetail | undefined {
  return details.find((detail) => detail['@type'] === `type.googleapis.com/google.rpc.${type}`);
}

function quotaIds(details: readonly GoogleErrorDetail[]): string[] {
  const violations = detailOfType(details, 'QuotaFailure')?.['violations'];
  if (!Array.isArray(violations)) return [];
  return violations.flatMap((violation: unknown) => {
    const quotaId = (violation as { quotaId?: unknown } | null)?.quotaId;
    return typeof quotaId === 'string' ? [quotaId] : [];
  });
}

function parseErrorBody(text: string): GoogleErrorBody['error'] | undefined {
  try {
    const parsed = googleErrorBodySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.error : undefined;
  } catch {
    return undefined;
  }
}

function preciseKind(error: GoogleErrorBody['error'] | undefined, details: readonly GoogleErrorDetail[]): ErrorKind | undefined {
  const reason = detailOfType(details, 'ErrorInfo')?.['reason'];
  if (typeof reason === 'string' && authenticationReasons.has(reason)) return 'authentication';
  return error?.status === undefined ? undefined : kindsByGoogleStatus[error.status];
}

/** Builds the SwitchyardError for a Gemini or Vertex error body (`{"error":{code,status,message,details}}`). */
export function googleUpstreamError(input: GoogleErrorInput): SwitchyardError {
  const secrets = input.secrets ?? [];
  const error = parseErrorBody(input.bodyText);
  const details = error?.details ?? [];
  const quotas = quotaIds(details);
  const baseMessage = error?.message || `${input.provider} answered HTTP ${input.status}`;
  const message = redactSecrets(quotas.length > 0 ? `${baseMessage} (quota: ${quotas.join(', ')})` : baseMessage, secrets);
  const retryAfterMs = parseGoogleDuration(detailOfType(details, 'RetryInfo')?.['retryDelay']);
  const base = upstreamError({ provider: input.provider, status: input.status, message, headers: input.headers ?? {}, retryAfterMs });
  const kind = preciseKind(error, details);
  if (kind === undefined || kind === base.kind || base.kind === 'context_window_exceeded') return base;
  return new SwitchyardError(kind, base.message, {
    ...(base.retryAfterMs === undefined ? {} : { retryAfterMs: base.retryAfterMs }),
    provider: input.provider,
    upstreamStatus: input.status,
  });
}

/** The error for an `{"error": ...}` object that arrived inside a stream, after the HTTP 200. */
export function googleStreamError(provider: string, error: unknown, secrets: readonly string[]): SwitchyardError {
  const code = (error as { code?: unknown } | null)?.code;
  const status = typeof code === 'number' && code >= 400 && code < 600 ? code : 500;
  return googleUpstreamError({ provider, status, bodyText: JSON.stringify({ error }), secrets });
}

/**
 * The error for an answer Gemini ended with a failed tool call (MALFORMED_FUNCTION_CALL and kin). Such an
 * answer has no usable content; returning it as an empty `stop` would hide the failure, so the request fails
 * with a retryable upstream error (a missing thought signature is the caller's history, so a bad request).
 */
export function googleToolCallFailure(provider: string, reason: string, finishMessage: string | undefined): SwitchyardError {
  const detail = finishMessage ? `: ${finishMessage}` : '';
  const message = `${provider} could not produce a valid tool call (${reason})${detail}`;
  if (reason === 'MISSING_THOUGHT_SIGNATURE') {
    return new SwitchyardError('bad_request', message, { code: 'missing_thought_signature', provider });
  }
  return new SwitchyardError('upstream_unavailable', message, { status: 502, code: reason.toLowerCase(), provider });
}
