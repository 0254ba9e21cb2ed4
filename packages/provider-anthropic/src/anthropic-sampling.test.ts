import type { ChatCompletionRequest } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { useUpstreamCapture, userRequest } from './anthropic-capture.test-utils.js';

const upstream = useUpstreamCapture();
const classic = 'claude-sonnet-4-20250514';
const newest = 'claude-opus-5';

function sampled(model: string, extra: Partial<ChatCompletionRequest>) {
  return userRequest(model, extra);
}

describe('sampling parameters', () => {
  it('maps temperature, top_p, top_k, stop and user on a model that accepts them', async () => {
    const { body } = await upstream.send(
      sampled(classic, { temperature: 0.3, top_p: 0.8, stop: ['END', 'STOP'], user: 'user-42', top_k: 40 } as Partial<ChatCompletionRequest>),
    );
    expect(body).toMatchObject({ temperature: 0.3, top_p: 0.8, top_k: 40, stop_sequences: ['END', 'STOP'], metadata: { user_id: 'user-42' } });
  });

  it('sends a single stop string as a one-element list', async () => {
    const { body } = await upstream.send(sampled(classic, { stop: 'END' }));
    expect(body.stop_sequences).toEqual(['END']);
  });

  it('does not send a user that looks like an e-mail address or a phone number', async () => {
    for (const user of ['jane@example.com', '+1 (555) 010-9999']) {
      const { body } = await upstream.send(sampled(classic, { user }));
      expect(body.metadata).toBeUndefined();
    }
  });

  it('refuses a temperature above 1, or leaves it out with dropParams', async () => {
    const error = await upstream.refuse(sampled(classic, { temperature: 1.5 }));
    expect(error.param).toBe('temperature');
    expect(error.code).toBe('unsupported_parameter');
    const { body } = await upstream.send(sampled(classic, { temperature: 1.5 }), { dropParams: true });
    expect(body.temperature).toBeUndefined();
  });

  it('refuses non-neutral temperature, top_p and top_k on models after Claude Opus 4.6', async () => {
    expect((await upstream.refuse(sampled(newest, { temperature: 0.7 }))).param).toBe('temperature');
    expect((await upstream.refuse(sampled(newest, { top_p: 0.9 }))).param).toBe('top_p');
    expect((await upstream.refuse(sampled(newest, { top_k: 5 } as Partial<ChatCompletionRequest>))).param).toBe('top_k');
  });

  it('leaves out neutral sampling values on those models instead of sending them', async () => {
    const { body } = await upstream.send(sampled(newest, { temperature: 1, top_p: 1 }));
    expect(body.temperature).toBeUndefined();
    expect(body.top_p).toBeUndefined();
  });

  it('leaves out refused sampling values with dropParams', async () => {
    const { body } = await upstream.send(sampled(newest, { temperature: 0.2, top_p: 0.5 }), { dropParams: true });
    expect(body.temperature).toBeUndefined();
    expect(body.top_p).toBeUndefined();
  });

  it('refuses a non-neutral temperature while thinking, but accepts top_p from 0.95', async () => {
    const thinking = { type: 'enabled' as const, budget_tokens: 1024 };
    const error = await upstream.refuse(sampled(classic, { thinking, temperature: 0.5 }));
    expect(error.message).toBe('temperature other than 1 is not supported while thinking is enabled.');
    const { body } = await upstream.send(sampled(classic, { thinking, top_p: 0.95 }));
    expect(body.top_p).toBe(0.95);
    expect((await upstream.refuse(sampled(classic, { thinking, top_p: 0.9 }))).param).toBe('top_p');
  });

  it('refuses temperature together with top_p where the model forbids both, or keeps temperature with dropParams', async () => {
    const request = sampled('claude-haiku-4-5-20251001', { temperature: 0.2, top_p: 0.9 });
    expect((await upstream.refuse(request)).param).toBe('top_p');
    const { body } = await upstream.send(request, { dropParams: true });
    expect(body.temperature).toBe(0.2);
    expect(body.top_p).toBeUndefined();
  });

  it.each([
    ['frequency_penalty', 0.5],
    ['presence_penalty', -1],
    ['logit_bias', { '50256': -100 }],
    ['logprobs', true],
    ['top_logprobs', 3],
    ['seed', 7],
    ['n', 2],
  ])('refuses %s, which Anthropic does not support', async (param, value) => {
    const error = await upstream.refuse(sampled(classic, { [param]: value }));
    expect(error.message).toBe(`Anthropic does not support ${param}.`);
    expect(error.param).toBe(param);
    const { body } = await upstream.send(sampled(classic, { [param]: value }), { dropParams: true });
    expect(body[param]).toBeUndefined();
  });

  it('ignores those parameters at their neutral values', async () => {
    const { body } = await upstream.send(
      sampled(classic, { frequency_penalty: 0, presence_penalty: 0, logprobs: false, n: 1, logit_bias: {} }),
    );
    for (const param of ['frequency_penalty', 'presence_penalty', 'logprobs', 'n', 'logit_bias']) expect(body[param]).toBeUndefined();
  });

  it('refuses whitespace-only stop sequences, or drops just those with dropParams', async () => {
    expect((await upstream.refuse(sampled(classic, { stop: ['END', '  '] }))).param).toBe('stop');
    const { body } = await upstream.send(sampled(classic, { stop: ['END', '  '] }), { dropParams: true });
    expect(body.stop_sequences).toEqual(['END']);
  });
});
