import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../config/load-config.js';
import { createLogger } from '../observability/logger.js';
import { installedFamilies } from '../providers/installed-families.js';
import { buildRouter, redisSettingsFor, syncIntervalOf } from './build-router.js';

const fixtureDir = join(import.meta.dirname, '..', 'config', '__fixtures__', 'litellm-configs');
const silent = createLogger({ level: 'silent' });

function withoutRedis(settings: Record<string, unknown>): Record<string, unknown> {
  const { redis_host: _host, redis_port: _port, redis_password: _password, redis_url: _url, ...rest } = settings;
  return rest;
}

describe('every LiteLLM fixture config builds a router with the installed provider families', () => {
  it.each(readdirSync(fixtureDir).filter((name) => name.endsWith('.yaml')))('%s: served or skipped with a warning, never a crash', async (name) => {
    const path = join(fixtureDir, name);
    const text = readFileSync(path, 'utf8');
    const env: NodeJS.ProcessEnv = {};
    for (const match of text.matchAll(/os\.environ\/(\w+)/g)) env[match[1]!] = match[1]!.endsWith('_PORT') ? '6379' : `dummy-${match[1]!}`;
    const loaded = loadConfigFile(path, env);
    const config = { ...loaded, routerSettings: withoutRedis(loaded.routerSettings) };
    const router = await buildRouter(config, installedFamilies(), silent, {});
    const skipped = router.warnings.filter((warning) => config.deployments.some((d) => warning.includes(d.modelName)));
    expect(router.deployments.length + skipped.length).toBeGreaterThanOrEqual(config.deployments.length);
    await router.close();
  });
});

describe('redisSettingsFor', () => {
  const path = join(fixtureDir, 'proxy_server_config.yaml');
  const env: NodeJS.ProcessEnv = { REDIS_HOST: 'r', REDIS_PORT: '6380', REDIS_PASSWORD: 'p' };
  for (const match of readFileSync(path, 'utf8').matchAll(/os\.environ\/(\w+)/g)) env[match[1]!] ??= 'k';
  const base = loadConfigFile(path, env);
  it('takes router_settings redis_host / port / password', () => {
    expect(redisSettingsFor(base, {})).toMatchObject({ redis_host: 'r', redis_port: 6380, redis_password: 'p' });
  });
  it('lets REDIS_URL win, and is undefined (in-process state) without either', () => {
    expect(redisSettingsFor(base, { REDIS_URL: 'redis://x:1' })?.redis_url).toBe('redis://x:1');
    expect(redisSettingsFor({ ...base, routerSettings: {} }, {})).toBeUndefined();
  });
});

describe('syncIntervalOf', () => {
  it('reads SWITCHYARD_ROUTER_SYNC_INTERVAL_MS, and leaves a missing or bad value to the default', () => {
    expect(syncIntervalOf({ SWITCHYARD_ROUTER_SYNC_INTERVAL_MS: '0' })).toEqual({ syncIntervalMs: 0 });
    expect(syncIntervalOf({ SWITCHYARD_ROUTER_SYNC_INTERVAL_MS: '250' })).toEqual({ syncIntervalMs: 250 });
    for (const bad of [undefined, '', '-1', 'soon', '1.5', '3600000']) expect(syncIntervalOf({ SWITCHYARD_ROUTER_SYNC_INTERVAL_MS: bad })).toEqual({});
  });
});
