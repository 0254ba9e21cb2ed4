import { toFallbackMap } from './fallback-map.js';
import type { ModelGroupAlias, RouterOptions } from './router-options.js';
import {
  litellmRoutingSettingsSchema,
  routerSettingsSchema,
  type LitellmRoutingSettings,
  type RouterSettings,
} from './router-settings-schema.js';

const defaults = {
  numRetries: 2,
  allowedFails: 3,
  cooldownSeconds: 5,
  maxFallbacks: 5,
  latencyTtlSeconds: 3600,
} as const;

function aliasMap(aliases: RouterSettings['model_group_alias']): Map<string, ModelGroupAlias> {
  const map = new Map<string, ModelGroupAlias>();
  for (const [alias, target] of Object.entries(aliases ?? {})) {
    map.set(alias, typeof target === 'string' ? { model: target, hidden: false } : { model: target.model, hidden: target.hidden ?? false });
  }
  return map;
}

const toMs = (seconds: number | undefined): number | undefined => (seconds === undefined ? undefined : seconds * 1000);

/**
 * Validates `router_settings` and `litellm_settings` (either may be undefined) and fills LiteLLM's defaults.
 * Throws a ZodError naming the offending key.
 */
export function resolveRouterOptions(routerSettings?: unknown, litellmSettings?: unknown): RouterOptions {
  const router: RouterSettings = routerSettingsSchema.parse(routerSettings ?? {});
  const litellm: LitellmRoutingSettings = litellmRoutingSettingsSchema.parse(litellmSettings ?? {});
  const pick = <K extends keyof LitellmRoutingSettings & keyof RouterSettings>(key: K): RouterSettings[K] =>
    router[key] ?? litellm[key];
  return {
    strategy: router.routing_strategy ?? 'simple-shuffle',
    latencyTtlMs: (router.routing_strategy_args?.ttl ?? defaults.latencyTtlSeconds) * 1000,
    lowestLatencyBuffer: router.routing_strategy_args?.lowest_latency_buffer ?? 0,
    numRetries: pick('num_retries') ?? defaults.numRetries,
    retryPolicy: pick('retry_policy'),
    groupRetryPolicy: new Map(Object.entries(router.model_group_retry_policy ?? {})),
    minRetryWaitMs: (router.retry_after ?? 0) * 1000,
    backoff: { initialMs: 500, maxMs: 8000, jitter: 0.75 },
    allowedFails: pick('allowed_fails') ?? defaults.allowedFails,
    allowedFailsPolicy: pick('allowed_fails_policy'),
    cooldownMs: (pick('cooldown_time') ?? defaults.cooldownSeconds) * 1000,
    disableCooldowns: router.disable_cooldowns ?? false,
    fallbacks: toFallbackMap(pick('fallbacks')),
    defaultFallbacks: pick('default_fallbacks') ?? [],
    contextWindowFallbacks: toFallbackMap(pick('context_window_fallbacks')),
    contentPolicyFallbacks: toFallbackMap(pick('content_policy_fallbacks')),
    maxFallbacks: pick('max_fallbacks') ?? defaults.maxFallbacks,
    timeoutMs: toMs(router.timeout ?? litellm.request_timeout),
    streamTimeoutMs: toMs(pick('stream_timeout')),
    preCallChecks: router.enable_pre_call_checks ?? false,
    tagFiltering: router.enable_tag_filtering ?? false,
    tagMatchAny: router.tag_filtering_match_any ?? true,
    defaultMaxParallelRequests: router.default_max_parallel_requests ?? 0,
    aliases: aliasMap(router.model_group_alias),
  };
}
