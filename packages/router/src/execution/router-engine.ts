import type { RouterClock } from '../clock.js';
import type { RouterOptions } from '../config/router-options.js';
import type { Deployment } from '../deployments/deployment.js';
import type { ModelRegistry } from '../deployments/model-registry.js';
import type { RandomSource } from '../random.js';
import type { DeploymentSelector } from '../selection/deployment-selector.js';
import type { TokenCounter } from '../selection/token-counter.js';
import type { RouterState } from '../state/router-state.js';

/** Everything a routed request needs, built once per router. */
export interface RouterEngine {
  readonly deployments: readonly Deployment[];
  readonly registry: ModelRegistry;
  readonly state: RouterState;
  readonly selector: DeploymentSelector;
  readonly options: RouterOptions;
  readonly clock: RouterClock;
  readonly random: RandomSource;
  readonly tokenCounter: TokenCounter;
  /** Whether token usage must be read from answers (a tpm limit or usage-based routing needs it). */
  readonly countsTokens: boolean;
}
