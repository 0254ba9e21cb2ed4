import type { Deployment } from '../deployments/deployment.js';
import type { ModelGroup } from '../deployments/model-group.js';
import type { RandomSource } from '../random.js';
import type { RoutingContext } from '../selection/routing-context.js';
import type { DeploymentView } from '../state/router-state.js';

/**
 * Chooses one of the eligible deployments. `candidates[0..count)` are slots that passed every filter (cooldown,
 * limits, tags, pre-call checks) in the best order tier; `count` is at least 1. Must not allocate.
 */
export interface RoutingStrategy {
  pick(group: ModelGroup, candidates: Int32Array, count: number, context: RoutingContext, now: number): number;
}

export interface StrategyDependencies {
  deployments: readonly Deployment[];
  view: DeploymentView;
  random: RandomSource;
  lowestLatencyBuffer: number;
  /** Price per token (input + output) by slot; NaN when unknown. */
  pricePerToken: Float64Array;
}

/** Keeps the lowest score offered, breaking ties uniformly at random (reservoir sampling), without allocating. */
export class LowestScore {
  slot = -1;
  #score = Number.POSITIVE_INFINITY;
  #ties = 0;

  constructor(private readonly random: RandomSource) {}

  reset(): void {
    this.slot = -1;
    this.#score = Number.POSITIVE_INFINITY;
    this.#ties = 0;
  }

  offer(slot: number, score: number): void {
    if (this.slot < 0 || score < this.#score) {
      this.slot = slot;
      this.#score = score;
      this.#ties = 1;
    } else if (score === this.#score && this.random() * ++this.#ties < 1) {
      this.slot = slot;
    }
  }
}
