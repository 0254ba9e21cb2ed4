import type { RoutingStrategyName } from '../config/router-settings-schema.js';
import { costBased } from './cost-based.js';
import { latencyBased } from './latency-based.js';
import { leastBusy } from './least-busy.js';
import type { RoutingStrategy, StrategyDependencies } from './routing-strategy.js';
import { simpleShuffle } from './simple-shuffle.js';
import { usageBased } from './usage-based.js';

const factories: Record<RoutingStrategyName, (dependencies: StrategyDependencies) => RoutingStrategy> = {
  'simple-shuffle': simpleShuffle,
  'least-busy': leastBusy,
  'latency-based-routing': latencyBased,
  'usage-based-routing': usageBased,
  'usage-based-routing-v2': usageBased,
  'cost-based-routing': costBased,
};

export function createStrategy(name: RoutingStrategyName, dependencies: StrategyDependencies): RoutingStrategy {
  return factories[name](dependencies);
}
