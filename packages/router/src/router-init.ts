import type { RouterClock } from './clock.js';
import type { RouterOptions } from './config/router-options.js';
import type { Deployment } from './deployments/deployment.js';
import type { ProviderSource } from './deployments/provider-source.js';
import type { RandomSource } from './random.js';
import type { TokenCounter } from './selection/token-counter.js';
import type { RouterState } from './state/router-state.js';

/** What a price source (the cost package's catalog) knows about a deployment's model. */
export interface DeploymentPrice {
  inputCostPerToken?: number | undefined;
  outputCostPerToken?: number | undefined;
  /** Used by the context-window pre-call check when model_info sets no max_input_tokens. */
  maxInputTokens?: number | undefined;
}

export interface RouterInit {
  /** LiteLLM's model_list: `{ model_name, litellm_params: { model: "<provider>/<model>", ... }, model_info }`. */
  modelList: readonly unknown[];
  /** The provider families installed (the router imports none), or a function that supplies a provider. */
  providers: ProviderSource;
  /** LiteLLM's `router_settings`, validated here. */
  routerSettings?: unknown;
  /** LiteLLM's `litellm_settings`; its routing keys apply where router_settings does not set them. */
  litellmSettings?: unknown;
  /**
   * Skip model_list entries that cannot be used (no provider serves them, invalid params, a family rejecting its
   * settings), listing each in `router.warnings`, instead of throwing. A gateway starting from a config file wants
   * this; the SDK throws.
   */
  skipInvalidDeployments?: boolean;
  /** Options already resolved with `resolveRouterOptions`; used instead of the two settings objects. */
  options?: RouterOptions;
  /** Shared state; in-process by default. Pass `@switchyard/router-redis` to route as one across instances. */
  state?: RouterState;
  clock?: RouterClock;
  random?: RandomSource;
  tokenCounter?: TokenCounter;
  /**
   * Prices for cost-based routing and context windows for the pre-call check, by deployment; model_info's values
   * win. The cost package's `createRouterPricing()` fits here.
   */
  pricing?: (deployment: Deployment) => DeploymentPrice | undefined;
}
