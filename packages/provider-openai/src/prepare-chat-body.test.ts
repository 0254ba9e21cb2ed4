import type { ChatCompletionRequest } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { findPreset } from './openai-compatible-presets.js';
import { paramRulesFor, prepareChatBody } from './prepare-chat-body.js';
import type { OpenAICompatiblePreset } from './preset-types.js';

const preset = (id: string): OpenAICompatiblePreset => findPreset(id)!;
const base: ChatCompletionRequest = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] };

describe('prepareChatBody', () => {
  it('keeps the request as it is for OpenAI chat models, without stream fields on a non-stream call', () => {
    const request = { ...base, stream: true, stream_options: { include_usage: true }, temperature: 0.3, vendor_extra: 1 };
    expect(prepareChatBody(preset('openai'), request, { stream: false, dropParams: false })).toEqual({
      body: { model: 'gpt-4o-mini', messages: base.messages, temperature: 0.3, vendor_extra: 1 },
      dropped: [],
    });
    expect(prepareChatBody(preset('openai'), base, { stream: true, dropParams: false }).body).toMatchObject({ stream: true });
  });

  it('sends max_completion_tokens to OpenAI reasoning models', () => {
    const { body } = prepareChatBody(preset('openai'), { ...base, model: 'o3-mini', max_tokens: 50 }, { stream: false, dropParams: false });
    expect(body).toEqual({ model: 'o3-mini', messages: base.messages, max_completion_tokens: 50 });
    const gpt5 = prepareChatBody(preset('azure'), { ...base, model: 'gpt-5-nano', max_tokens: 9 }, { stream: false, dropParams: false });
    expect(gpt5.body).toMatchObject({ max_completion_tokens: 9 });
    expect(gpt5.body).not.toHaveProperty('max_tokens');
  });

  it('keeps an explicit max_completion_tokens over a renamed max_tokens', () => {
    const request = { ...base, model: 'o4-mini', max_tokens: 10, max_completion_tokens: 20 };
    expect(prepareChatBody(preset('openai'), request, { stream: false, dropParams: false }).body).toMatchObject({ max_completion_tokens: 20 });
  });

  it('rejects an unsupported parameter with a bad_request naming it, before anything is sent', () => {
    const run = () => prepareChatBody(preset('openai'), { ...base, model: 'o1', temperature: 0.5 }, { stream: false, dropParams: false });
    expect(run).toThrow(
      expect.objectContaining({
        kind: 'bad_request',
        param: 'temperature',
        code: 'unsupported_parameter',
        provider: 'openai',
        message: expect.stringMatching(/'temperature'.*drop_params/),
      }),
    );
  });

  it('drops unsupported parameters with dropParams and reports them', () => {
    const request = { ...base, model: 'llama-3.3-70b-versatile', logprobs: true, top_logprobs: 3, logit_bias: null, seed: 7 };
    expect(prepareChatBody(preset('groq'), request, { stream: true, dropParams: true })).toEqual({
      body: { model: 'llama-3.3-70b-versatile', messages: base.messages, seed: 7, stream: true },
      dropped: ['logprobs', 'top_logprobs'],
    });
  });

  it('removes a null unsupported parameter silently, even without dropParams', () => {
    const result = prepareChatBody(preset('groq'), { ...base, logprobs: null }, { stream: false, dropParams: false });
    expect(result).toEqual({ body: { model: 'gpt-4o-mini', messages: base.messages }, dropped: [] });
  });

  it('applies Mistral renames and omits stream_options', () => {
    const request = { ...base, model: 'mistral-small-latest', seed: 3, max_completion_tokens: 64, stream_options: { include_usage: true } };
    expect(prepareChatBody(preset('mistral'), request, { stream: true, dropParams: false }).body).toEqual({
      model: 'mistral-small-latest',
      messages: base.messages,
      random_seed: 3,
      max_tokens: 64,
      stream: true,
    });
  });

  it('applies model rules only to the models they match', () => {
    expect([...paramRulesFor(preset('deepseek'), 'deepseek-reasoner').unsupported]).toEqual(['logprobs', 'top_logprobs']);
    expect([...paramRulesFor(preset('deepseek'), 'deepseek-chat').unsupported]).toEqual([]);
    expect([...paramRulesFor(preset('xai'), 'grok-4-0709').unsupported]).toContain('stop');
    expect(paramRulesFor(preset('openai'), 'gpt-4o').renames.size).toBe(0);
  });
});
