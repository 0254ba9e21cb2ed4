import { SwitchyardError, type ChatCompletionRequest, type ReasoningEffort } from '@switchyard/core';
import { claudeThinkingBudgets } from '@switchyard/provider-kit';
import type { AnthropicThinking } from './anthropic-api.js';
import type { AnthropicModelTraits } from './anthropic-models.js';

export interface ThinkingPlan {
  thinking: AnthropicThinking | undefined;
  /** `output_config.effort` (adaptive-thinking models). */
  effort: string | undefined;
  /** The thinking budget of `{type: "enabled"}`, which max_tokens must exceed. */
  budgetTokens: number | undefined;
  /** Thinking is on: temperature, top_k and forced tool use are restricted. */
  active: boolean;
}

const none: ThinkingPlan = { thinking: undefined, effort: undefined, budgetTokens: undefined, active: false };

export const minimumThinkingBudget = 1024;

function adaptiveEffort(effort: Exclude<ReasoningEffort, 'none'>, traits: AnthropicModelTraits): string {
  if (effort === 'minimal') return 'low';
  if (effort === 'xhigh' && !traits.xhighEffort) return 'max';
  return effort;
}

function unsupported(param: string, message: string, dropParams: boolean): ThinkingPlan {
  if (dropParams) return none;
  throw new SwitchyardError('bad_request', message, { param });
}

function fromThinkingParam(thinking: NonNullable<ChatCompletionRequest['thinking']>, traits: AnthropicModelTraits, dropParams: boolean): ThinkingPlan {
  if (thinking.type === 'disabled') return traits.thinking ? { ...none, thinking: { type: 'disabled' } } : none;
  if (!traits.thinking) return unsupported('thinking', 'This model does not support extended thinking.', dropParams);
  if (thinking.type === 'adaptive') {
    if (!traits.adaptiveThinking) {
      return unsupported('thinking.type', 'This model does not support adaptive thinking; use {"type": "enabled", "budget_tokens": N}.', dropParams);
    }
    const { budget_tokens: _budget, ...adaptive } = thinking;
    return { thinking: { ...adaptive, type: 'adaptive' }, effort: undefined, budgetTokens: undefined, active: true };
  }
  const budget = thinking.budget_tokens;
  if (budget === undefined) {
    throw new SwitchyardError('bad_request', 'thinking.budget_tokens is required when thinking.type is "enabled".', {
      param: 'thinking.budget_tokens',
    });
  }
  if (budget < minimumThinkingBudget) {
    throw new SwitchyardError('bad_request', `thinking.budget_tokens must be at least ${minimumThinkingBudget}.`, {
      param: 'thinking.budget_tokens',
    });
  }
  return { thinking: { ...thinking, type: 'enabled', budget_tokens: budget }, effort: undefined, budgetTokens: budget, active: true };
}

function fromEffort(effort: ReasoningEffort, traits: AnthropicModelTraits, dropParams: boolean): ThinkingPlan {
  if (effort === 'none') return traits.thinking ? { ...none, thinking: { type: 'disabled' } } : none;
  if (traits.adaptiveThinking) {
    return { thinking: { type: 'adaptive' }, effort: adaptiveEffort(effort, traits), budgetTokens: undefined, active: true };
  }
  if (!traits.thinking) return unsupported('reasoning_effort', 'This model does not support reasoning.', dropParams);
  const budget = claudeThinkingBudgets[effort];
  return { thinking: { type: 'enabled', budget_tokens: budget }, effort: undefined, budgetTokens: budget, active: true };
}

/**
 * Maps `thinking` (Anthropic's own shape, which wins) and `reasoning_effort` to the thinking configuration:
 * adaptive thinking with an effort on models that have it, a token budget on older thinking models, and
 * `disabled` for `none`. On adaptive models an effort still applies next to an explicit `thinking`.
 */
export function planThinking(request: ChatCompletionRequest, traits: AnthropicModelTraits, dropParams: boolean): ThinkingPlan {
  const effort = request.reasoning_effort ?? undefined;
  if (request.thinking) {
    const plan = fromThinkingParam(request.thinking, traits, dropParams);
    if (plan.thinking?.type === 'adaptive' && effort && effort !== 'none') return { ...plan, effort: adaptiveEffort(effort, traits) };
    return plan;
  }
  return effort ? fromEffort(effort, traits, dropParams) : none;
}

/**
 * The `max_tokens` to send (required by the API). OpenAI's limit counts reasoning, and so does Anthropic's, so an
 * explicit limit is sent as is; it must leave room for a thinking budget. Without one, the default is used and a
 * budget is added on top, within the model's output limit.
 */
export function resolveMaxTokens(
  request: ChatCompletionRequest,
  plan: ThinkingPlan,
  traits: AnthropicModelTraits,
  defaultMaxTokens: number,
): number {
  const explicit = request.max_completion_tokens ?? request.max_tokens ?? undefined;
  const budget = plan.budgetTokens ?? 0;
  if (explicit === undefined) {
    return budget === 0 ? defaultMaxTokens : Math.min(defaultMaxTokens + budget, Math.max(traits.maxOutputTokens, budget + 1));
  }
  if (explicit <= budget) {
    const param = request.max_completion_tokens != null ? 'max_completion_tokens' : 'max_tokens';
    throw new SwitchyardError('bad_request', `${param} (${explicit}) must be greater than the thinking budget (${budget} tokens).`, {
      param,
    });
  }
  return explicit;
}
