import type { ProviderFamily } from '@switchyard/core';
import { createRouterPricing, tokenizerTokenCounter } from '@switchyard/cost';
import { createRouter, type Router } from '@switchyard/router';
import { wantsRedis, type RedisSettings } from '@switchyard/router-redis/settings';
import { z } from 'zod';
import type { DeploymentConfig, GatewayConfig } from '../config/gateway-config.js';
import type { Logger } from '../observability/logger.js';

export interface RouterEnvironment {
  /** `REDIS_URL` wins over router_settings' redis_url / redis_host. */
  REDIS_URL?: string | undefined;
  /** Key prefix of the shared router state; instances that should route as one use the same. */
  SWITCHYARD_ROUTER_REDIS_PREFIX?: string | undefined;
  /**
   * How old (ms) a model group's shared view may be before a decision reads Redis again, and how long the counts of
   * deployments without rpm/tpm/max_parallel_requests limits wait to be written (default 100; 0 = per call).
   */
  SWITCHYARD_ROUTER_SYNC_INTERVAL_MS?: string | undefined;
}

const syncInterval = z.coerce.number().int().min(0).max(60_000);

/** The sync interval the environment sets, else undefined (the package's default); a bad value is ignored. */
export function syncIntervalOf(env: RouterEnvironment): { syncIntervalMs?: number } {
  const text = env.SWITCHYARD_ROUTER_SYNC_INTERVAL_MS;
  const parsed = text === undefined || text === '' ? undefined : syncInterval.safeParse(text);
  return parsed?.success ? { syncIntervalMs: parsed.data } : {};
}

/** The config's model_list as LiteLLM writes it (env references already resolved by the loader). */
export function modelListOf(deployments: readonly DeploymentConfig[]): unknown[] {
  return deployments.map((deployment) => ({
    model_name: deployment.modelName,
    litellm_params: deployment.params,
    model_info: deployment.modelInfo,
  }));
}

/** Redis settings when the environment or router_settings ask for shared state, else undefined (in-process). */
export function redisSettingsFor(config: GatewayConfig, env: RouterEnvironment): RedisSettings | undefined {
  const settings = config.routerSettings as RedisSettings;
  if (env.REDIS_URL) return { ...settings, redis_url: env.REDIS_URL };
  return wantsRedis(settings) ? settings : undefined;
}

/**
 * The gateway's one router: the config's model list over the installed families, router and litellm settings,
 * shared state in Redis when configured, prices and tokenizer from the cost package. Unusable deployments are
 * skipped and reported in `router.warnings`.
 */
export async function buildRouter(
  config: GatewayConfig,
  families: readonly ProviderFamily[],
  logger: Logger,
  env: RouterEnvironment = process.env,
): Promise<Router> {
  const redis = redisSettingsFor(config, env);
  // router-redis (and ioredis) is imported only when Redis is configured, at start-up.
  const state =
    redis === undefined
      ? undefined
      : (await import('./redis-state.js')).redisStateFor(
          { ...redis, ...(env.SWITCHYARD_ROUTER_REDIS_PREFIX ? { prefix: env.SWITCHYARD_ROUTER_REDIS_PREFIX } : {}), ...syncIntervalOf(env) },
          logger,
        );
  return createRouter({
    modelList: modelListOf(config.deployments),
    routerSettings: config.routerSettings,
    litellmSettings: config.litellmSettings,
    providers: families,
    skipInvalidDeployments: true,
    ...(state === undefined ? {} : { state }),
    pricing: createRouterPricing(),
    tokenCounter: tokenizerTokenCounter,
  });
}
