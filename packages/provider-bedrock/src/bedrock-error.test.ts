import { describe, expect, it } from 'vitest';
import { redactSecrets } from '@switchyard/provider-kit';
import { bedrockError, errorTypeName, parseBedrockErrorBody } from './bedrock-error.js';

describe('bedrockError', () => {
  it.each([
    [400, 'ValidationException', 'Malformed input request', 'bad_request', 400],
    [400, 'ValidationException', 'Input is too long for requested model.', 'context_window_exceeded', 400],
    [400, 'ValidationException', 'prompt is too long: 210000 tokens > 200000 maximum', 'context_window_exceeded', 400],
    [400, 'ValidationException', 'too many input tokens', 'context_window_exceeded', 400],
    [400, 'ServiceQuotaExceededException', 'quota', 'rate_limit', 429],
    [429, 'ThrottlingException', 'Too many requests', 'rate_limit', 429],
    [429, 'ModelNotReadyException', 'not ready', 'upstream_unavailable', 503],
    [503, 'ServiceUnavailableException', 'unavailable', 'upstream_unavailable', 503],
    [500, 'InternalServerException', 'oops', 'upstream_unavailable', 500],
    [424, 'ModelErrorException', 'model failed', 'upstream_unavailable', 502],
    [403, 'AccessDeniedException', 'no access', 'permission', 403],
    [403, 'AccessDeniedException', 'Authentication failed: Please make sure your API Key is valid.', 'authentication', 401],
    [403, 'UnrecognizedClientException', 'The security token included in the request is invalid.', 'authentication', 401],
    [404, 'ResourceNotFoundException', 'no such model', 'not_found', 404],
    [408, 'ModelTimeoutException', 'timed out', 'timeout', 408],
    [502, undefined, 'Bad Gateway', 'upstream_unavailable', 502],
  ] as const)('HTTP %i %s "%s" → %s (status %i)', (status, errorType, message, kind, reported) => {
    const error = bedrockError({ status, errorType, message });
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(reported);
    expect(error.upstreamStatus).toBe(status);
    expect(error.provider).toBe('bedrock');
    expect(error.message).toContain(message);
  });

  it('carries retry-after as retryAfterMs', () => {
    expect(bedrockError({ status: 429, errorType: 'ThrottlingException', message: 'slow down', headers: { 'retry-after': '3' } }).retryAfterMs).toBe(3000);
    expect(bedrockError({ status: 429, errorType: 'ThrottlingException', message: 'slow down' }).retryAfterMs).toBeUndefined();
  });

  it('maps in-stream exception names (lower camel case, no status) by their HTTP equivalents', () => {
    const throttled = bedrockError({ status: undefined, errorType: 'throttlingException', message: 'x' });
    expect([throttled.kind, throttled.upstreamStatus]).toEqual(['rate_limit', 429]);
    const failed = bedrockError({ status: undefined, errorType: 'modelStreamErrorException', message: 'x' });
    expect([failed.kind, failed.status]).toEqual(['upstream_unavailable', 502]);
    const invalid = bedrockError({ status: undefined, errorType: 'validationException', message: 'Input is too long' });
    expect(invalid.kind).toBe('context_window_exceeded');
  });

  it('cuts credentials out of the upstream message', () => {
    const error = bedrockError({ status: 403, errorType: 'InvalidSignatureException', message: 'token SESSIONTOKEN123 key AKIAEXAMPLE', secrets: ['SESSIONTOKEN123', 'AKIAEXAMPLE'] });
    expect(error.message).toBe('Bedrock InvalidSignatureException: token [redacted] key [redacted]');
    expect(redactSecrets('abc', ['x'])).toBe('abc');
  });
});

describe('error parsing helpers', () => {
  it('reads the exception name from x-amzn-errortype and __type forms', () => {
    expect(errorTypeName('ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/')).toBe('ValidationException');
    expect(errorTypeName('com.amazon.coral.service#UnrecognizedClientException')).toBe('UnrecognizedClientException');
    expect(errorTypeName(undefined)).toBeUndefined();
  });

  it('reads message, Message and __type; tolerates bodies that are not JSON', () => {
    expect(parseBedrockErrorBody('{"message":"a"}')).toEqual({ message: 'a', errorType: undefined });
    expect(parseBedrockErrorBody('{"Message":"b","__type":"X#AccessDeniedException"}')).toEqual({ message: 'b', errorType: 'X#AccessDeniedException' });
    expect(parseBedrockErrorBody('<html>502</html>')).toEqual({ message: '<html>502</html>', errorType: undefined });
  });
});
