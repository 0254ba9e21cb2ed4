import type { AllowedFailsPolicy, RetryPolicy, RoutingStrategyName } from './router-settings-schema.js';

export interface BackoffOptions {
  /** The first retry's delay before jitter (LiteLLM: 0.5 s). */
  initialMs: number;
  /** The largest delay (LiteLLM: 8 s). */
  maxMs: number;
  /** The share of the delay taken off at random, 0 to 1 (LiteLLM: 0.75). */
  jitter: number;
}

export interface ModelGroupAlias {
  model: string;
  /** Hidden aliases route but are not listed by `/v1/models`. */
  hidden: boolean;
}

/** The router's behaviour, normalised from `router_settings` and `litellm_settings` with LiteLLM's defaults. */
export interface RouterOptions {
  strategy: RoutingStrategyName;
  /** Latency samples older than this are forgotten (routing_strategy_args.ttl). */
  latencyTtlMs: number;
  /** Latency-based routing picks at random among deployments within (1 + buffer) × the fastest. */
  lowestLatencyBuffer: number;
  numRetries: number;
  retryPolicy: RetryPolicy | undefined;
  groupRetryPolicy: ReadonlyMap<string, RetryPolicy>;
  /** The least time to wait before trying a deployment again (retry_after). */
  minRetryWaitMs: number;
  backoff: BackoffOptions;
  allowedFails: number;
  allowedFailsPolicy: AllowedFailsPolicy | undefined;
  cooldownMs: number;
  disableCooldowns: boolean;
  fallbacks: ReadonlyMap<string, readonly string[]>;
  defaultFallbacks: readonly string[];
  contextWindowFallbacks: ReadonlyMap<string, readonly string[]>;
  contentPolicyFallbacks: ReadonlyMap<string, readonly string[]>;
  maxFallbacks: number;
  timeoutMs: number | undefined;
  streamTimeoutMs: number | undefined;
  preCallChecks: boolean;
  tagFiltering: boolean;
  tagMatchAny: boolean;
  defaultMaxParallelRequests: number;
  aliases: ReadonlyMap<string, ModelGroupAlias>;
}
