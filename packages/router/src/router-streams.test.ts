import { SwitchyardError, type ChatCompletionRequest, type ChatStreamPart } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { fakeDeployment, testRouter } from './testing/test-router.js';

const request: ChatCompletionRequest = { model: 'm', messages: [{ role: 'user', content: 'hi' }], stream: true };
const named = (name: string, params: Record<string, unknown> = {}) => fakeDeployment('m', name, params, { id: name });
const fail = (kind: SwitchyardError['kind']) => new SwitchyardError(kind, `${kind} upstream`);

async function texts(stream: AsyncIterable<ChatStreamPart>): Promise<string[]> {
  const out: string[] = [];
  for await (const part of stream) {
    const content = part.chunk.choices[0]?.delta.content;
    if (typeof content === 'string') out.push(content);
  }
  return out;
}

describe('streams', () => {
  it('falls back when the stream is refused before its first byte', async () => {
    const { router, fakes } = testRouter({ modelList: [named('a', { order: 1 }), named('b', { order: 2 })] });
    fakes.get('a').script({ ok: false, error: fail('upstream_unavailable') });
    const routed = await router.streamChat(request);
    expect(routed.deployment.id).toBe('b');
    expect(await texts(routed.stream)).toEqual(['answer from b']);
  });

  it('falls back when the stream was accepted but failed before its first part', async () => {
    const { router, fakes } = testRouter({ modelList: [named('a', { order: 1 }), named('b', { order: 2 })] });
    fakes.get('a').script({ ok: 'midstream', chunks: [], error: fail('timeout') });
    const routed = await router.streamChat(request);
    expect(routed.history.map((attempt) => [attempt.deployment, attempt.error])).toEqual([['a', 'timeout'], ['b', undefined]]);
    expect(await texts(routed.stream)).toEqual(['answer from b']);
  });

  it('ends with an error after the first byte, and counts the failure against the deployment', async () => {
    const { router, fakes, clock } = testRouter({ modelList: [named('a', { order: 1 }), named('b', { order: 2 })], routerSettings: { allowed_fails: 0 } });
    fakes.get('a').script({ ok: 'midstream', chunks: ['Hel', 'lo'], error: fail('upstream_unavailable') });
    const routed = await router.streamChat(request);
    expect(routed.deployment.id).toBe('a');
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const part of routed.stream) seen.push(String(part.chunk.choices[0]?.delta.content));
      })(),
    ).rejects.toMatchObject({ kind: 'upstream_unavailable' });
    expect(seen).toEqual(['Hel', 'lo']);
    expect(router.state.view.failuresThisMinute(0, clock.now())).toBe(1);
    expect(router.state.view.inFlight(0)).toBe(0);
    expect((await router.streamChat(request)).deployment.id).toBe('b');
  });

  it('keeps the call in flight until the stream ends, and releases it when the consumer stops early', async () => {
    const { router, fakes, clock } = testRouter({ modelList: [named('a')] });
    fakes.get('a').fallback = { ok: true, chunks: ['1', '2', '3'] };
    const routed = await router.streamChat(request);
    expect(router.state.view.inFlight(0)).toBe(1);
    for await (const part of routed.stream) if (part.chunk.choices[0]?.delta.content === '1') break;
    expect(router.state.view.inFlight(0)).toBe(0);
    expect(router.state.view.requestsThisMinute(0, clock.now())).toBe(1);
    expect(router.state.view.failuresThisMinute(0, clock.now())).toBe(0);
  });

  it('releases a stream the caller abandons without iterating, when its signal aborts', async () => {
    const { router, fakes, clock } = testRouter({ modelList: [named('a')] });
    fakes.get('a').fallback = { ok: true, chunks: ['1', '2'] };
    const controller = new AbortController();
    await router.streamChat(request, { signal: controller.signal });
    expect(router.state.view.inFlight(0)).toBe(1);
    controller.abort();
    expect(router.state.view.inFlight(0)).toBe(0);
    expect(router.state.view.failuresThisMinute(0, clock.now())).toBe(0);
  });

  it('counts streamed usage against tpm', async () => {
    const { router, fakes, clock } = testRouter({ modelList: [named('a', { tpm: 1000 })] });
    fakes.get('a').fallback = { ok: true, usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 } };
    await texts((await router.streamChat(request)).stream);
    expect(router.state.view.tokensThisMinute(0, clock.now())).toBe(150);
  });

  it('passes stream_timeout to stream calls and timeout to the rest; the caller’s timeout wins', async () => {
    const { router, fakes } = testRouter({
      modelList: [named('a', { timeout: 30, stream_timeout: 5 })],
      routerSettings: { timeout: 60 },
    });
    await texts((await router.streamChat(request)).stream);
    await router.chat(request);
    await router.chat(request, { timeoutMs: 1234, requestId: 'req-1', forwardHeaders: { 'x-trace': 't' } });
    expect(fakes.get('a').calls.map((call) => call.options?.timeoutMs)).toEqual([5000, 30_000, 1234]);
    expect(fakes.get('a').calls[2]?.options).toMatchObject({ requestId: 'req-1', headers: { 'x-trace': 't' } });
  });
});

describe('request shaping', () => {
  it("applies a deployment's preset parameters where the client set none, and keeps the client's own", async () => {
    const { router, fakes } = testRouter({ modelList: [named('a', { temperature: 0.1, max_tokens: 99 })] });
    await router.chat({ ...request, temperature: 0.9 });
    expect(fakes.get('a').calls[0]?.request).toMatchObject({ model: 'm-upstream', temperature: 0.9, max_tokens: 99 });
  });
});

describe('metadata', () => {
  it('routes on metadata but sends it upstream only with store: true', async () => {
    const { router, fakes } = testRouter({ modelList: [named('a')] });
    await router.chat({ ...request, metadata: { tags: ['x'] } });
    await router.chat({ ...request, metadata: { purpose: 'eval' }, store: true } as ChatCompletionRequest);
    expect(fakes.get('a').calls[0]?.request).not.toHaveProperty('metadata');
    expect(fakes.get('a').calls[1]?.request).toMatchObject({ metadata: { purpose: 'eval' } });
  });
});

describe('embeddings', () => {
  it('routes embeddings with the same retries', async () => {
    const { router, fakes } = testRouter({ modelList: [named('a', { order: 1 }), named('b', { order: 2 })] });
    fakes.get('a').script({ ok: false, error: fail('rate_limit') });
    const routed = await router.embed({ model: 'm', input: ['x', 'y'] });
    expect(routed.deployment.id).toBe('b');
    expect(routed.result.response.data).toHaveLength(2);
  });
});
