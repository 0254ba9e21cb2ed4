import { LowestScore, type RoutingStrategy, type StrategyDependencies } from './routing-strategy.js';

/**
 * The deployment with the lowest moving-average latency; for streams, the lowest time to first token. A deployment
 * without recent samples scores 0, so it is tried and measured. With `lowest_latency_buffer` b, the pick is uniform
 * among deployments within (1 + b) × the fastest.
 */
export function latencyBased({ view, random, lowestLatencyBuffer }: StrategyDependencies): RoutingStrategy {
  const lowest = new LowestScore(random);
  const score = (slot: number, stream: boolean, now: number): number => {
    const value = stream ? view.timeToFirstTokenMs(slot, now) : view.latencyMs(slot, now);
    return Number.isNaN(value) ? 0 : value;
  };
  return {
    pick(_group, candidates, count, context, now) {
      let fastest = Number.POSITIVE_INFINITY;
      for (let index = 0; index < count; index++) {
        fastest = Math.min(fastest, score(candidates[index] ?? 0, context.stream, now));
      }
      const limit = fastest * (1 + lowestLatencyBuffer);
      lowest.reset();
      for (let index = 0; index < count; index++) {
        const slot = candidates[index] ?? 0;
        // Within the buffer every deployment scores alike, so the tie-break spreads load among them.
        if (score(slot, context.stream, now) <= limit) lowest.offer(slot, 0);
      }
      return lowest.slot;
    },
  };
}
