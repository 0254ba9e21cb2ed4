import { describe, expect, it } from 'vitest';
import { convertBedrockUsage } from './bedrock-usage.js';

describe('convertBedrockUsage', () => {
  it('adds cache reads and writes to the prompt and reports them in prompt_tokens_details', () => {
    expect(convertBedrockUsage({ inputTokens: 12, outputTokens: 30, totalTokens: 1042, cacheReadInputTokens: 800, cacheWriteInputTokens: 200 })).toEqual({
      prompt_tokens: 1012,
      completion_tokens: 30,
      total_tokens: 1042,
      prompt_tokens_details: { cached_tokens: 800, cache_creation_tokens: 200 },
    });
  });

  it('leaves the details out when Bedrock reported no cache fields', () => {
    expect(convertBedrockUsage({ inputTokens: 5, outputTokens: 7, totalTokens: 12 })).toEqual({ prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 });
  });
});
