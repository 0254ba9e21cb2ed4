import type { ChatCompletionRequest, ReasoningEffort, ThinkingConfig } from '@switchyard/core';
import type { GoogleThinkingConfig } from './google-api.js';

/** How a model takes its thinking settings: a token budget (2.5), a level (3.x), or not at all (1.x, 2.0). */
export type GoogleThinkingStyle = 'budget' | 'level' | 'none';

/** Classifies a model id such as "gemini-2.5-flash", "gemini-3-pro-preview" or "models/gemini-2.0-flash". */
export function googleThinkingStyle(model: string): GoogleThinkingStyle {
  const match = /gemini-(\d+)(?:\.(\d+))?/.exec(model);
  if (!match) return 'budget';
  const major = Number(match[1]);
  const minor = Number(match[2] ?? 0);
  if (major >= 3) return 'level';
  if (major < 2 || (major === 2 && minor < 5)) return 'none';
  return 'budget';
}

const effortBudgets: Readonly<Record<Exclude<ReasoningEffort, 'none'>, number>> = {
  minimal: 128,
  low: 1024,
  medium: 2048,
  high: 4096,
  xhigh: 8192,
  max: 24576,
};

/** The smallest budget a 2.5 model accepts once thinking is on; pro cannot turn thinking off at all. */
function minimumBudget(model: string): number {
  if (/flash-lite/.test(model)) return 512;
  return /flash/.test(model) ? 1 : 128;
}

/** `minimal` asks for the least thinking the model allows once it is on (LiteLLM's mapping). */
function minimalBudget(model: string): number {
  return /flash/.test(model) ? minimumBudget(model) : effortBudgets.minimal;
}

function effortLevel(effort: ReasoningEffort): 'low' | 'high' {
  return effort === 'none' || effort === 'minimal' || effort === 'low' ? 'low' : 'high';
}

function fromEffort(effort: ReasoningEffort, model: string, style: 'budget' | 'level'): GoogleThinkingConfig {
  if (style === 'level') return { thinkingLevel: effortLevel(effort), includeThoughts: effort !== 'none' };
  if (effort === 'none') return { thinkingBudget: /gemini-2\.5-pro/.test(model) ? 128 : 0, includeThoughts: false };
  const budget = effort === 'minimal' ? minimalBudget(model) : effortBudgets[effort];
  return { thinkingBudget: Math.max(budget, minimumBudget(model)), includeThoughts: true };
}

function fromThinking(thinking: ThinkingConfig, model: string, style: 'budget' | 'level'): GoogleThinkingConfig {
  if (thinking.type === 'disabled') return fromEffort('none', model, style);
  const budget = thinking.type === 'enabled' ? thinking.budget_tokens : undefined;
  if (style === 'level') {
    return budget === undefined ? { includeThoughts: true } : { thinkingLevel: budget <= effortBudgets.low ? 'low' : 'high', includeThoughts: true };
  }
  // -1 asks Gemini 2.5 for a dynamic budget: it decides how long to think.
  return { thinkingBudget: budget === undefined ? -1 : Math.max(budget, minimumBudget(model)), includeThoughts: true };
}

export type ThinkingResolution =
  | { kind: 'none' }
  | { kind: 'config'; thinkingConfig: GoogleThinkingConfig }
  /** The model cannot think; `param` names the parameter that asked it to. */
  | { kind: 'unsupported'; param: 'reasoning_effort' | 'thinking' };

/**
 * Translates `reasoning_effort` and Anthropic-style `thinking` into Gemini's thinkingConfig. `thinking` wins
 * when both are given. Gemini 2.5 takes a budget (minimal 128, or 1 on flash and 512 on flash-lite; low 1024,
 * medium 2048, high 4096, xhigh 8192, max 24576; none turns thinking off where the model allows it); Gemini 3
 * takes a level (none, minimal and low become low; the rest high). Thoughts are included whenever thinking was
 * asked for, so they come back as reasoning_content.
 */
export function resolveGoogleThinking(request: ChatCompletionRequest, model: string): ThinkingResolution {
  const { thinking, reasoning_effort: effort } = request;
  if (!thinking && !effort) return { kind: 'none' };
  const style = googleThinkingStyle(model);
  if (style === 'none') return { kind: 'unsupported', param: thinking ? 'thinking' : 'reasoning_effort' };
  const thinkingConfig = thinking ? fromThinking(thinking, model, style) : fromEffort(effort as ReasoningEffort, model, style);
  return { kind: 'config', thinkingConfig };
}
