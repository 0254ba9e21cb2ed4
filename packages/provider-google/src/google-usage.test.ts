import { describe, expect, it } from 'vitest';
import { convertGoogleUsage, hasTokenCounts } from './google-usage.js';

describe('convertGoogleUsage', () => {
  it('counts thinking tokens as completion tokens and reports them as reasoning tokens', () => {
    const usage = convertGoogleUsage({ promptTokenCount: 9, candidatesTokenCount: 28, thoughtsTokenCount: 244, totalTokenCount: 281 });
    expect(usage).toEqual({
      prompt_tokens: 9,
      completion_tokens: 272,
      total_tokens: 281,
      prompt_tokens_details: { cached_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 244 },
    });
  });

  it('reports cachedContentTokenCount as cached tokens without adding it to the prompt again', () => {
    const usage = convertGoogleUsage({ promptTokenCount: 1200, cachedContentTokenCount: 1024, candidatesTokenCount: 10, totalTokenCount: 1210 });
    expect(usage?.prompt_tokens).toBe(1200);
    expect(usage?.prompt_tokens_details?.cached_tokens).toBe(1024);
    expect(usage?.total_tokens).toBe(1210);
  });

  it('adds tool-use prompt tokens to the prompt', () => {
    const usage = convertGoogleUsage({ promptTokenCount: 10, toolUsePromptTokenCount: 90, candidatesTokenCount: 5, totalTokenCount: 105 });
    expect(usage?.prompt_tokens).toBe(100);
    expect(usage?.total_tokens).toBe(105);
  });

  it('computes the total when Google leaves it out', () => {
    expect(convertGoogleUsage({ promptTokenCount: 3, candidatesTokenCount: 4 })?.total_tokens).toBe(7);
  });

  it('returns undefined without metadata', () => {
    expect(convertGoogleUsage(undefined)).toBeUndefined();
    expect(convertGoogleUsage(null)).toBeUndefined();
  });

  it('tells metadata with counts from metadata with only a traffic type', () => {
    expect(hasTokenCounts({ trafficType: 'ON_DEMAND' } as never)).toBe(false);
    expect(hasTokenCounts({ promptTokenCount: 1 })).toBe(true);
  });
});
