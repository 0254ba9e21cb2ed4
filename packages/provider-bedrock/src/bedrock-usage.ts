import type { Usage } from '@switchyard/core';
import type { BedrockUsage } from './bedrock-api.js';

/**
 * Converts Converse usage to OpenAI usage. Bedrock's `inputTokens` excludes the tokens read from or written to
 * the prompt cache (as Anthropic's `input_tokens` does), so the prompt is all three added together, and
 * `total_tokens` is recomputed from the parts. Cache details appear only when Bedrock reported cache fields.
 */
export function convertBedrockUsage(usage: BedrockUsage): Usage {
  const cacheRead = usage.cacheReadInputTokens ?? 0;
  const cacheWrite = usage.cacheWriteInputTokens ?? 0;
  const promptTokens = usage.inputTokens + cacheRead + cacheWrite;
  const reportsCache = usage.cacheReadInputTokens != null || usage.cacheWriteInputTokens != null;
  return {
    prompt_tokens: promptTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: promptTokens + usage.outputTokens,
    ...(reportsCache ? { prompt_tokens_details: { cached_tokens: cacheRead, cache_creation_tokens: cacheWrite } } : {}),
  };
}
