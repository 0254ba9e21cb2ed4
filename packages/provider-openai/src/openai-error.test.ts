import { describe, expect, it } from 'vitest';
import { errorFields, errorFromAnswer, inBandStreamError, redact } from './openai-error.js';
import { jsonFixture } from './test-support/fixtures.js';

function response(status: number, body: string, headers: Record<string, string> = {}) {
  return { status, headers, bodyText: body };
}

// Shapes below that are not recordings follow the OpenAI error schema (specs/openai-openapi.yaml, ErrorResponse).
const errorBody = (code: string, message: string) => JSON.stringify({ error: { message, type: 'invalid_request_error', param: 'messages', code } });

describe('errorFromAnswer', () => {
  it('maps the recorded legacy max_tokens refusal to bad_request with its param and code', () => {
    const error = errorFromAnswer('openai', response(400, jsonFixture('reasoning-model-legacy-parameter-error.json')), undefined);
    expect(error).toMatchObject({ kind: 'bad_request', status: 400, param: 'max_tokens', code: 'unsupported_parameter', provider: 'openai', upstreamStatus: 400 });
    expect(error.message).toContain("Use 'max_completion_tokens' instead.");
  });

  it('keeps the recorded insufficient_quota as a non-retryable 429', () => {
    const error = errorFromAnswer('openai', response(429, jsonFixture('openai-error.1.json'), { 'retry-after': '20' }), undefined);
    expect(error).toMatchObject({ kind: 'permission', status: 429, code: 'insufficient_quota', retryable: false });
  });

  it('maps context_length_exceeded and content filters to their kinds', () => {
    const context = errorFromAnswer('openai', response(400, errorBody('context_length_exceeded', "This model's maximum context length is 8192 tokens.")), undefined);
    expect(context.kind).toBe('context_window_exceeded');
    const filtered = errorFromAnswer('azure', response(400, errorBody('content_filter', 'The response was filtered.')), undefined);
    expect(filtered.kind).toBe('content_policy');
    const violation = errorFromAnswer('openai', response(400, errorBody('content_policy_violation', 'Rejected.')), undefined);
    expect(violation.kind).toBe('content_policy');
  });

  it('carries retry-after on a rate limit and keeps 5xx statuses', () => {
    const limited = errorFromAnswer('groq', response(429, errorBody('rate_limit_exceeded', 'Slow down.'), { 'retry-after-ms': '1500' }), undefined);
    expect(limited).toMatchObject({ kind: 'rate_limit', retryAfterMs: 1500, retryable: true });
    const down = errorFromAnswer('openai', response(503, 'upstream connect error'), undefined);
    expect(down).toMatchObject({ kind: 'upstream_unavailable', status: 503, message: 'upstream connect error' });
  });

  it('never repeats the API key an upstream echoed', () => {
    const key = 'sk-live-abcdef123456';
    const error = errorFromAnswer('openai', response(401, errorBody('invalid_api_key', `Incorrect API key provided: ${key}.`)), key);
    expect(error.kind).toBe('authentication');
    expect(error.message).not.toContain(key);
    expect(error.message).toContain('[redacted]');
  });
});

describe('errorFields', () => {
  it('reads the shapes OpenAI-compatible servers use', () => {
    expect(errorFields({ error: 'plain' })).toEqual({ message: 'plain', type: undefined, code: undefined, param: undefined });
    expect(errorFields({ object: 'error', message: 'vllm says', type: 'BadRequestError', code: 400 })).toMatchObject({ message: 'vllm says', code: '400' });
    expect(errorFields({ detail: 'Not Found' })?.message).toBe('Not Found');
    expect(errorFields({ detail: [{ msg: 'field required' }] })?.message).toContain('field required');
    expect(errorFields({ nothing: true })).toBeUndefined();
    expect(errorFields('text')).toBeUndefined();
  });

  it('redacts every occurrence of a key', () => expect(redact('k1 and k1', 'k1')).toBe('[redacted] and [redacted]'));
});

describe('inBandStreamError', () => {
  it('turns the recorded quota error sent after HTTP 200 into an error, and ignores ordinary chunks', () => {
    const event = JSON.stringify(JSON.parse(jsonFixture('openai-error.1.json')));
    expect(inBandStreamError(event, 'openai', undefined)).toMatchObject({ kind: 'permission', code: 'insufficient_quota' });
    expect(inBandStreamError('{"choices":[{"content_filter_results":{"error":{"code":"x"}}}],"error":null}', 'azure', undefined)).toBeUndefined();
    expect(inBandStreamError('{"error":{"message":"overloaded","type":"server_error"}}', 'x', undefined)?.kind).toBe('upstream_unavailable');
    expect(inBandStreamError('{"error":{"message":"slow","code":"rate_limit_exceeded"}}', 'x', undefined)?.kind).toBe('rate_limit');
  });
});
