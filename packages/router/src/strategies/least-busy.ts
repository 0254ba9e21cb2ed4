import { LowestScore, type RoutingStrategy, type StrategyDependencies } from './routing-strategy.js';

/** The deployment with the fewest calls in flight (across every instance sharing the state); ties at random. */
export function leastBusy({ view, random }: StrategyDependencies): RoutingStrategy {
  const lowest = new LowestScore(random);
  return {
    pick(_group, candidates, count) {
      lowest.reset();
      for (let index = 0; index < count; index++) {
        const slot = candidates[index] ?? 0;
        lowest.offer(slot, view.inFlight(slot));
      }
      return lowest.slot;
    },
  };
}
