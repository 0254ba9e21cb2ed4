// `@switchyard/router-redis/settings`: whether router_settings ask for Redis, without loading ioredis.

/** How to reach Redis, as LiteLLM's router_settings spell it. */
export interface RedisSettings {
  redis_url?: string | undefined;
  redis_host?: string | undefined;
  redis_port?: number | undefined;
  redis_password?: string | undefined;
}

/** Whether router_settings ask for Redis (a URL or a host). */
export function wantsRedis(settings: RedisSettings): boolean {
  return Boolean(settings.redis_url ?? settings.redis_host);
}
