import { describe, expect, it } from 'vitest';
import { formatRetryAfter, parseRetryAfter } from './retry-after.js';

describe('parseRetryAfter', () => {
  it('prefers retry-after-ms', () => expect(parseRetryAfter('10', '250')).toBe(250));
  it('reads seconds', () => expect(parseRetryAfter('1.5')).toBe(1500));
  it('reads an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', undefined, now)).toBe(30_000);
  });
  it('ignores garbage', () => {
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('-3')).toBeUndefined();
  });
  it('formats whole seconds rounded up', () => expect(formatRetryAfter(1200)).toBe('2'));
});
