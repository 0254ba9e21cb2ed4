import { LowestScore, type RoutingStrategy, type StrategyDependencies } from './routing-strategy.js';

/**
 * LiteLLM's usage-based-routing(-v2): the deployment that used the fewest tokens this minute, then the fewest
 * requests; ties at random. Deployments without rpm/tpm headroom were filtered out before.
 */
export function usageBased({ view, random }: StrategyDependencies): RoutingStrategy {
  const lowest = new LowestScore(random);
  return {
    pick(_group, candidates, count, _context, now) {
      lowest.reset();
      for (let index = 0; index < count; index++) {
        const slot = candidates[index] ?? 0;
        // Requests break ties between equal token counts: a token outweighs any number of requests below 1e6.
        lowest.offer(slot, view.tokensThisMinute(slot, now) * 1e6 + view.requestsThisMinute(slot, now));
      }
      return lowest.slot;
    },
  };
}
