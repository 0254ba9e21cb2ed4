import { SwitchyardError } from '@switchyard/core';
import { openaiFamily } from '@switchyard/provider-openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSwitchyard } from './switchyard.js';
import { startMockUpstream, type MockUpstream } from './testing/mock-upstream.js';

let mock: MockUpstream;
beforeAll(async () => {
  mock = await startMockUpstream();
});
afterAll(async () => {
  await mock.close();
});

/** A deployment of `group` on the mock, with a fault scenario chosen through its api_base. */
function deployment(group: string, model: string, scenario?: string, params: Record<string, unknown> = {}) {
  const base = scenario === undefined ? `${mock.url}/v1` : `${mock.url}/mock/${scenario}/v1`;
  return { model_name: group, litellm_params: { model: `openai/${model}`, api_base: base, api_key: 'sk-test', ...params }, model_info: { id: model } };
}

const hello = [{ role: 'user' as const, content: 'Hello' }];

describe('createSwitchyard over HTTP (provider-openai → mock provider)', () => {
  it('moves traffic off a deployment that answered 429, and keeps it off while it cools down', async () => {
    const switchyard = createSwitchyard({
      models: [deployment('chat', 'limited', 'fault=429,retry_after=2', { order: 1 }), deployment('chat', 'healthy', undefined, { order: 2 })],
      providers: [openaiFamily],
      settings: { cooldown_time: 60 },
    });
    const first = await switchyard.router.chat({ model: 'chat', messages: hello });
    expect(first.history.map((attempt) => [attempt.deployment, attempt.error, attempt.status])).toEqual([
      ['limited', 'rate_limit', 429],
      ['healthy', undefined, undefined],
    ]);
    for (let index = 0; index < 5; index++) {
      const completion = await switchyard.chat.completions.create({ model: 'chat', messages: hello });
      expect(completion.model).toBe('healthy');
    }
  });

  it('falls back to a larger model on a context-window error', async () => {
    const switchyard = createSwitchyard({
      models: [deployment('small', 'small', 'fault=context_window'), deployment('large', 'large')],
      providers: [openaiFamily],
      settings: { context_window_fallbacks: [{ small: ['large'] }] },
    });
    const routed = await switchyard.router.chat({ model: 'small', messages: hello });
    expect(routed.deployment.id).toBe('large');
    expect(routed.history.map((attempt) => attempt.error)).toEqual(['context_window_exceeded', undefined]);
  });

  it('times out a hung upstream and succeeds elsewhere', async () => {
    const switchyard = createSwitchyard({
      models: [deployment('chat', 'hung', 'fault=hang', { order: 1, timeout: 0.3 }), deployment('chat', 'healthy', undefined, { order: 2 })],
      providers: [openaiFamily],
    });
    const routed = await switchyard.router.chat({ model: 'chat', messages: hello });
    expect(routed.history.map((attempt) => [attempt.deployment, attempt.error])).toEqual([
      ['hung', 'timeout'],
      ['healthy', undefined],
    ]);
  });

  it('falls back when a stream fails before its first byte, and ends with an error when it fails after', async () => {
    const switchyard = createSwitchyard({
      models: [
        deployment('chat', 'broken', 'fault=500', { order: 1 }),
        deployment('chat', 'healthy', undefined, { order: 2 }),
        deployment('flaky', 'flaky', 'fault=midstream'),
      ],
      providers: [openaiFamily],
      settings: { num_retries: 1 },
    });
    const stream = await switchyard.chat.completions.create({ model: 'chat', messages: hello, stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('This is a mock response from Switchyard.');
    expect(stream.routing.history.map((attempt) => attempt.deployment)).toEqual(['broken', 'healthy']);

    const failing = await switchyard.chat.completions.create({ model: 'flaky', messages: hello, stream: true });
    const received: string[] = [];
    const consume = async () => {
      for await (const chunk of failing) received.push(chunk.choices[0]?.delta.content ?? '');
    };
    const error = await consume().then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(SwitchyardError.isInstance(error)).toBe(true);
    expect(received.length).toBeGreaterThan(0);
  });

  it('routes embeddings and lists models', async () => {
    const switchyard = createSwitchyard({
      models: [deployment('embed', 'text-embedding-3-small'), deployment('chat', 'gpt-4o-mini')],
      providers: [openaiFamily],
      settings: { model_group_alias: { default: 'chat', internal: { model: 'chat', hidden: true } } },
    });
    const embeddings = await switchyard.embeddings.create({ model: 'embed', input: ['a', 'b'] });
    expect(embeddings.data).toHaveLength(2);
    const models = await switchyard.models.list();
    expect(models.data.map((model) => model.id)).toEqual(['embed', 'chat', 'default']);
    expect((await switchyard.chat.completions.create({ model: 'internal', messages: hello })).model).toBe('gpt-4o-mini');
  });

  it('answers a malformed body with a 400 naming the field, and an unknown model with a 404', async () => {
    const switchyard = createSwitchyard({ models: [deployment('chat', 'gpt-4o-mini')], providers: [openaiFamily] });
    await expect(switchyard.chat.completions.create({ model: 'chat', messages: [] })).rejects.toMatchObject({
      status: 400,
      param: 'messages',
    });
    await expect(switchyard.chat.completions.create({ model: 'nope', messages: hello })).rejects.toMatchObject({ status: 404 });
  });

  it('ends the stream quietly when it is aborted, as the OpenAI client does, and stops the upstream call', async () => {
    const switchyard = createSwitchyard({ models: [deployment('slow', 'slow', 'chunk_ms=200')], providers: [openaiFamily] });
    const stream = await switchyard.chat.completions.create({ model: 'slow', messages: hello, stream: true });
    const seen: string[] = [];
    for await (const chunk of stream) {
      seen.push(chunk.choices[0]?.delta.content ?? '');
      stream.controller.abort();
    }
    expect(seen).toHaveLength(1);
    expect(switchyard.router.state.view.failuresThisMinute(0, Date.now())).toBe(0);
    expect(switchyard.router.state.view.inFlight(0)).toBe(0);
  });
});
