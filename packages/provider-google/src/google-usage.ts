import type { Usage } from '@switchyard/core';
import type { GoogleUsageMetadata } from './google-api.js';

/**
 * Converts Gemini usageMetadata to OpenAI usage. Thinking tokens count as completion tokens, as OpenAI counts
 * reasoning tokens; cached prompt tokens are part of promptTokenCount and reported again as cached_tokens;
 * tokens of tool-use prompts (search results and the like) are prompt tokens.
 */
export function convertGoogleUsage(metadata: GoogleUsageMetadata | null | undefined): Usage | undefined {
  if (!metadata) return undefined;
  const prompt = (metadata.promptTokenCount ?? 0) + (metadata.toolUsePromptTokenCount ?? 0);
  const thoughts = metadata.thoughtsTokenCount ?? 0;
  const completion = (metadata.candidatesTokenCount ?? 0) + thoughts;
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: metadata.totalTokenCount ?? prompt + completion,
    prompt_tokens_details: { cached_tokens: metadata.cachedContentTokenCount ?? 0 },
    completion_tokens_details: { reasoning_tokens: thoughts },
  };
}

/** Whether a usageMetadata carries counts (stream chunks before the last often carry only trafficType). */
export function hasTokenCounts(metadata: GoogleUsageMetadata | null | undefined): boolean {
  return metadata?.promptTokenCount !== undefined || metadata?.totalTokenCount !== undefined;
}
