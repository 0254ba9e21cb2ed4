import { SwitchyardError, type ChatCompletionRequest } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import type { RoutingError } from './execution/routing-error.js';
import { fakeDeployment, testRouter } from './testing/test-router.js';

const request: ChatCompletionRequest = { model: 'm', messages: [{ role: 'user', content: 'hi' }] };
const named = (name: string, params: Record<string, unknown> = {}) => fakeDeployment('m', name, params, { id: name });
const fail = (kind: SwitchyardError['kind'], retryAfterMs?: number) =>
  new SwitchyardError(kind, `${kind} upstream`, retryAfterMs === undefined ? {} : { retryAfterMs });

async function failure(promise: Promise<unknown>): Promise<RoutingError> {
  return promise.then(
    () => expect.unreachable('the request should fail') as never,
    (thrown: RoutingError) => thrown,
  );
}

async function servedBy(router: ReturnType<typeof testRouter>['router'], times: number): Promise<Set<string>> {
  const served = new Set<string>();
  for (let index = 0; index < times; index++) served.add((await router.chat(request)).deployment.id);
  return served;
}

describe('cooldowns', () => {
  it.each(['rate_limit', 'authentication', 'not_found', 'timeout'] as const)(
    'cools a deployment down at once on %s, for cooldown_time',
    async (kind) => {
      const { router, fakes, clock } = testRouter({
        modelList: [named('a', { order: 1 }), named('b', { order: 2 })],
        routerSettings: { cooldown_time: 30 },
      });
      fakes.get('a').script({ ok: false, error: fail(kind) });
      const first = await router.chat(request);
      expect(first.history.map((attempt) => [attempt.deployment, attempt.error])).toEqual([['a', kind], ['b', undefined]]);
      expect(await servedBy(router, 5)).toEqual(new Set(['b']));
      clock.advance(29_999);
      expect(await servedBy(router, 5)).toEqual(new Set(['b']));
      clock.advance(1);
      expect(await servedBy(router, 5)).toEqual(new Set(['a']));
    },
  );

  it('cools down on other failures only after allowed_fails within the minute', async () => {
    const { router, fakes, clock } = testRouter({
      modelList: [named('a', { order: 1 }), named('b', { order: 2 })],
      routerSettings: { allowed_fails: 2 },
    });
    fakes.get('a').script(...Array.from({ length: 2 }, () => ({ ok: false as const, error: fail('internal') })));
    expect(await servedBy(router, 2)).toEqual(new Set(['b']));
    expect(await servedBy(router, 1)).toEqual(new Set(['a']));
    clock.advance(60_000);
    fakes.get('a').script(...Array.from({ length: 3 }, () => ({ ok: false as const, error: fail('upstream_unavailable') })));
    expect(await servedBy(router, 3)).toEqual(new Set(['b']));
    expect(await servedBy(router, 3)).toEqual(new Set(['b']));
  });

  it('cools down when more than half the calls in a minute fail, after five calls', async () => {
    const { router, fakes } = testRouter({ modelList: [named('a')], routerSettings: { allowed_fails: 100, num_retries: 0 } });
    fakes.get('a').script({ ok: true }, { ok: true }, ...Array.from({ length: 3 }, () => ({ ok: false as const, error: fail('internal') })));
    await router.chat(request);
    await router.chat(request);
    await failure(router.chat(request));
    await failure(router.chat(request));
    expect((await failure(router.chat(request))).kind).toBe('internal');
    const cooling = await failure(router.chat(request));
    expect(cooling.kind).toBe('rate_limit');
    expect(cooling.attempts).toBe(0);
  });

  it('answers 429 with the shortest remaining cooldown as retry-after when the whole group cools down', async () => {
    const { router, fakes, clock } = testRouter({ modelList: [named('a'), named('b')], routerSettings: { cooldown_time: 10 } });
    fakes.get('a').failWith(fail('rate_limit'));
    fakes.get('b').failWith(fail('rate_limit'));
    await failure(router.chat(request));
    clock.advance(4000);
    const thrown = await failure(router.chat(request));
    expect(thrown).toMatchObject({ kind: 'rate_limit', status: 429, retryAfterMs: 6000, attempts: 0 });
  });

  it('falls back when the whole group cools down', async () => {
    const { router, fakes } = testRouter({
      modelList: [named('a'), fakeDeployment('spare', 'spare', {}, { id: 'spare' })],
      routerSettings: { fallbacks: [{ m: ['spare'] }] },
    });
    fakes.get('a').script({ ok: false, error: fail('rate_limit') });
    expect((await router.chat(request)).deployment.id).toBe('spare');
    const routed = await router.chat(request);
    expect(routed).toMatchObject({ deployment: { id: 'spare' }, attempts: 1, fallbacks: 1 });
  });

  it("lengthens a 429 cooldown to the upstream's retry-after", async () => {
    const { router, fakes, clock } = testRouter({
      modelList: [named('a', { order: 1 }), named('b', { order: 2 })],
      routerSettings: { cooldown_time: 5 },
    });
    fakes.get('a').script({ ok: false, error: fail('rate_limit', 20_000) });
    expect((await router.chat(request)).deployment.id).toBe('b');
    clock.advance(19_999);
    expect(await servedBy(router, 5)).toEqual(new Set(['b']));
    clock.advance(1);
    expect(await servedBy(router, 5)).toEqual(new Set(['a']));
  });

  it('counts per error type under allowed_fails_policy, and never with disable_cooldowns', async () => {
    const policy = testRouter({
      modelList: [named('a', { order: 1 }), named('b', { order: 2 })],
      routerSettings: { allowed_fails_policy: { RateLimitErrorAllowedFails: 2 } },
    });
    policy.fakes.get('a').script(...Array.from({ length: 3 }, () => ({ ok: false as const, error: fail('rate_limit') })));
    expect(await servedBy(policy.router, 3)).toEqual(new Set(['b']));
    expect(await servedBy(policy.router, 3)).toEqual(new Set(['b']));

    const never = testRouter({ modelList: [named('a', { order: 1 }), named('b', { order: 2 })], routerSettings: { disable_cooldowns: true } });
    never.fakes.get('a').script({ ok: false, error: fail('rate_limit') });
    expect(await servedBy(never.router, 1)).toEqual(new Set(['b']));
    expect(await servedBy(never.router, 1)).toEqual(new Set(['a']));
  });

  it('does not count failures the request caused', async () => {
    const { router, fakes } = testRouter({ modelList: [named('a')], routerSettings: { allowed_fails: 0 } });
    fakes.get('a').script({ ok: false, error: fail('bad_request') }, { ok: false, error: fail('context_window_exceeded') });
    await failure(router.chat(request));
    await failure(router.chat(request));
    expect((await router.chat(request)).deployment.id).toBe('a');
  });

  it('cools down deployments that failed in a fallback group too', async () => {
    const { router, fakes } = testRouter({
      modelList: [
        named('a'),
        fakeDeployment('spare', 'broken', { order: 1 }, { id: 'broken' }),
        fakeDeployment('spare', 'fine', { order: 2 }, { id: 'fine' }),
      ],
      routerSettings: { fallbacks: [{ m: ['spare'] }], num_retries: 1 },
    });
    fakes.get('a').failWith(fail('upstream_unavailable'));
    fakes.get('broken').failWith(fail('rate_limit'));
    const served = new Set<string>();
    for (let index = 0; index < 20; index++) served.add((await router.chat(request)).deployment.id);
    expect(served).toEqual(new Set(['fine']));
    expect(fakes.callCounts()['broken']).toBe(1);
  });
});
