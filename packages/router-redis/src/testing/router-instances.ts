import type { Router } from '@switchyard/router';
import { fakeDeployment, FakeProviders, ManualClock, testRouter } from '@switchyard/router/testing';
import { Redis } from 'ioredis';
import { afterEach } from 'vitest';
import { createRedisRouterState, type RedisRouterState } from '../redis-router-state.js';
import { isolatedPrefix, redisUrl } from './redis-test-env.js';

export const named = (name: string, params: Record<string, unknown> = {}) => fakeDeployment('m', name, params, { id: name });

export interface Instance {
  router: Router;
  fakes: FakeProviders;
  state: RedisRouterState;
  /** Commands this instance sent to Redis so far. */
  commands: () => number;
}

/**
 * N router instances sharing one Redis (one prefix) and one clock, each with its own providers, like N gateways.
 * `cleanUp` closes them and deletes their keys.
 */
export function instances(count: number, modelList: unknown[], routerSettings: Record<string, unknown> = {}, syncIntervalMs = 0) {
  const { prefix, cleanUp: deleteKeys } = isolatedPrefix();
  const clock = new ManualClock();
  const clients: Redis[] = [];
  const created: Instance[] = Array.from({ length: count }, () => {
    const client = new Redis(redisUrl);
    clients.push(client);
    let sent = 0;
    const send = client.sendCommand.bind(client);
    client.sendCommand = (...args: Parameters<Redis['sendCommand']>) => {
      sent++;
      return send(...args);
    };
    const state = createRedisRouterState({ client, prefix, syncIntervalMs });
    const fakes = new FakeProviders(clock);
    return { router: testRouter({ modelList, routerSettings, state, clock, fakes }).router, fakes, state, commands: () => sent };
  });
  const cleanUp = async () => {
    for (const instance of created) await instance.router.close();
    for (const client of clients) await client.quit();
    await deleteKeys();
  };
  return { instances: created, clock, prefix, cleanUp };
}

/**
 * `instances` for one test file, with the file's sync interval: what each test created is closed, and its keys
 * deleted, after that test.
 */
export function instancesClosedAfterEach(syncIntervalMs: number) {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanUp of cleanups.splice(0)) await cleanUp();
  });
  return (count: number, modelList: unknown[], routerSettings: Record<string, unknown> = {}) => {
    const created = instances(count, modelList, routerSettings, syncIntervalMs);
    cleanups.push(created.cleanUp);
    return created;
  };
}
