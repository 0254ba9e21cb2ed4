import type { ChatCompletionRequest } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { googleThinkingStyle, resolveGoogleThinking } from './google-thinking.js';

const base: ChatCompletionRequest = { model: 'm', messages: [{ role: 'user', content: 'hi' }] };
const resolve = (model: string, extra: Partial<ChatCompletionRequest>) => resolveGoogleThinking({ ...base, ...extra }, model);

describe('googleThinkingStyle', () => {
  it.each([
    ['gemini-2.5-flash', 'budget'],
    ['gemini-2.5-pro', 'budget'],
    ['models/gemini-2.5-flash-lite', 'budget'],
    ['gemini-3-pro-preview', 'level'],
    ['gemini-3.1-pro-preview', 'level'],
    ['gemini-2.0-flash', 'none'],
    ['gemini-1.5-pro', 'none'],
    ['my-tuned-endpoint', 'budget'],
  ] as const)('%s takes %s', (model, style) => {
    expect(googleThinkingStyle(model)).toBe(style);
  });
});

describe('resolveGoogleThinking', () => {
  it('asks for nothing when the request does not mention reasoning', () => {
    expect(resolve('gemini-2.5-flash', {})).toEqual({ kind: 'none' });
  });

  it.each([
    ['low', 1024],
    ['medium', 2048],
    ['high', 4096],
  ] as const)('maps reasoning_effort %s to a thinkingBudget of %i on 2.5', (effort, budget) => {
    expect(resolve('gemini-2.5-flash', { reasoning_effort: effort })).toEqual({
      kind: 'config',
      thinkingConfig: { thinkingBudget: budget, includeThoughts: true },
    });
  });

  it.each([
    ['gemini-2.5-pro', 128],
    ['gemini-2.5-flash', 1],
    ['gemini-2.5-flash-lite', 512],
  ] as const)('maps reasoning_effort minimal on %s to the least budget it accepts, %i', (model, budget) => {
    expect(resolve(model, { reasoning_effort: 'minimal' })).toEqual({
      kind: 'config',
      thinkingConfig: { thinkingBudget: budget, includeThoughts: true },
    });
  });

  it('raises a small thinking budget to the model minimum', () => {
    expect(resolve('gemini-2.5-flash-lite', { thinking: { type: 'enabled', budget_tokens: 100 } })).toEqual({
      kind: 'config',
      thinkingConfig: { thinkingBudget: 512, includeThoughts: true },
    });
  });

  it('turns thinking off with reasoning_effort none, except on 2.5 pro which cannot', () => {
    expect(resolve('gemini-2.5-flash', { reasoning_effort: 'none' })).toEqual({
      kind: 'config',
      thinkingConfig: { thinkingBudget: 0, includeThoughts: false },
    });
    expect(resolve('gemini-2.5-pro', { reasoning_effort: 'none' })).toEqual({
      kind: 'config',
      thinkingConfig: { thinkingBudget: 128, includeThoughts: false },
    });
  });

  it.each([
    ['minimal', 'low'],
    ['low', 'low'],
    ['medium', 'high'],
    ['high', 'high'],
    ['xhigh', 'high'],
  ] as const)('maps reasoning_effort %s to thinkingLevel %s on 3.x', (effort, level) => {
    expect(resolve('gemini-3-pro-preview', { reasoning_effort: effort })).toEqual({
      kind: 'config',
      thinkingConfig: { thinkingLevel: level, includeThoughts: true },
    });
  });

  it('maps Anthropic-style thinking budgets to thinkingBudget on 2.5 and to a level on 3.x', () => {
    const thinking = { type: 'enabled' as const, budget_tokens: 5000 };
    expect(resolve('gemini-2.5-pro', { thinking })).toEqual({ kind: 'config', thinkingConfig: { thinkingBudget: 5000, includeThoughts: true } });
    expect(resolve('gemini-3-pro-preview', { thinking })).toEqual({ kind: 'config', thinkingConfig: { thinkingLevel: 'high', includeThoughts: true } });
    expect(resolve('gemini-3-pro-preview', { thinking: { type: 'enabled', budget_tokens: 1024 } })).toEqual({
      kind: 'config',
      thinkingConfig: { thinkingLevel: 'low', includeThoughts: true },
    });
  });

  it('uses a dynamic budget for thinking without a budget, and turns it off when disabled', () => {
    expect(resolve('gemini-2.5-flash', { thinking: { type: 'adaptive' } })).toEqual({
      kind: 'config',
      thinkingConfig: { thinkingBudget: -1, includeThoughts: true },
    });
    expect(resolve('gemini-2.5-flash', { thinking: { type: 'disabled' } })).toEqual({
      kind: 'config',
      thinkingConfig: { thinkingBudget: 0, includeThoughts: false },
    });
  });

  it('lets thinking win over reasoning_effort', () => {
    const resolution = resolve('gemini-2.5-flash', { reasoning_effort: 'high', thinking: { type: 'enabled', budget_tokens: 700 } });
    expect(resolution).toEqual({ kind: 'config', thinkingConfig: { thinkingBudget: 700, includeThoughts: true } });
  });

  it('reports the parameter when the model cannot think', () => {
    expect(resolve('gemini-2.0-flash', { reasoning_effort: 'low' })).toEqual({ kind: 'unsupported', param: 'reasoning_effort' });
    expect(resolve('gemini-1.5-pro', { thinking: { type: 'enabled' } })).toEqual({ kind: 'unsupported', param: 'thinking' });
  });
});
