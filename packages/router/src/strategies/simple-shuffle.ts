import type { ModelGroup } from '../deployments/model-group.js';
import type { RandomSource } from '../random.js';
import type { RoutingStrategy, StrategyDependencies } from './routing-strategy.js';

/** Weighted pick among the contiguous slots first..last (the common case: nothing excluded) by binary search. */
function pickInRun(group: ModelGroup, first: number, last: number, random: RandomSource): number {
  const totals = group.cumulativeWeights;
  const low = first - group.start;
  const base = low > 0 ? (totals[low - 1] ?? 0) : 0;
  const total = (totals[last - group.start] ?? 0) - base;
  if (total <= 0) return first + Math.floor(random() * (last - first + 1));
  const target = base + random() * total;
  let lo = low;
  let hi = last - group.start;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((totals[mid] ?? 0) > target) hi = mid;
    else lo = mid + 1;
  }
  return group.start + lo;
}

/**
 * LiteLLM's default: a weighted random pick, weighted by `weight`, else `rpm`, else `tpm` (the group decides once),
 * else uniform. When every eligible deployment weighs 0, the pick is uniform.
 */
export function simpleShuffle({ random }: StrategyDependencies): RoutingStrategy {
  return {
    pick(group, candidates, count) {
      const first = candidates[0] ?? 0;
      const last = candidates[count - 1] ?? 0;
      if (last - first === count - 1) return pickInRun(group, first, last, random);
      const weights = group.shuffleWeights;
      let total = 0;
      for (let index = 0; index < count; index++) total += weights[(candidates[index] ?? 0) - group.start] ?? 0;
      if (total <= 0) return candidates[Math.floor(random() * count)] ?? -1;
      let remaining = random() * total;
      for (let index = 0; index < count; index++) {
        const slot = candidates[index] ?? 0;
        remaining -= weights[slot - group.start] ?? 0;
        if (remaining < 0) return slot;
      }
      return last;
    },
  };
}
