import { describe, expect, it } from 'vitest';
import { convertAnthropicUsage, mergeAnthropicUsage } from './anthropic-usage.js';

describe('convertAnthropicUsage', () => {
  it('counts cache reads and cache writes into prompt_tokens and reports them in the details', () => {
    expect(
      convertAnthropicUsage({
        input_tokens: 12,
        cache_read_input_tokens: 1000,
        cache_creation_input_tokens: 300,
        output_tokens: 30,
      }),
    ).toEqual({
      prompt_tokens: 1312,
      completion_tokens: 30,
      total_tokens: 1342,
      prompt_tokens_details: { cached_tokens: 1000, cache_creation_tokens: 300 },
    });
  });

  it('reports thinking tokens as reasoning_tokens', () => {
    const usage = convertAnthropicUsage({ input_tokens: 51, output_tokens: 1699, output_tokens_details: { thinking_tokens: 139 } });
    expect(usage.completion_tokens_details).toEqual({ reasoning_tokens: 139 });
    expect(usage.completion_tokens).toBe(1699);
  });

  it('treats missing counts as zero', () => {
    expect(convertAnthropicUsage({})).toEqual({
      prompt_tokens: 0,
      completion_tokens: 0,
      total_tokens: 0,
      prompt_tokens_details: { cached_tokens: 0, cache_creation_tokens: 0 },
    });
  });
});

describe('mergeAnthropicUsage', () => {
  it('takes input_tokens from message_delta when it differs from message_start', () => {
    const merged = mergeAnthropicUsage({ input_tokens: 43, output_tokens: 1 }, { input_tokens: 61, output_tokens: 2 });
    expect(merged).toEqual({ input_tokens: 61, output_tokens: 2 });
  });

  it('keeps message_start counts the delta does not carry', () => {
    const merged = mergeAnthropicUsage(
      { input_tokens: 17, cache_read_input_tokens: 5, cache_creation_input_tokens: 7, output_tokens: 1 },
      { output_tokens: 227 },
    );
    expect(merged).toEqual({ input_tokens: 17, cache_read_input_tokens: 5, cache_creation_input_tokens: 7, output_tokens: 227 });
  });

  it('returns the usage unchanged without an update', () => {
    const current = { input_tokens: 3, output_tokens: 4 };
    expect(mergeAnthropicUsage(current, null)).toBe(current);
  });
});
