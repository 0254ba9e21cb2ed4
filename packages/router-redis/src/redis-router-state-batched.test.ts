import { SwitchyardError, type ChatCompletionRequest } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { redisAvailable } from './testing/redis-test-env.js';
import { instancesClosedAfterEach, named } from './testing/router-instances.js';

const available = await redisAvailable();
const request: ChatCompletionRequest = { model: 'm', messages: [{ role: 'user', content: 'hi' }] };

/** Instances with a sync interval of 100 ms (the default): deployments without limits are counted in batches. */
const instances = instancesClosedAfterEach(100);

describe.skipIf(!available)('RedisRouterState, deployments without limits counted in batches', () => {
  it('writes a group once per interval, however many calls it served, and the other instance sees them', async () => {
    const { instances: [a, b], clock } = instances(2, [named('x'), named('y')], { routing_strategy: 'least-busy' });
    await a!.router.chat(request);
    await a!.state.flush();
    const before = a!.commands();
    for (let index = 0; index < 49; index++) await a!.router.chat(request);
    await a!.state.flush();
    // Within the interval (the clock stands still) the 49 calls were one write, with the flush.
    expect(a!.commands() - before).toBe(1);
    clock.advance(100);
    await b!.state.refresh(0, 2, clock.now());
    expect(b!.state.view.requestsThisMinute(0, clock.now()) + b!.state.view.requestsThisMinute(1, clock.now())).toBe(50);
    expect(b!.state.view.inFlight(0) + b!.state.view.inFlight(1)).toBe(0);
  });

  it('shares in-flight counts after a sync, and drops them when the calls end', async () => {
    const { instances: [a, b], clock } = instances(2, [named('only')]);
    const open = await a!.router.streamChat(request);
    await a!.state.flush();
    clock.advance(100);
    await b!.state.refresh(0, 1, clock.now());
    expect(b!.state.view.inFlight(0)).toBe(1);
    for await (const _part of open.stream) void _part;
    await a!.state.flush();
    clock.advance(100);
    await b!.state.refresh(0, 1, clock.now());
    expect(b!.state.view.inFlight(0)).toBe(0);
    expect(b!.state.view.latencyMs(0, clock.now())).toBeNaN();
  });

  it('writes a failure at once, so the other instance cools the deployment down at its next read', async () => {
    const { instances: [a, b], clock } = instances(2, [named('primary', { order: 1 }), named('backup', { order: 2 })], {
      allowed_fails: 1,
      num_retries: 0,
    });
    for (const instance of [a, b]) instance!.fakes.get('primary').script({ ok: false, error: new SwitchyardError('internal', 'boom') });
    await expect(a!.router.chat(request)).rejects.toMatchObject({ kind: 'internal' });
    await expect(b!.router.chat(request)).rejects.toMatchObject({ kind: 'internal' });
    clock.advance(100);
    expect((await a!.router.chat(request)).deployment.id).toBe('backup');
  });

  it('still counts a deployment with an rpm limit per call: concurrent requests on two instances never exceed it', async () => {
    const { instances: [a, b] } = instances(2, [named('primary', { order: 1, rpm: 5 }), named('backup', { order: 2 })]);
    const results = await Promise.all(Array.from({ length: 20 }, (_, index) => (index % 2 ? a : b)!.router.chat(request)));
    expect(results.filter((routed) => routed.deployment.id === 'primary')).toHaveLength(5);
    expect(results.filter((routed) => routed.deployment.id === 'backup')).toHaveLength(15);
  });
});
