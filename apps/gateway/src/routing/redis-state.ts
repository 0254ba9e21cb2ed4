import type { RouterState } from '@switchyard/router';
import { createRedisRouterState, type RedisRouterStateOptions } from '@switchyard/router-redis';
import type { Logger } from '../observability/logger.js';

/**
 * The router's shared state in Redis. build-router.ts imports this module (and with it router-redis and ioredis)
 * only when Redis is configured, at start-up.
 */
export function redisStateFor(options: Omit<RedisRouterStateOptions, 'onError'>, logger: Logger): RouterState {
  let reported = false;
  return createRedisRouterState({
    ...options,
    onError: (error) => {
      // The router keeps routing on its own counts; one line per outage is enough.
      if (reported) return;
      reported = true;
      logger.warn({ err: { message: error instanceof Error ? error.message : String(error) } }, 'router state: Redis unavailable, routing on local counts');
      setTimeout(() => (reported = false), 60_000).unref();
    },
  });
}
