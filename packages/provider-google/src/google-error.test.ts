import { describe, expect, it } from 'vitest';
import { readFixture } from '@switchyard/provider-kit/testing';
import { googleStreamError, googleToolCallFailure, googleUpstreamError, parseGoogleDuration } from './google-error.js';

const fixtures = new URL('./__fixtures__/', import.meta.url);

function errorBody(code: number, status: string, message: string, details: unknown[] = []): string {
  return JSON.stringify({ error: { code, status, message, details } });
}

describe('googleUpstreamError', () => {
  it('maps the recorded 429 to rate_limit with the RetryInfo delay and the quota id', () => {
    const error = googleUpstreamError({ provider: 'gemini', status: 429, bodyText: readFixture(fixtures, 'google-429-retry-info.json') });
    expect(error.kind).toBe('rate_limit');
    expect(error.retryAfterMs).toBe(34_400);
    expect(error.status).toBe(429);
    expect(error.message).toBe(
      'You exceeded your current quota, please check your plan. (quota: GenerateRequestsPerMinutePerProjectPerModel-FreeTier)',
    );
    expect(error.provider).toBe('gemini');
    expect(error.upstreamStatus).toBe(429);
  });

  it('prefers a retry-after header over RetryInfo', () => {
    const error = googleUpstreamError({
      provider: 'gemini',
      status: 429,
      headers: { 'retry-after': '2' },
      bodyText: readFixture(fixtures, 'google-429-retry-info.json'),
    });
    expect(error.retryAfterMs).toBe(2000);
  });

  it('maps INVALID_ARGUMENT about the token limit to context_window_exceeded', () => {
    const message = 'The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).';
    const error = googleUpstreamError({ provider: 'gemini', status: 400, bodyText: errorBody(400, 'INVALID_ARGUMENT', message) });
    expect(error.kind).toBe('context_window_exceeded');
    expect(error.code).toBe('context_length_exceeded');
  });

  it('maps other INVALID_ARGUMENT errors to bad_request', () => {
    const error = googleUpstreamError({ provider: 'gemini', status: 400, bodyText: errorBody(400, 'INVALID_ARGUMENT', 'Invalid value at contents[0]') });
    expect(error.kind).toBe('bad_request');
    expect(error.message).toBe('Invalid value at contents[0]');
  });

  it('maps an invalid API key (HTTP 400 with ErrorInfo API_KEY_INVALID) to authentication', () => {
    const details = [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' }];
    const error = googleUpstreamError({
      provider: 'gemini',
      status: 400,
      bodyText: errorBody(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', details),
    });
    expect(error.kind).toBe('authentication');
    expect(error.status).toBe(401);
  });

  it.each([
    [401, 'UNAUTHENTICATED', 'authentication'],
    [403, 'PERMISSION_DENIED', 'permission'],
    [404, 'NOT_FOUND', 'not_found'],
    [500, 'INTERNAL', 'upstream_unavailable'],
    [503, 'UNAVAILABLE', 'upstream_unavailable'],
    [504, 'DEADLINE_EXCEEDED', 'timeout'],
  ] as const)('maps HTTP %i %s to %s', (status, googleStatus, kind) => {
    const error = googleUpstreamError({ provider: 'vertex_ai', status, bodyText: errorBody(status, googleStatus, 'failed') });
    expect(error.kind).toBe(kind);
  });

  it('keeps the upstream 503 status for upstream_unavailable', () => {
    expect(googleUpstreamError({ provider: 'gemini', status: 503, bodyText: errorBody(503, 'UNAVAILABLE', 'The model is overloaded.') }).status).toBe(503);
  });

  it('describes a body that is not Google JSON by its status, without echoing it', () => {
    const error = googleUpstreamError({ provider: 'gemini', status: 502, bodyText: '<html>Bad Gateway</html>' });
    expect(error.kind).toBe('upstream_unavailable');
    expect(error.message).toBe('gemini answered HTTP 502');
  });

  it('redacts secrets that appear in an upstream message', () => {
    const error = googleUpstreamError({
      provider: 'gemini',
      status: 400,
      bodyText: errorBody(400, 'INVALID_ARGUMENT', 'bad key AIzaSyExampleSecret123'),
      secrets: ['AIzaSyExampleSecret123'],
    });
    expect(error.message).toBe('bad key [redacted]');
  });
});

describe('googleStreamError', () => {
  it('maps an error object sent inside a stream by its code', () => {
    const error = googleStreamError('gemini', { code: 503, status: 'UNAVAILABLE', message: 'overloaded' }, []);
    expect(error.kind).toBe('upstream_unavailable');
    expect(error.message).toBe('overloaded');
  });

  it('treats an error without a usable code as an upstream failure', () => {
    expect(googleStreamError('gemini', { message: 'boom' }, []).kind).toBe('upstream_unavailable');
  });
});

describe('googleToolCallFailure', () => {
  it('turns MALFORMED_FUNCTION_CALL into a retryable upstream error carrying the finish message', () => {
    const error = googleToolCallFailure('gemini', 'MALFORMED_FUNCTION_CALL', 'Malformed function call: print(default_api.x(');
    expect(error.kind).toBe('upstream_unavailable');
    expect(error.status).toBe(502);
    expect(error.code).toBe('malformed_function_call');
    expect(error.retryable).toBe(true);
    expect(error.message).toBe('gemini could not produce a valid tool call (MALFORMED_FUNCTION_CALL): Malformed function call: print(default_api.x(');
  });

  it('treats a missing thought signature as a bad request', () => {
    const error = googleToolCallFailure('gemini', 'MISSING_THOUGHT_SIGNATURE', undefined);
    expect(error.kind).toBe('bad_request');
    expect(error.code).toBe('missing_thought_signature');
  });
});

describe('parseGoogleDuration', () => {
  it('reads protobuf durations', () => {
    expect(parseGoogleDuration('34.4s')).toBe(34_400);
    expect(parseGoogleDuration('2s')).toBe(2000);
    expect(parseGoogleDuration('0.25s')).toBe(250);
  });

  it('ignores anything else', () => {
    expect(parseGoogleDuration('soon')).toBeUndefined();
    expect(parseGoogleDuration(34)).toBeUndefined();
    expect(parseGoogleDuration('-1s')).toBeUndefined();
  });
});
