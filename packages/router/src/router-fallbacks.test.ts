import { SwitchyardError, type ChatCompletionRequest } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import type { RoutingError } from './execution/routing-error.js';
import { routingHeaders } from './routing-headers.js';
import { fakeDeployment, testRouter } from './testing/test-router.js';

const ask = (model: string, content = 'hi'): ChatCompletionRequest => ({ model, messages: [{ role: 'user', content }] });
const only = (group: string) => fakeDeployment(group, group, {}, { id: group });
const fail = (kind: SwitchyardError['kind']) => new SwitchyardError(kind, `${kind} upstream`);

async function failure(promise: Promise<unknown>): Promise<RoutingError> {
  return promise.then(
    () => expect.unreachable('the request should fail') as never,
    (thrown: RoutingError) => thrown,
  );
}

describe('fallbacks', () => {
  it('falls back to the next group after the retries of the first, and reports it', async () => {
    const { router, fakes } = testRouter({
      modelList: [only('gpt'), only('claude'), only('gemini')],
      routerSettings: { num_retries: 1, fallbacks: [{ gpt: ['claude', 'gemini'] }] },
    });
    fakes.get('gpt').failWith(fail('upstream_unavailable'));
    fakes.get('claude').failWith(fail('internal'));
    const routed = await router.chat(ask('gpt'));
    expect(routed.deployment).toEqual({ id: 'gemini', modelGroup: 'gemini', provider: 'openai', model: 'gemini-upstream' });
    expect(routed.fallbacks).toBe(2);
    expect(routed.history.map((attempt) => attempt.deployment)).toEqual(['gpt', 'gpt', 'claude', 'claude', 'gemini']);
    expect(fakes.get('gemini').calls[0]?.model).toBe('gemini-upstream');
    expect(routingHeaders(routed)).toEqual({
      'x-switchyard-deployment': 'gemini',
      'x-switchyard-model-group': 'gemini',
      'x-switchyard-provider': 'openai',
      'x-switchyard-attempts': '5',
      'x-switchyard-fallbacks': '2',
    });
  });

  it('uses context-window fallbacks for a context-window error, from upstream or the pre-call check', async () => {
    const { router, fakes } = testRouter({
      modelList: [fakeDeployment('small', 'small', {}, { id: 'small', max_input_tokens: 50 }), only('large'), only('other')],
      routerSettings: {
        enable_pre_call_checks: true,
        fallbacks: [{ small: ['other'] }],
        context_window_fallbacks: [{ small: ['large'] }],
      },
    });
    const precheck = await router.chat(ask('small', 'x'.repeat(400)));
    expect(precheck.deployment.id).toBe('large');
    expect(precheck.attempts).toBe(1);
    fakes.get('small').script({ ok: false, error: fail('context_window_exceeded') });
    const upstream = await router.chat(ask('small'));
    expect(upstream.history.map((attempt) => attempt.deployment)).toEqual(['small', 'large']);
  });

  it('counts prompt tokens only when a tpm limit or an enabled pre-call check needs them', async () => {
    let counted = 0;
    const tokenCounter = {
      countChatTokens: () => {
        counted += 1;
        return 100;
      },
      countEmbeddingTokens: () => 1,
    };
    const windowed = fakeDeployment('small', 'small', {}, { id: 'small', max_input_tokens: 50 });
    const unchecked = testRouter({ modelList: [windowed], tokenCounter });
    await unchecked.router.chat(ask('small'));
    expect(counted).toBe(0);
    const checked = testRouter({ modelList: [windowed, only('large')], routerSettings: { enable_pre_call_checks: true, context_window_fallbacks: [{ small: ['large'] }] }, tokenCounter });
    expect((await checked.router.chat(ask('small'))).deployment.id).toBe('large');
    expect(counted).toBe(1);
  });

  it('uses content-policy fallbacks for a content-policy error, and general ones for anything else', async () => {
    const { router, fakes } = testRouter({
      modelList: [only('main'), only('lenient'), only('spare')],
      routerSettings: { fallbacks: [{ main: ['spare'] }], content_policy_fallbacks: [{ main: ['lenient'] }], num_retries: 0 },
    });
    fakes.get('main').script({ ok: false, error: fail('content_policy') }, { ok: false, error: fail('rate_limit') });
    expect((await router.chat(ask('main'))).deployment.id).toBe('lenient');
    expect((await router.chat(ask('main'))).deployment.id).toBe('spare');
  });

  it('never falls back for a bad request', async () => {
    const { router, fakes } = testRouter({ modelList: [only('main'), only('spare')], routerSettings: { fallbacks: [{ main: ['spare'] }] } });
    fakes.get('main').failWith(fail('bad_request'));
    const thrown = await failure(router.chat(ask('main')));
    expect(thrown.kind).toBe('bad_request');
    expect(fakes.callCounts()['spare']).toBe(0);
  });

  it('uses "*" and default_fallbacks when the group has none, up to max_fallbacks', async () => {
    const { router, fakes } = testRouter({
      modelList: [only('a'), only('b'), only('c'), only('d')],
      routerSettings: { num_retries: 0, fallbacks: [{ '*': ['b', 'c', 'd'] }], max_fallbacks: 2 },
    });
    for (const name of ['a', 'b', 'c']) fakes.get(name).failWith(fail('internal'));
    const thrown = await failure(router.chat(ask('a')));
    expect(thrown.kind).toBe('internal');
    expect(thrown.fallbacks).toBe(2);
    expect(routingHeaders(thrown)).toEqual({ 'x-switchyard-attempts': '3', 'x-switchyard-fallbacks': '2' });
    expect(fakes.callCounts()['d']).toBe(0);

    const defaults = testRouter({ modelList: [only('a'), only('z')], routerSettings: { default_fallbacks: ['z'] } });
    defaults.fakes.get('a').failWith(fail('internal'));
    expect((await defaults.router.chat(ask('a'))).deployment.id).toBe('z');
  });

  it("honours the request's fallbacks and disable_fallbacks, which are not sent upstream", async () => {
    const { router, fakes } = testRouter({
      modelList: [only('a'), only('b'), only('c')],
      routerSettings: { fallbacks: [{ a: ['b'] }], disable_cooldowns: true, num_retries: 0 },
    });
    fakes.get('a').failWith(fail('timeout'));
    const routed = await router.chat({ ...ask('a'), fallbacks: ['c'] } as ChatCompletionRequest);
    expect(routed.deployment.id).toBe('c');
    expect(fakes.get('c').calls[0]?.request).not.toHaveProperty('fallbacks');
    await expect(router.chat({ ...ask('a'), disable_fallbacks: true } as ChatCompletionRequest)).rejects.toMatchObject({ kind: 'timeout' });
    await expect(router.chat(ask('a'), { disableFallbacks: true })).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('reports the requested group’s error when every fallback fails too', async () => {
    const { router, fakes } = testRouter({ modelList: [only('a'), only('b')], routerSettings: { fallbacks: [{ a: ['b'] }], num_retries: 0 } });
    fakes.get('a').failWith(new SwitchyardError('rate_limit', 'slow', { retryAfterMs: 7000 }));
    fakes.get('b').failWith(fail('internal'));
    const thrown = await failure(router.chat(ask('a')));
    expect(thrown).toMatchObject({ kind: 'rate_limit', status: 429, retryAfterMs: 7000, fallbacks: 1 });
  });

  it('falls back through wildcard groups and aliases, filling the upstream model', async () => {
    const { router, fakes } = testRouter({
      modelList: [
        only('primary'),
        { model_name: 'anthropic/*', litellm_params: { model: 'anthropic/*', api_base: 'anthropic' }, model_info: { id: 'anthropic' } },
      ],
      routerSettings: { fallbacks: [{ primary: ['anthropic/claude-sonnet'] }], model_group_alias: { best: 'primary' } },
    });
    fakes.get('primary').failWith(fail('internal'));
    const routed = await router.chat(ask('best'));
    expect(routed.deployment).toMatchObject({ modelGroup: 'anthropic/*', provider: 'anthropic', model: 'claude-sonnet' });
    expect(fakes.get('anthropic').calls[0]?.model).toBe('claude-sonnet');
  });

  it('answers 404 for a model no group serves', async () => {
    const { router } = testRouter({ modelList: [only('a')] });
    await expect(router.chat(ask('nope'))).rejects.toMatchObject({ kind: 'not_found', status: 404, param: 'model' });
  });

  it('skips unusable deployments with a warning when skipInvalidDeployments is set, and throws otherwise', () => {
    const modelList = [only('a'), { model_name: 'x', litellm_params: { model: 'mystery-7b' } }];
    const { router } = testRouter({ modelList, skipInvalidDeployments: true });
    expect(router.warnings).toEqual([expect.stringMatching(/cannot tell the provider of "mystery-7b".* Skipped\.$/)]);
    expect(router.hasModel('x')).toBe(false);
    expect(() => testRouter({ modelList })).toThrow(/cannot tell the provider/);
  });

  it('warns about fallbacks and aliases that name no group', () => {
    const { router } = testRouter({
      modelList: [only('a')],
      routerSettings: { fallbacks: [{ a: ['ghost'] }], model_group_alias: { x: 'missing' } },
    });
    expect(router.warnings).toEqual([
      'fallbacks: "a" falls back to "ghost", which is no model group.',
      'model_group_alias: "x" points to "missing", which is no model group.',
    ]);
  });
});
