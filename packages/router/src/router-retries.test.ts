import { SwitchyardError, type ChatCompletionRequest } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import type { RoutingError } from './execution/routing-error.js';
import { fakeDeployment, testRouter } from './testing/test-router.js';

const request: ChatCompletionRequest = { model: 'm', messages: [{ role: 'user', content: 'hi' }] };
const named = (name: string, params: Record<string, unknown> = {}) => fakeDeployment('m', name, params, { id: name });
const error = (kind: SwitchyardError['kind'], retryAfterMs?: number) =>
  new SwitchyardError(kind, `${kind} from upstream`, retryAfterMs === undefined ? {} : { retryAfterMs });

async function failure(promise: Promise<unknown>): Promise<RoutingError> {
  return promise.then(
    () => expect.unreachable('the request should fail') as never,
    (thrown: RoutingError) => thrown,
  );
}

describe('retries', () => {
  it('retries a failing single deployment with exponential backoff and jitter', async () => {
    const { router, fakes, clock } = testRouter({ modelList: [named('a')], routerSettings: { num_retries: 3 } });
    fakes.get('a').script({ ok: false, error: error('internal') }, { ok: false, error: error('upstream_unavailable') });
    const routed = await router.chat(request);
    expect(routed.attempts).toBe(3);
    expect(routed.history.map((attempt) => attempt.error)).toEqual(['internal', 'upstream_unavailable', undefined]);
    expect(clock.sleeps).toHaveLength(2);
    expect(clock.sleeps[0]).toBeGreaterThanOrEqual(125);
    expect(clock.sleeps[0]).toBeLessThanOrEqual(500);
    expect(clock.sleeps[1]).toBeGreaterThanOrEqual(250);
    expect(clock.sleeps[1]).toBeLessThanOrEqual(1000);
  });

  it('moves to another deployment at once instead of waiting', async () => {
    const { router, fakes, clock } = testRouter({ modelList: [named('a', { order: 1 }), named('b', { order: 2 })] });
    fakes.get('a').script({ ok: false, error: error('internal') });
    const routed = await router.chat(request);
    expect(routed.deployment.id).toBe('b');
    expect(clock.sleeps).toEqual([]);
  });

  it("waits at least the upstream's retry-after before trying the same deployment again", async () => {
    const { router, fakes, clock } = testRouter({ modelList: [named('a')], routerSettings: { disable_cooldowns: true } });
    fakes.get('a').script({ ok: false, error: error('rate_limit', 4000) });
    expect((await router.chat(request)).attempts).toBe(2);
    expect(clock.sleeps).toEqual([4000]);
  });

  it('gives up after num_retries and reports the last failure with every attempt', async () => {
    const { router, fakes } = testRouter({ modelList: [named('a')], routerSettings: { num_retries: 1 } });
    fakes.get('a').failWith(error('internal'));
    const thrown = await failure(router.chat(request));
    expect(thrown.kind).toBe('internal');
    expect(thrown.attempts).toBe(2);
    expect(SwitchyardError.isInstance(thrown)).toBe(true);
  });

  it('does not retry a bad request or a context-window error', async () => {
    for (const kind of ['bad_request', 'context_window_exceeded'] as const) {
      const { router, fakes } = testRouter({ modelList: [named('a'), named('b')] });
      fakes.get('a').failWith(error(kind));
      fakes.get('b').failWith(error(kind));
      expect((await failure(router.chat(request))).attempts).toBe(1);
    }
  });

  it('retries a content-policy error only when no content-policy fallback is configured', async () => {
    const plain = testRouter({ modelList: [named('a')], routerSettings: { num_retries: 2 } });
    plain.fakes.get('a').failWith(error('content_policy'));
    expect((await failure(plain.router.chat(request))).attempts).toBe(3);

    const withFallback = testRouter({
      modelList: [named('a'), fakeDeployment('safe', 'safe')],
      routerSettings: { num_retries: 2, content_policy_fallbacks: [{ m: ['safe'] }] },
    });
    withFallback.fakes.get('a').failWith(error('content_policy'));
    const routed = await withFallback.router.chat(request);
    expect(routed.history.map((attempt) => attempt.modelGroup)).toEqual(['m', 'safe']);
  });

  it('retries an authentication or not-found error only on a deployment not tried yet', async () => {
    const single = testRouter({ modelList: [named('a')], routerSettings: { disable_cooldowns: true } });
    single.fakes.get('a').failWith(error('authentication'));
    expect((await failure(single.router.chat(request))).attempts).toBe(1);

    const pair = testRouter({ modelList: [named('a', { order: 1 }), named('b', { order: 2 })] });
    pair.fakes.get('a').failWith(error('not_found'));
    expect((await pair.router.chat(request)).deployment.id).toBe('b');
  });

  it('follows retry_policy per error type, model_group_retry_policy per group, and num_retries per request', async () => {
    const { router, fakes } = testRouter({
      modelList: [named('a'), fakeDeployment('other', 'o', {}, { id: 'o' })],
      routerSettings: {
        num_retries: 0,
        disable_cooldowns: true,
        retry_policy: { RateLimitErrorRetries: 3, BadRequestErrorRetries: 1 },
        model_group_retry_policy: { other: { RateLimitErrorRetries: 1 } },
      },
    });
    fakes.get('a').failWith(error('rate_limit'));
    expect((await failure(router.chat(request))).attempts).toBe(4);
    fakes.get('a').failWith(error('bad_request'));
    expect((await failure(router.chat(request))).attempts).toBe(2);
    fakes.get('a').failWith(error('internal'));
    expect((await failure(router.chat(request))).attempts).toBe(1);
    expect((await failure(router.chat(request, { numRetries: 2 }))).attempts).toBe(3);
    expect((await failure(router.chat({ ...request, num_retries: 1 } as ChatCompletionRequest))).attempts).toBe(2);
    fakes.get('o').failWith(error('rate_limit'));
    expect((await failure(router.chat({ ...request, model: 'other' }))).attempts).toBe(2);
  });

  it('stops at once when the caller aborts, without counting a failure', async () => {
    const { router, fakes } = testRouter({ modelList: [named('a'), named('b')] });
    const controller = new AbortController();
    fakes.get('a').fallback = { ok: false, error: error('internal') };
    fakes.get('b').fallback = { ok: false, error: error('internal') };
    controller.abort();
    await expect(router.chat(request, { signal: controller.signal })).rejects.toMatchObject({ kind: 'timeout' });
    expect(fakes.callCounts()).toEqual({ a: 0, b: 0 });
  });

  it('does not retry or penalise a call the caller aborted mid-flight', async () => {
    const { router, fakes, clock } = testRouter({ modelList: [named('a')] });
    const controller = new AbortController();
    const provider = fakes.get('a');
    const original = provider.chat.bind(provider);
    provider.chat = async (body, options) => {
      controller.abort();
      await original(body, options);
      throw Object.assign(new Error('aborted'), { name: 'AbortError' });
    };
    await expect(router.chat(request, { signal: controller.signal })).rejects.toMatchObject({ kind: 'timeout' });
    expect(provider.calls).toHaveLength(1);
    expect(router.state.view.requestsThisMinute(0, clock.now())).toBe(1);
    expect(router.state.view.failuresThisMinute(0, clock.now())).toBe(0);
    expect(router.state.view.inFlight(0)).toBe(0);
  });
});
