import type { ModelPrice, PriceTier } from '../price-table/model-price.js';
import type { AppliedRates } from './cost-result.js';

/** xAI bills the higher tier once the prompt reaches the threshold; everyone else once it exceeds it. */
function thresholdIsInclusive(provider: string): boolean {
  return provider === 'xai';
}

/** The highest tier whose threshold the prompt passes, as LiteLLM picks it. */
export function selectTier(price: ModelPrice, promptTokens: number): PriceTier | undefined {
  const inclusive = thresholdIsInclusive(price.provider);
  let selected: PriceTier | undefined;
  for (const tier of price.tiers) {
    if (promptTokens > tier.aboveTokens || (inclusive && promptTokens === tier.aboveTokens)) selected = tier;
  }
  return selected;
}

/**
 * The rates for one request. A tier replaces every rate it names; a rate it does not name stays at the base rate.
 * Cache reads and writes without a rate of their own cost the input rate; reasoning without its own rate costs
 * the (tiered) output rate. A rate absent everywhere stays undefined: the caller reports it, never bills 0.
 */
export function selectRates(price: ModelPrice, tier: PriceTier | undefined): Partial<AppliedRates> {
  const base = price.rates;
  const input = tier?.rates.input ?? base.input;
  const output = tier?.rates.output ?? base.output;
  const rates: { -readonly [K in keyof AppliedRates]?: number } = {};
  const cacheRead = tier?.rates.cacheRead ?? base.cacheRead ?? input;
  const cacheWrite = tier?.rates.cacheCreation ?? base.cacheCreation ?? input;
  const reasoning = tier?.rates.reasoning ?? base.reasoning ?? output;
  if (input !== undefined) rates.input = input;
  if (output !== undefined) rates.output = output;
  if (cacheRead !== undefined) rates.cacheRead = cacheRead;
  if (cacheWrite !== undefined) rates.cacheWrite = cacheWrite;
  if (reasoning !== undefined) rates.reasoning = reasoning;
  return rates;
}
