import { describe, expect, it } from 'vitest';
import { reconnectDelay } from './reconnect-backoff.js';

describe('reconnectDelay', () => {
  const backoff = { initialDelayMs: 100, maxDelayMs: 1000 };
  it('doubles per failure up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 60].map((n) => reconnectDelay(n, backoff))).toEqual([0, 100, 200, 400, 800, 1000, 1000]);
  });
});
