import type { ReasoningEffort } from '@switchyard/core';

/**
 * `reasoning_effort` as a Claude thinking budget (`thinking.budget_tokens`), on LiteLLM's scale extended to the
 * newer efforts. Shared by every provider that serves Claude models with budgeted thinking (Anthropic, Bedrock).
 */
export const claudeThinkingBudgets: Readonly<Record<Exclude<ReasoningEffort, 'none'>, number>> = {
  minimal: 1024,
  low: 1024,
  medium: 2048,
  high: 4096,
  xhigh: 8192,
  max: 16384,
};
