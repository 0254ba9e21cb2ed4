import { z } from 'zod';

/** A number as YAML writes it, or the text of one when it came from `os.environ/NAME`. */
const count = z.coerce.number().int().min(0);
const seconds = z.coerce.number().positive();
const flag = z.union([z.boolean(), z.stringbool()]);

/** LiteLLM writes fallbacks as a list of one-key maps, `[{"gpt-4o": ["claude"]}]`; a plain map is accepted too. */
export const fallbackListSchema = z.union([
  z.array(z.record(z.string(), z.array(z.string().min(1)))),
  z.record(z.string(), z.array(z.string().min(1))),
]);

export const retryPolicySchema = z.looseObject({
  BadRequestErrorRetries: count.optional(),
  AuthenticationErrorRetries: count.optional(),
  TimeoutErrorRetries: count.optional(),
  RateLimitErrorRetries: count.optional(),
  ContentPolicyViolationErrorRetries: count.optional(),
  InternalServerErrorRetries: count.optional(),
});

export const allowedFailsPolicySchema = z.looseObject({
  BadRequestErrorAllowedFails: count.optional(),
  AuthenticationErrorAllowedFails: count.optional(),
  TimeoutErrorAllowedFails: count.optional(),
  RateLimitErrorAllowedFails: count.optional(),
  ContentPolicyViolationErrorAllowedFails: count.optional(),
  InternalServerErrorAllowedFails: count.optional(),
});

export const routingStrategyNames = [
  'simple-shuffle',
  'least-busy',
  'latency-based-routing',
  'usage-based-routing',
  'usage-based-routing-v2',
  'cost-based-routing',
] as const;

export const modelGroupAliasSchema = z.record(
  z.string(),
  z.union([z.string().min(1), z.looseObject({ model: z.string().min(1), hidden: flag.optional() })]),
);

/** The keys both `router_settings` and `litellm_settings` may carry (router_settings wins). */
const sharedShape = {
  num_retries: count.max(20).optional(),
  allowed_fails: count.optional(),
  cooldown_time: z.coerce.number().min(0).optional(),
  fallbacks: fallbackListSchema.optional(),
  default_fallbacks: z.array(z.string().min(1)).optional(),
  context_window_fallbacks: fallbackListSchema.optional(),
  content_policy_fallbacks: fallbackListSchema.optional(),
  max_fallbacks: count.optional(),
  retry_policy: retryPolicySchema.optional(),
  allowed_fails_policy: allowedFailsPolicySchema.optional(),
  stream_timeout: seconds.optional(),
};

/** LiteLLM's `router_settings`. Objects are loose: keys the router does not read are kept, and listed by `ignoredRouterSettingKeys`. */
export const routerSettingsSchema = z.looseObject({
  ...sharedShape,
  routing_strategy: z.enum(routingStrategyNames).optional(),
  routing_strategy_args: z
    .looseObject({ ttl: seconds.optional(), lowest_latency_buffer: z.coerce.number().min(0).optional() })
    .optional(),
  model_group_alias: modelGroupAliasSchema.optional(),
  model_group_retry_policy: z.record(z.string(), retryPolicySchema).optional(),
  timeout: seconds.optional(),
  retry_after: z.coerce.number().min(0).optional(),
  disable_cooldowns: flag.optional(),
  enable_pre_call_checks: flag.optional(),
  enable_tag_filtering: flag.optional(),
  tag_filtering_match_any: flag.optional(),
  default_max_parallel_requests: count.optional(),
  redis_url: z.string().min(1).optional(),
  redis_host: z.string().min(1).optional(),
  redis_port: z.coerce.number().int().positive().optional(),
  redis_password: z.coerce.string().optional(),
});

/** The routing keys LiteLLM also accepts in `litellm_settings`. */
export const litellmRoutingSettingsSchema = z.looseObject({
  ...sharedShape,
  request_timeout: seconds.optional(),
});

export type RouterSettings = z.infer<typeof routerSettingsSchema>;
export type LitellmRoutingSettings = z.infer<typeof litellmRoutingSettingsSchema>;
export type RoutingStrategyName = (typeof routingStrategyNames)[number];
export type RetryPolicy = z.infer<typeof retryPolicySchema>;
export type AllowedFailsPolicy = z.infer<typeof allowedFailsPolicySchema>;
export type FallbackList = z.infer<typeof fallbackListSchema>;

const readRouterKeys = new Set([...Object.keys(routerSettingsSchema.shape)]);

/** `router_settings` keys present in `settings` that the router does not act on, for a start-up warning. */
export function ignoredRouterSettingKeys(settings: Record<string, unknown>): string[] {
  return Object.keys(settings).filter((key) => !readRouterKeys.has(key));
}
