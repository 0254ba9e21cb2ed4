import { SwitchyardError, type ErrorKind } from '@switchyard/core';
import { classifyUpstreamMessage, upstreamError, type ErrorAnswer } from '@switchyard/provider-kit';

/** The fields of an OpenAI-style error, wherever a vendor put them. */
export interface OpenAIErrorFields {
  message: string;
  type: string | undefined;
  code: string | undefined;
  param: string | undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/**
 * Reads `{"error": {message, type, param, code}}` and the variants OpenAI-compatible servers send:
 * `{"error": "text"}`, `{"message": ...}` (vLLM, Mistral) and `{"detail": ...}` (FastAPI servers).
 */
export function errorFields(payload: unknown): OpenAIErrorFields | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const record = payload as Record<string, unknown>;
  const nested = record.error;
  const source = typeof nested === 'object' && nested !== null ? (nested as Record<string, unknown>) : record;
  const message = text(source.message) ?? text(nested) ?? text(record.detail) ?? (Array.isArray(record.detail) ? JSON.stringify(record.detail) : undefined);
  if (message === undefined) return undefined;
  return { message, type: text(source.type), code: text(source.code), param: text(source.param) };
}

function parse(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** Removes the API key from upstream text before it reaches an error message. */
export function redact(message: string, apiKey: string | undefined): string {
  return apiKey ? message.split(apiKey).join('[redacted]') : message;
}

/**
 * The SwitchyardError for an upstream error response. `insufficient_quota` (billing, not load) keeps OpenAI's
 * 429 status and code but is a non-retryable `permission` error: waiting will not help, another deployment may.
 */
export function errorFromAnswer(provider: string, answer: ErrorAnswer, apiKey: string | undefined): SwitchyardError {
  const body = answer.bodyText;
  const fields = errorFields(parse(body));
  const message = redact(fields?.message ?? body.trim().slice(0, 500), apiKey);
  if (fields?.code === 'insufficient_quota' || fields?.type === 'insufficient_quota') {
    return new SwitchyardError('permission', message, {
      status: answer.status,
      code: 'insufficient_quota',
      provider,
      upstreamStatus: answer.status,
    });
  }
  return upstreamError({
    provider,
    status: answer.status,
    message,
    code: fields?.code,
    param: fields?.param,
    type: fields?.type,
    headers: answer.headers,
  });
}

function inBandKind(fields: OpenAIErrorFields): ErrorKind {
  const classified = classifyUpstreamMessage(`${fields.code ?? ''} ${fields.type ?? ''} ${fields.message}`);
  if (classified) return classified;
  const label = `${fields.code ?? ''} ${fields.type ?? ''}`;
  if (/insufficient_quota/.test(label)) return 'permission';
  if (/rate_limit/.test(label)) return 'rate_limit';
  if (/invalid_request/.test(label)) return 'bad_request';
  return 'upstream_unavailable';
}

/** The error an in-band `data: {"error": ...}` stream event carries, or undefined when the event is not one. */
export function inBandStreamError(data: string, provider: string, apiKey: string | undefined): SwitchyardError | undefined {
  const payload = parse(data) as Record<string, unknown> | undefined;
  if (!payload || payload.error === undefined || payload.error === null || Array.isArray(payload.choices)) return undefined;
  const fields = errorFields(payload) ?? { message: `${provider} reported an error mid-stream.`, type: undefined, code: undefined, param: undefined };
  return new SwitchyardError(inBandKind(fields), redact(fields.message, apiKey), {
    ...(fields.code ? { code: fields.code } : {}),
    param: fields.param ?? null,
    provider,
  });
}
