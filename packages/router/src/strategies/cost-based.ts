import { LowestScore, type RoutingStrategy, type StrategyDependencies } from './routing-strategy.js';

/** The cheapest deployment by price per token (input + output); unknown prices sort last; ties at random. */
export function costBased({ random, pricePerToken }: StrategyDependencies): RoutingStrategy {
  const lowest = new LowestScore(random);
  return {
    pick(_group, candidates, count) {
      lowest.reset();
      for (let index = 0; index < count; index++) {
        const slot = candidates[index] ?? 0;
        const price = pricePerToken[slot] ?? Number.NaN;
        lowest.offer(slot, Number.isNaN(price) ? Number.POSITIVE_INFINITY : price);
      }
      return lowest.slot;
    },
  };
}
