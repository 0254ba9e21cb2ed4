import { SwitchyardError, type ChatCompletionRequest, type ReasoningEffort } from '@switchyard/core';
import { claudeThinkingBudgets } from '@switchyard/provider-kit';
import type { BedrockModelFamily } from './bedrock-model-id.js';
import { rejectUnlessDropped } from './bedrock-unsupported.js';

export interface ReasoningFields {
  /** Entries for `additionalModelRequestFields`. */
  fields: Record<string, unknown>;
  /** Anthropic's thinking budget, when thinking with a budget is on. */
  budgetTokens: number | undefined;
  /** Whether Anthropic thinking is on (forced tool choices are then refused upstream). */
  thinkingEnabled: boolean;
}

const none: ReasoningFields = { fields: {}, budgetTokens: undefined, thinkingEnabled: false };

function anthropicThinking(request: ChatCompletionRequest): ReasoningFields {
  const thinking = request.thinking;
  if (thinking) {
    if (thinking.type === 'disabled') return none;
    if (thinking.type === 'adaptive') return { fields: { thinking: { type: 'adaptive' } }, budgetTokens: undefined, thinkingEnabled: true };
    if (thinking.budget_tokens === undefined) {
      throw new SwitchyardError('bad_request', 'thinking.budget_tokens is required when thinking is enabled.', {
        param: 'thinking.budget_tokens',
      });
    }
    const budget = thinking.budget_tokens;
    return { fields: { thinking: { type: 'enabled', budget_tokens: budget } }, budgetTokens: budget, thinkingEnabled: true };
  }
  const effort = request.reasoning_effort;
  if (!effort || effort === 'none') return none;
  const budget = claudeThinkingBudgets[effort];
  return { fields: { thinking: { type: 'enabled', budget_tokens: budget } }, budgetTokens: budget, thinkingEnabled: true };
}

/** Nova and gpt-oss take three effort levels. */
function threeLevels(effort: Exclude<ReasoningEffort, 'none'>): 'low' | 'medium' | 'high' {
  if (effort === 'minimal' || effort === 'low') return 'low';
  return effort === 'medium' ? 'medium' : 'high';
}

/**
 * Reasoning settings per model family: Anthropic models get `thinking` (`reasoning_effort` as a budget, or
 * the Anthropic-style `thinking` parameter as given, which wins); Nova gets `reasoningConfig` with
 * `maxReasoningEffort`; OpenAI's open-weight models get `reasoning_effort`. Other models take neither, so the
 * parameter is dropped or rejected per dropParams.
 */
export function reasoningFields(request: ChatCompletionRequest, family: BedrockModelFamily, dropParams: boolean): ReasoningFields {
  if (family === 'anthropic') return anthropicThinking(request);
  if (request.thinking && request.thinking.type !== 'disabled') {
    rejectUnlessDropped('thinking', 'The thinking parameter applies to Anthropic models on Bedrock only.', dropParams);
  }
  const effort = request.reasoning_effort;
  if (!effort || effort === 'none') return none;
  if (family === 'nova') {
    return { fields: { reasoningConfig: { type: 'enabled', maxReasoningEffort: threeLevels(effort) } }, budgetTokens: undefined, thinkingEnabled: false };
  }
  if (family === 'openai') return { fields: { reasoning_effort: threeLevels(effort) }, budgetTokens: undefined, thinkingEnabled: false };
  rejectUnlessDropped('reasoning_effort', 'This Bedrock model takes no reasoning_effort.', dropParams);
  return none;
}
