import type { Usage } from '@switchyard/core';
import type { AnthropicUsage } from './anthropic-api.js';

/**
 * Converts Anthropic usage to OpenAI's. Anthropic's `input_tokens` excludes the tokens read from or written to the
 * prompt cache, so the prompt is all three; the cached and cache-written parts are reported in the details.
 */
export function convertAnthropicUsage(usage: AnthropicUsage): Usage {
  const input = usage.input_tokens ?? 0;
  const cacheRead = usage.cache_read_input_tokens ?? 0;
  const cacheCreation = usage.cache_creation_input_tokens ?? 0;
  const completion = usage.output_tokens ?? 0;
  const promptTokens = input + cacheRead + cacheCreation;
  const thinking = usage.output_tokens_details?.thinking_tokens;
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completion,
    total_tokens: promptTokens + completion,
    prompt_tokens_details: { cached_tokens: cacheRead, cache_creation_tokens: cacheCreation },
    ...(typeof thinking === 'number' ? { completion_tokens_details: { reasoning_tokens: thinking } } : {}),
  };
}

/**
 * Folds a `message_delta` usage into the usage so far. `output_tokens` is cumulative, and any input or cache
 * count the delta carries replaces the one from `message_start` (they can differ: the final count is right).
 */
export function mergeAnthropicUsage(current: AnthropicUsage, update: AnthropicUsage | null | undefined): AnthropicUsage {
  if (!update) return current;
  const merged: AnthropicUsage = { ...current };
  if (update.input_tokens != null) merged.input_tokens = update.input_tokens;
  if (update.output_tokens != null) merged.output_tokens = update.output_tokens;
  if (update.cache_read_input_tokens != null) merged.cache_read_input_tokens = update.cache_read_input_tokens;
  if (update.cache_creation_input_tokens != null) merged.cache_creation_input_tokens = update.cache_creation_input_tokens;
  if (update.output_tokens_details != null) merged.output_tokens_details = update.output_tokens_details;
  return merged;
}
