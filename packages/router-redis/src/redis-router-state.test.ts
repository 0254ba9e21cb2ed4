import { SwitchyardError, type ChatCompletionRequest } from '@switchyard/core';
import { testRouter } from '@switchyard/router/testing';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createRedisRouterState } from './redis-router-state.js';
import { redisAvailable, redisUrl } from './testing/redis-test-env.js';
import { instancesClosedAfterEach, named } from './testing/router-instances.js';

const available = await redisAvailable();
const request: ChatCompletionRequest = { model: 'm', messages: [{ role: 'user', content: 'hi' }] };

/** Instances that read and write Redis on every decision and call (syncIntervalMs 0): the per-call semantics. */
const instances = instancesClosedAfterEach(0);

describe.skipIf(!available)('RedisRouterState with two router instances', () => {
  it("honours the other instance's cooldown", async () => {
    const { instances: [a, b], clock } = instances(2, [named('primary', { order: 1 }), named('backup', { order: 2 })], { cooldown_time: 10 });
    a!.fakes.get('primary').script({ ok: false, error: new SwitchyardError('rate_limit', 'slow down') });
    expect((await a!.router.chat(request)).deployment.id).toBe('backup');
    for (let index = 0; index < 5; index++) expect((await b!.router.chat(request)).deployment.id).toBe('backup');
    expect(b!.fakes.get('primary').calls).toHaveLength(0);
    clock.advance(10_000);
    expect((await b!.router.chat(request)).deployment.id).toBe('primary');
  });

  it("honours the other instance's rpm use, to the request", async () => {
    const { instances: [a, b], clock } = instances(2, [named('primary', { order: 1, rpm: 3 }), named('backup', { order: 2 })]);
    const served: string[] = [];
    for (const instance of [a, b, a, b, a, b]) served.push((await instance!.router.chat(request)).deployment.id);
    expect(served).toEqual(['primary', 'primary', 'primary', 'backup', 'backup', 'backup']);
    clock.advance(60_000);
    expect((await b!.router.chat(request)).deployment.id).toBe('primary');
  });

  it('never lets concurrent requests on two instances exceed an rpm limit', async () => {
    const { instances: [a, b] } = instances(2, [named('primary', { order: 1, rpm: 5 }), named('backup', { order: 2 })]);
    const results = await Promise.all(Array.from({ length: 20 }, (_, index) => (index % 2 ? a : b)!.router.chat(request)));
    expect(results.filter((routed) => routed.deployment.id === 'primary')).toHaveLength(5);
    expect(results.filter((routed) => routed.deployment.id === 'backup')).toHaveLength(15);
  });

  it('counts failures from both instances against allowed_fails', async () => {
    const { instances: [a, b] } = instances(2, [named('primary', { order: 1 }), named('backup', { order: 2 })], {
      allowed_fails: 1,
      num_retries: 0,
    });
    for (const instance of [a, b]) instance!.fakes.get('primary').script({ ok: false, error: new SwitchyardError('internal', 'boom') });
    await expect(a!.router.chat(request)).rejects.toMatchObject({ kind: 'internal' });
    await expect(b!.router.chat(request)).rejects.toMatchObject({ kind: 'internal' });
    expect((await a!.router.chat(request)).deployment.id).toBe('backup');
  });

  it("routes latency-based on the other instance's measurements and shares in-flight counts", async () => {
    const { instances: [a, b], clock } = instances(2, [named('slow'), named('fast')], { routing_strategy: 'latency-based-routing' });
    a!.fakes.get('slow').fallback = { ok: true, latencyMs: 900 };
    a!.fakes.get('fast').fallback = { ok: true, latencyMs: 40 };
    for (let index = 0; index < 4; index++) await a!.router.chat(request);
    await a!.state.flush();
    for (let index = 0; index < 5; index++) expect((await b!.router.chat(request)).deployment.id).toBe('fast');

    const open = await a!.router.streamChat(request);
    expect(open.deployment.id).toBe('fast');
    await b!.state.refresh(0, 2, clock.now());
    expect(b!.state.view.inFlight(1)).toBe(1);
    for await (const _part of open.stream) void _part;
    await a!.state.flush();
    await b!.state.refresh(0, 2, clock.now());
    expect(b!.state.view.inFlight(1)).toBe(0);
  });

  it('stops counting a call in flight once it is presumed lost (its instance crashed)', async () => {
    const { instances: [a, b], clock } = instances(2, [named('only', { max_parallel_requests: 1 })]);
    await a!.router.streamChat(request);
    await expect(b!.router.streamChat(request)).rejects.toMatchObject({ kind: 'rate_limit' });
    clock.advance(10 * 60_000 + 1);
    const later = await b!.router.streamChat(request);
    expect(later.deployment.id).toBe('only');
    for await (const _part of later.stream) void _part;
  });

  it('keeps every key of a group under one hash tag', async () => {
    const { instances: [a], prefix } = instances(1, [named('x', { rpm: 10 }), named('y', { rpm: 10 })], { routing_strategy: 'latency-based-routing' });
    for (let index = 0; index < 4; index++) await a!.router.chat(request);
    await a!.state.flush();
    const client = new Redis(redisUrl);
    const keys = await client.keys(`${prefix}*`);
    await client.quit();
    expect(keys.length).toBeGreaterThanOrEqual(6);
    expect(new Set(keys.map((key) => /\{[^}]+\}/.exec(key)?.[0])).size).toBe(1);
  });
});

describe('RedisRouterState without Redis', () => {
  it('keeps routing on local counts and reports the error', async () => {
    const errors: unknown[] = [];
    const state = createRedisRouterState({ redis_url: 'redis://127.0.0.1:1', commandTimeoutMs: 200, onError: (error) => errors.push(error) });
    const { router } = testRouter({ modelList: [named('only', { rpm: 2 })], state });
    expect((await router.chat(request)).deployment.id).toBe('only');
    expect((await router.chat(request)).deployment.id).toBe('only');
    await expect(router.chat(request)).rejects.toMatchObject({ kind: 'rate_limit' });
    expect(errors.length).toBeGreaterThan(0);
    await router.close();
  });
});
