import { SwitchyardError, type ChatCompletionRequest } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { fakeDeployment, testRouter } from '../testing/test-router.js';

const request = (model = 'm'): ChatCompletionRequest => ({ model, messages: [{ role: 'user', content: 'hello there' }] });

async function send(router: ReturnType<typeof testRouter>['router'], times: number, stream = false): Promise<string[]> {
  const served: string[] = [];
  for (let index = 0; index < times; index++) {
    if (stream) {
      const routed = await router.streamChat(request());
      for await (const _part of routed.stream) void _part;
      served.push(routed.history.at(-1)?.deployment ?? '');
    } else {
      served.push((await router.chat(request())).deployment.id);
    }
  }
  return served;
}

const ids = (names: string[]) => names.map((name, index) => ({ name, info: { id: name }, index }));

describe('simple-shuffle', () => {
  it('picks in proportion to weight', async () => {
    const { router, fakes } = testRouter({
      modelList: [fakeDeployment('m', 'a', { weight: 1 }, { id: 'a' }), fakeDeployment('m', 'b', { weight: 3 }, { id: 'b' })],
    });
    await send(router, 4000);
    const counts = fakes.callCounts();
    expect(counts['a']).toBeGreaterThan(850);
    expect(counts['a']).toBeLessThan(1150);
    expect(counts['b']).toBe(4000 - (counts['a'] ?? 0));
  });

  it('weighs by rpm when no deployment has a weight, and never picks a weight-0 deployment while another is up', async () => {
    const byRpm = testRouter({ modelList: [fakeDeployment('m', 'a', { rpm: 100 }), fakeDeployment('m', 'b', { rpm: 300 })] });
    for (let minute = 0; minute < 20; minute++) {
      await send(byRpm.router, 100);
      byRpm.clock.advance(60_000);
    }
    const counts = byRpm.fakes.callCounts();
    expect(counts['b']! / counts['a']!).toBeGreaterThan(2.5);
    expect(counts['b']! / counts['a']!).toBeLessThan(3.5);

    const primary = testRouter({ modelList: [fakeDeployment('m', 'a', { weight: 1 }), fakeDeployment('m', 'b')] });
    await send(primary.router, 200);
    expect(primary.fakes.callCounts()).toEqual({ a: 200, b: 0 });
  });

  it('is uniform without weights, and replays exactly with the same seed', async () => {
    const list = ['a', 'b', 'c', 'd'].map((name) => fakeDeployment('m', name, {}, { id: name }));
    const first = testRouter({ modelList: list, seed: 42 });
    const second = testRouter({ modelList: list, seed: 42 });
    const order = await send(first.router, 400);
    expect(await send(second.router, 400)).toEqual(order);
    for (const name of ['a', 'b', 'c', 'd']) expect(first.fakes.callCounts()[name]).toBeGreaterThan(70);
  });
});

describe('least-busy', () => {
  it('sends each request to the deployment with the fewest calls in flight', async () => {
    const { router } = testRouter({
      modelList: ids(['a', 'b', 'c']).map(({ name, info }) => fakeDeployment('m', name, {}, info)),
      routerSettings: { routing_strategy: 'least-busy' },
    });
    const open = await Promise.all([router.streamChat(request()), router.streamChat(request()), router.streamChat(request())]);
    expect(new Set(open.map((routed) => routed.deployment.id))).toEqual(new Set(['a', 'b', 'c']));
    const finished = open[1]!;
    for await (const _part of finished.stream) void _part;
    const next = await router.streamChat(request());
    expect(next.deployment.id).toBe(finished.deployment.id);
  });
});

describe('latency-based-routing', () => {
  function latencyRouter(buffer = 0) {
    const setup = testRouter({
      modelList: ids(['a', 'b', 'c']).map(({ name, info }) => fakeDeployment('m', name, {}, info)),
      routerSettings: { routing_strategy: 'latency-based-routing', routing_strategy_args: { lowest_latency_buffer: buffer } },
    });
    setup.fakes.get('a').fallback = { ok: true, latencyMs: 100, firstPartMs: 90 };
    setup.fakes.get('b').fallback = { ok: true, latencyMs: 50, firstPartMs: 400 };
    setup.fakes.get('c').fallback = { ok: true, latencyMs: 70, firstPartMs: 300 };
    return setup;
  }

  it('measures every deployment once, then keeps to the fastest', async () => {
    const { router } = latencyRouter();
    const served = await send(router, 23);
    expect(new Set(served.slice(0, 3))).toEqual(new Set(['a', 'b', 'c']));
    expect(new Set(served.slice(3))).toEqual(new Set(['b']));
  });

  it('spreads load among deployments within the buffer', async () => {
    const { router } = latencyRouter(0.5);
    const served = await send(router, 203);
    const later = served.slice(3);
    expect(later).not.toContain('a');
    expect(later.filter((id) => id === 'c').length).toBeGreaterThan(50);
    expect(later.filter((id) => id === 'b').length).toBeGreaterThan(50);
  });

  it('routes streams by time to first token', async () => {
    const { router } = latencyRouter();
    const served = await send(router, 13, true);
    expect(new Set(served.slice(3))).toEqual(new Set(['a']));
  });

  it('forgets samples older than the ttl', async () => {
    const setup = latencyRouter();
    await send(setup.router, 3);
    setup.fakes.get('b').fallback = { ok: true, latencyMs: 500 };
    expect(await send(setup.router, 2)).toEqual(['b', 'c']);
    setup.clock.advance(3_600_001);
    expect(new Set(await send(setup.router, 3))).toEqual(new Set(['a', 'b', 'c']));
  });
});

describe('usage-based-routing', () => {
  it('sends each request to the deployment that used the fewest tokens this minute', async () => {
    const { router, fakes } = testRouter({
      modelList: ids(['a', 'b']).map(({ name, info }) => fakeDeployment('m', name, {}, info)),
      routerSettings: { routing_strategy: 'usage-based-routing-v2' },
    });
    fakes.get('a').fallback = { ok: true, usage: { prompt_tokens: 90, completion_tokens: 10, total_tokens: 100 } };
    fakes.get('b').fallback = { ok: true, usage: { prompt_tokens: 20, completion_tokens: 5, total_tokens: 25 } };
    const served = await send(router, 10);
    // Whichever went first, b then serves until its tokens pass a's 100 (4 × 25 = 100 ties, broken at random).
    const counts = fakes.callCounts();
    expect(counts['b']).toBeGreaterThanOrEqual(7);
    expect(served.filter((id) => id === 'a').length).toBeLessThanOrEqual(3);
  });
});

describe('cost-based-routing', () => {
  it('picks the cheapest deployment, unknown prices last, and moves on when it cools down', async () => {
    const { router, fakes } = testRouter({
      modelList: [
        fakeDeployment('m', 'unpriced', {}, { id: 'unpriced' }),
        fakeDeployment('m', 'dear', {}, { id: 'dear', input_cost_per_token: 3e-6, output_cost_per_token: 1.5e-5 }),
        fakeDeployment('m', 'cheap', {}, { id: 'cheap', input_cost_per_token: 1e-7, output_cost_per_token: 4e-7 }),
      ],
      routerSettings: { routing_strategy: 'cost-based-routing' },
    });
    expect(new Set(await send(router, 5))).toEqual(new Set(['cheap']));
    fakes.get('cheap').script({ ok: false, error: new SwitchyardError('rate_limit', 'slow down') });
    expect((await router.chat(request())).deployment.id).toBe('dear');
    expect((await router.chat(request())).deployment.id).toBe('dear');
  });

  it('uses prices fed by a pricing function', async () => {
    const { router } = testRouter({
      modelList: [fakeDeployment('m', 'a', {}, { id: 'a' }), fakeDeployment('m', 'b', {}, { id: 'b' })],
      routerSettings: { routing_strategy: 'cost-based-routing' },
      pricing: (deployment) => ({ inputCostPerToken: deployment.id === 'b' ? 1 : 2 }),
    });
    expect(new Set(await send(router, 5))).toEqual(new Set(['b']));
  });
});

describe('order', () => {
  it('uses the lowest order while it has a healthy deployment, then the next', async () => {
    const { router, fakes } = testRouter({
      modelList: [
        fakeDeployment('m', 'backup', { order: 2 }, { id: 'backup' }),
        fakeDeployment('m', 'p1', { order: 1 }, { id: 'p1' }),
        fakeDeployment('m', 'p2', { order: 1 }, { id: 'p2' }),
      ],
    });
    expect(await send(router, 50)).not.toContain('backup');
    fakes.get('p1').failWith(new SwitchyardError('rate_limit', 'slow'));
    fakes.get('p2').failWith(new SwitchyardError('rate_limit', 'slow'));
    const routed = await router.chat(request());
    expect(routed.deployment.id).toBe('backup');
    expect(routed.attempts).toBe(3);
    expect(await send(router, 5)).toEqual(['backup', 'backup', 'backup', 'backup', 'backup']);
  });
});
