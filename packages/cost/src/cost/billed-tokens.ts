import type { Usage } from '@switchyard/core';
import type { BilledTokens } from './cost-result.js';

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Splits OpenAI-style usage into what is billed at which rate. prompt_tokens includes cached and cache-creation
 * tokens; completion_tokens includes reasoning tokens, except where the provider reports them apart (xAI), or
 * where reasoning exceeds completion so it cannot be included. Returns a message when the usage is inconsistent.
 */
export function billedTokens(usage: Usage, reasoningReportedApart: boolean): BilledTokens | string {
  const prompt = usage.prompt_tokens;
  const completion = usage.completion_tokens;
  const cacheRead = usage.prompt_tokens_details?.cached_tokens ?? 0;
  const cacheWrite = usage.prompt_tokens_details?.cache_creation_tokens ?? 0;
  const reasoning = usage.completion_tokens_details?.reasoning_tokens ?? 0;
  if (!(isCount(prompt) && isCount(completion) && isCount(cacheRead) && isCount(cacheWrite) && isCount(reasoning))) {
    const counts = { prompt_tokens: prompt, completion_tokens: completion, cacheRead, cacheWrite, reasoning };
    const [name, value] = Object.entries(counts).find((entry) => !isCount(entry[1])) ?? [];
    return `${name} must be a non-negative integer, got ${String(value)}`;
  }
  const input = prompt - cacheRead - cacheWrite;
  if (input < 0) {
    return `cached (${cacheRead}) and cache-creation (${cacheWrite}) tokens exceed prompt_tokens (${prompt})`;
  }
  const apart = reasoningReportedApart || reasoning > completion;
  return { input, cacheRead, cacheWrite, output: apart ? completion : completion - reasoning, reasoning };
}
