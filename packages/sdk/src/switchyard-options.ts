import type { RouterInit, RouterState } from '@switchyard/router';

/** What `createSwitchyard` takes: the gateway's configuration, without a server. */
export interface SwitchyardOptions
  extends Pick<RouterInit, 'providers' | 'clock' | 'random' | 'tokenCounter' | 'pricing'> {
  /** LiteLLM's model_list: `{ model_name, litellm_params: { model: "<provider>/<model>", api_key, ... }, model_info }`. */
  models: readonly unknown[];
  /** LiteLLM's `router_settings` (routing_strategy, num_retries, fallbacks, cooldown_time, ...). */
  settings?: unknown;
  /** LiteLLM's `litellm_settings`; its routing keys apply where `settings` is silent. */
  litellmSettings?: unknown;
  /** Shared state, for example `createRedisRouterState()` from @switchyard/router-redis; in-process by default. */
  state?: RouterState;
}

/** Per-request options, shaped like the official OpenAI client's. */
export interface RequestOptions {
  signal?: AbortSignal;
  /** Per-attempt timeout in milliseconds. */
  timeout?: number;
  /** Retries for this request, overriding num_retries. */
  maxRetries?: number;
  /** Headers sent upstream; `x-switchyard-tags` also selects deployments by tag. */
  headers?: Record<string, string>;
  /** Fallback model groups for this request. */
  fallbacks?: readonly string[];
  disableFallbacks?: boolean;
}
