import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateVirtualKey, hashVirtualKey, virtualKeyHint } from './virtual-key.js';

describe('virtual keys', () => {
  it('generates sk- plus 32 random bytes in base64url', () => {
    const { key } = generateVirtualKey();
    expect(key).toMatch(/^sk-[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(key.slice(3), 'base64url')).toHaveLength(32);
  });

  it('returns the SHA-256 hex of the full key as its hash', () => {
    const { key, hash } = generateVirtualKey();
    expect(hash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(hashVirtualKey(key)).toBe(hash);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('never generates the same key twice in a thousand draws', () => {
    const keys = new Set(Array.from({ length: 1000 }, () => generateVirtualKey().key));
    expect(keys.size).toBe(1000);
  });

  it('hints with the prefix and the last four characters only', () => {
    expect(virtualKeyHint('sk-abcdefghijklmnop')).toBe('sk-…mnop');
    const { key, hint } = generateVirtualKey();
    expect(hint).toBe(`sk-…${key.slice(-4)}`);
  });
});
