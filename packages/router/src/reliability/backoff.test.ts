import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random.js';
import { backoffDelayMs, maxRetryAfterMs } from './backoff.js';

const options = { initialMs: 500, maxMs: 8000, jitter: 0.75 };

describe('backoffDelayMs', () => {
  it('doubles per retry up to the maximum, less up to 75% jitter', () => {
    const random = seededRandom(1);
    for (let retry = 0; retry < 8; retry++) {
      const ceiling = Math.min(500 * 2 ** retry, 8000);
      const delay = backoffDelayMs(retry, undefined, 0, options, random) ?? -1;
      expect(delay).toBeLessThanOrEqual(ceiling);
      expect(delay).toBeGreaterThanOrEqual(ceiling * 0.25);
    }
  });

  it('spreads delays rather than repeating one value', () => {
    const random = seededRandom(2);
    const delays = new Set(Array.from({ length: 20 }, () => backoffDelayMs(3, undefined, 0, options, random)));
    expect(delays.size).toBeGreaterThan(15);
  });

  it('waits at least the retry-after and the configured minimum', () => {
    expect(backoffDelayMs(0, 3000, 0, options, () => 0)).toBe(3000);
    expect(backoffDelayMs(0, undefined, 1200, options, () => 0.99)).toBe(1200);
    expect(backoffDelayMs(0, 100, 0, options, () => 0)).toBe(500);
  });

  it('does not wait for a retry-after longer than a minute', () => {
    expect(backoffDelayMs(0, maxRetryAfterMs + 1, 0, options, () => 0)).toBeUndefined();
  });
});
