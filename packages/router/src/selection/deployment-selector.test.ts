import type { ChatCompletionRequest } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import type { RoutingError } from '../execution/routing-error.js';
import { fakeDeployment, testRouter } from '../testing/test-router.js';

const request = (content = 'hello', metadata?: Record<string, unknown>): ChatCompletionRequest => ({
  model: 'm',
  messages: [{ role: 'user', content }],
  ...(metadata ? { metadata } : {}),
});

const named = (name: string, params: Record<string, unknown> = {}, info: Record<string, unknown> = {}) =>
  fakeDeployment('m', name, params, { id: name, ...info });

async function servedBy(promise: Promise<{ deployment: { id: string } }>): Promise<string> {
  return (await promise).deployment.id;
}

async function failure(promise: Promise<unknown>): Promise<RoutingError> {
  return promise.then(
    () => expect.unreachable('the request should fail') as never,
    (error: RoutingError) => error,
  );
}

describe('tag filtering', () => {
  const list = [named('free', { tags: ['free'] }), named('paid', { tags: ['paid', 'eu'] }), named('fallback', { tags: ['default'] })];

  it('routes by metadata.tags or the x-switchyard-tags header, untagged requests to "default"', async () => {
    const { router } = testRouter({ modelList: list, routerSettings: { enable_tag_filtering: true } });
    expect(await servedBy(router.chat(request('x', { tags: ['paid'] })))).toBe('paid');
    expect(await servedBy(router.chat(request(), { headers: { 'x-switchyard-tags': 'free' } }))).toBe('free');
    expect(await servedBy(router.chat(request(), { headers: { 'x-litellm-tags': 'eu, other' } }))).toBe('paid');
    expect(await servedBy(router.chat(request()))).toBe('fallback');
    expect(await servedBy(router.chat(request('x', { tags: ['unknown'] })))).toBe('fallback');
  });

  it('requires every tag when tag_filtering_match_any is false', async () => {
    const { router } = testRouter({
      modelList: [named('paid', { tags: ['paid'] }), named('paid-eu', { tags: ['paid', 'eu'] })],
      routerSettings: { enable_tag_filtering: true, tag_filtering_match_any: false },
    });
    for (let index = 0; index < 10; index++) {
      expect(await servedBy(router.chat(request('x', { tags: ['paid', 'eu'] })))).toBe('paid-eu');
    }
    const error = await failure(router.chat(request('x', { tags: ['gpu'] })));
    expect(error.kind).toBe('bad_request');
    expect(error.message).toMatch(/matches the request tags \(gpu\)/);
  });

  it('ignores tags unless enable_tag_filtering is set', async () => {
    const { router, fakes } = testRouter({ modelList: list });
    for (let index = 0; index < 30; index++) await router.chat(request('x', { tags: ['paid'] }));
    expect(fakes.callCounts()['free']).toBeGreaterThan(0);
  });
});

describe('pre-call checks', () => {
  it('skips deployments whose context window the prompt exceeds', async () => {
    const { router } = testRouter({
      modelList: [named('small', {}, { max_input_tokens: 10 }), named('large', {}, { max_input_tokens: 1000 })],
      routerSettings: { enable_pre_call_checks: true },
    });
    for (let index = 0; index < 10; index++) expect(await servedBy(router.chat(request('x'.repeat(200))))).toBe('large');
    const error = await failure(router.chat(request('x'.repeat(8000))));
    expect(error.kind).toBe('context_window_exceeded');
    expect(error.attempts).toBe(0);
  });

  it("takes a context window from the price source when model_info has none; model_info's wins", async () => {
    const { router } = testRouter({
      modelList: [named('catalog-small'), named('configured', {}, { max_input_tokens: 1000 })],
      routerSettings: { enable_pre_call_checks: true },
      pricing: () => ({ maxInputTokens: 10 }),
    });
    for (let index = 0; index < 10; index++) expect(await servedBy(router.chat(request('x'.repeat(200))))).toBe('configured');
  });

  it('does not check context windows unless enable_pre_call_checks is set', async () => {
    const { router } = testRouter({ modelList: [named('small', {}, { max_input_tokens: 10 })] });
    expect(await servedBy(router.chat(request('x'.repeat(200))))).toBe('small');
  });

  it('keeps a request to its allowed region', async () => {
    const { router } = testRouter({
      modelList: [named('us', { region_name: 'us-east-1' }), named('eu', { region_name: 'eu-west-1' }), named('nowhere')],
    });
    for (let index = 0; index < 10; index++) {
      expect(await servedBy(router.chat(request('x', { allowed_model_region: 'eu' })))).toBe('eu');
    }
    expect(await servedBy(router.chat(request(), { allowedRegion: 'us' }))).toBe('us');
    expect((await failure(router.chat(request(), { allowedRegion: 'ap' }))).message).toMatch(/region "ap"/);
  });
});

describe('limits', () => {
  it('stops sending to a deployment at its rpm until the next minute, then answers 429 with retry-after', async () => {
    const { router, clock } = testRouter({ modelList: [named('a', { rpm: 2 }), named('b', { rpm: 1 })] });
    const served = [await servedBy(router.chat(request())), await servedBy(router.chat(request())), await servedBy(router.chat(request()))];
    expect(served.sort()).toEqual(['a', 'a', 'b']);
    const error = await failure(router.chat(request()));
    expect(error.kind).toBe('rate_limit');
    const untilNextMinute = 60_000 - (clock.now() % 60_000);
    expect(error.retryAfterMs).toBe(untilNextMinute);
    clock.advance(untilNextMinute);
    expect(['a', 'b']).toContain(await servedBy(router.chat(request())));
  });

  it('keeps within tpm, counting the prompt estimate before the call and usage after', async () => {
    const { router, fakes } = testRouter({ modelList: [named('a', { tpm: 100, order: 1 }), named('b', { tpm: 10_000, order: 2 })] });
    fakes.get('a').fallback = { ok: true, usage: { prompt_tokens: 60, completion_tokens: 20, total_tokens: 80 } };
    fakes.get('b').fallback = { ok: true, usage: { prompt_tokens: 60, completion_tokens: 20, total_tokens: 80 } };
    // 21 tokens estimated: after one call (80 used) a has no room for another, though it is tried first.
    for (let index = 0; index < 20; index++) await router.chat(request('x'.repeat(84)));
    expect(fakes.callCounts()).toEqual({ a: 1, b: 19 });
  });

  it('holds max_parallel_requests across concurrent requests', async () => {
    const { router } = testRouter({ modelList: [named('a', { max_parallel_requests: 1 }), named('b', { max_parallel_requests: 1 })] });
    const open = await Promise.all([router.streamChat(request()), router.streamChat(request())]);
    expect(open.map((routed) => routed.deployment.id).sort()).toEqual(['a', 'b']);
    const error = await failure(router.streamChat(request()));
    expect(error.kind).toBe('rate_limit');
    for await (const _part of open[0]!.stream) void _part;
    expect(await servedBy(router.streamChat(request()))).toBe(open[0]!.deployment.id);
  });
});
