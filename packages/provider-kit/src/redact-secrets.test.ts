import { describe, expect, it } from 'vitest';
import { redactSecrets } from './redact-secrets.js';

describe('redactSecrets', () => {
  it('replaces every occurrence of each secret', () => {
    expect(redactSecrets('key sk-123456 and token tok-abcd, again sk-123456', ['sk-123456', 'tok-abcd'])).toBe(
      'key [redacted] and token [redacted], again [redacted]',
    );
  });

  it('leaves secrets shorter than four characters alone, so they cannot shred the text', () => {
    expect(redactSecrets('a bad request', ['a', 'bad'])).toBe('a bad request');
  });
});
