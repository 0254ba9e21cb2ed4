import { Redis } from 'ioredis';
import type { RedisClient } from './redis-scripts.js';
import type { RedisSettings } from './redis-settings.js';

export { wantsRedis, type RedisSettings } from './redis-settings.js';

/**
 * A client for the router's state. Commands time out quickly and are retried once, so a stalled Redis delays a
 * decision by at most the timeout before the router falls back to its own counts.
 */
export function connectRedis(settings: RedisSettings, commandTimeoutMs: number): RedisClient {
  const options = { commandTimeout: commandTimeoutMs, maxRetriesPerRequest: 1, enableAutoPipelining: true };
  if (settings.redis_url) return new Redis(settings.redis_url, options);
  return new Redis({
    ...options,
    host: settings.redis_host ?? '127.0.0.1',
    port: settings.redis_port ?? 6379,
    ...(settings.redis_password ? { password: settings.redis_password } : {}),
  });
}
