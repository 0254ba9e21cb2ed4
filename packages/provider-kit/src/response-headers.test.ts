import { describe, expect, it } from 'vitest';
import { headerValue, pickHeaders } from './response-headers.js';

const headers = { 'retry-after': '2', 'set-cookie': ['a=1', 'b=2'], 'x-ratelimit-remaining': '9', 'content-length': '10' };

describe('headerValue', () => {
  it('returns a header, the first value of a repeated one, or undefined', () => {
    expect(headerValue(headers, 'retry-after')).toBe('2');
    expect(headerValue(headers, 'set-cookie')).toBe('a=1');
    expect(headerValue(headers, 'x-missing')).toBeUndefined();
    expect(headerValue(undefined, 'retry-after')).toBeUndefined();
  });
});

describe('pickHeaders', () => {
  it('keeps the headers a pattern or a predicate accepts', () => {
    expect(pickHeaders(headers, /^(retry-after|x-ratelimit-.*)$/)).toEqual({ 'retry-after': '2', 'x-ratelimit-remaining': '9' });
    expect(pickHeaders(headers, (name) => name.startsWith('set-'))).toEqual({ 'set-cookie': ['a=1', 'b=2'] });
  });
});
