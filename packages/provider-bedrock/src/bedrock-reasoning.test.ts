import type { ChatCompletionRequest } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { samplingFor } from './bedrock-inference-config.js';
import { reasoningFields } from './bedrock-reasoning.js';

const base: ChatCompletionRequest = { model: 'm', messages: [{ role: 'user', content: 'x' }] };

describe('reasoningFields', () => {
  it.each([
    ['minimal', 1024],
    ['low', 1024],
    ['medium', 2048],
    ['high', 4096],
    ['xhigh', 8192],
    ['max', 16384],
  ] as const)('Anthropic: reasoning_effort %s → thinking budget %i', (effort, budget) => {
    expect(reasoningFields({ ...base, reasoning_effort: effort }, 'anthropic', false)).toEqual({
      fields: { thinking: { type: 'enabled', budget_tokens: budget } },
      budgetTokens: budget,
      thinkingEnabled: true,
    });
  });

  it('Anthropic: thinking wins over reasoning_effort; adaptive and disabled are honoured; enabled needs a budget', () => {
    expect(reasoningFields({ ...base, reasoning_effort: 'high', thinking: { type: 'adaptive' } }, 'anthropic', false).fields).toEqual({ thinking: { type: 'adaptive' } });
    expect(reasoningFields({ ...base, reasoning_effort: 'high', thinking: { type: 'disabled' } }, 'anthropic', false).fields).toEqual({});
    expect(reasoningFields({ ...base, reasoning_effort: 'none' }, 'anthropic', false).fields).toEqual({});
    expect(() => reasoningFields({ ...base, thinking: { type: 'enabled' } }, 'anthropic', false)).toThrow(/budget_tokens is required/);
  });

  it('Nova gets reasoningConfig with three effort levels; gpt-oss gets reasoning_effort', () => {
    expect(reasoningFields({ ...base, reasoning_effort: 'minimal' }, 'nova', false).fields).toEqual({ reasoningConfig: { type: 'enabled', maxReasoningEffort: 'low' } });
    expect(reasoningFields({ ...base, reasoning_effort: 'xhigh' }, 'openai', false).fields).toEqual({ reasoning_effort: 'high' });
  });

  it('other models reject reasoning parameters unless dropParams is set', () => {
    expect(() => reasoningFields({ ...base, reasoning_effort: 'low' }, 'other', false)).toThrow(/reasoning_effort/);
    expect(reasoningFields({ ...base, reasoning_effort: 'low' }, 'other', true).fields).toEqual({});
    expect(() => reasoningFields({ ...base, thinking: { type: 'enabled', budget_tokens: 2000 } }, 'nova', false)).toThrow(/Anthropic models/);
  });
});

describe('samplingFor', () => {
  it('prefers max_completion_tokens, and sends no inferenceConfig when nothing is set', () => {
    expect(samplingFor({ ...base, max_tokens: 10, max_completion_tokens: 20 }, { family: 'other', dropParams: false, thinkingBudget: undefined }).inferenceConfig).toEqual({ maxTokens: 20 });
    expect(samplingFor(base, { family: 'other', dropParams: false, thinkingBudget: undefined })).toEqual({ inferenceConfig: undefined, fields: {} });
  });

  it('keeps an explicit max_tokens under thinking, and turns a stop string into a list', () => {
    expect(samplingFor({ ...base, max_tokens: 500, stop: 'END' }, { family: 'anthropic', dropParams: false, thinkingBudget: 1024 }).inferenceConfig).toEqual({ maxTokens: 500, stopSequences: ['END'] });
  });

  it('sends top_k as Nova inferenceConfig.topK and rejects it for other models', () => {
    const request = { ...base, top_k: 5 } as ChatCompletionRequest;
    expect(samplingFor(request, { family: 'nova', dropParams: false, thinkingBudget: undefined }).fields).toEqual({ inferenceConfig: { topK: 5 } });
    expect(() => samplingFor(request, { family: 'other', dropParams: false, thinkingBudget: undefined })).toThrow(/top_k/);
  });

  it.each([
    ['presence_penalty', { presence_penalty: 0.5 }],
    ['frequency_penalty', { frequency_penalty: 0.5 }],
    ['logit_bias', { logit_bias: { '1': 2 } }],
    ['logprobs', { logprobs: true }],
    ['top_logprobs', { top_logprobs: 2 }],
    ['seed', { seed: 1 }],
    ['n', { n: 2 }],
    ['parallel_tool_calls', { parallel_tool_calls: false }],
  ] as const)('rejects %s unless dropParams is set', (param, extra) => {
    const request = { ...base, ...extra } as ChatCompletionRequest;
    expect(() => samplingFor(request, { family: 'anthropic', dropParams: false, thinkingBudget: undefined })).toThrow(param);
    expect(samplingFor(request, { family: 'anthropic', dropParams: true, thinkingBudget: undefined }).inferenceConfig).toBeUndefined();
  });
});
