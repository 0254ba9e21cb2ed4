import type { ModelPrice, PriceTier, TokenRates } from './model-price.js';
import type { PriceTableEntry, SupportFlag, TieredPricingEntry } from './price-table-entry.js';

type MutableRates = { -readonly [K in keyof TokenRates]: number };

const tierKey = /^input_cost_per_token_above_(\d+)(k?)_tokens$/;

function compactRates(rates: Partial<Record<keyof TokenRates, number | undefined>>): TokenRates {
  const compact: MutableRates = {};
  for (const [name, value] of Object.entries(rates) as Array<[keyof TokenRates, number | undefined]>) {
    if (value !== undefined) compact[name] = value;
  }
  return compact;
}

function baseRates(entry: PriceTableEntry): TokenRates {
  return compactRates({
    input: entry.input_cost_per_token,
    output: entry.output_cost_per_token,
    cacheRead: entry.cache_read_input_token_cost,
    cacheCreation: entry.cache_creation_input_token_cost,
    reasoning: entry.output_cost_per_reasoning_token,
  });
}

/**
 * `*_above_{N}k_tokens` keys. LiteLLM finds tiers by their input key; the output and cache keys of a tier fall back
 * to the base rates when absent, and reasoning keeps its base rate (see README, "How cost is computed").
 */
function thresholdTiers(entry: PriceTableEntry): PriceTier[] {
  const tiers: PriceTier[] = [];
  for (const key of Object.keys(entry)) {
    const match = tierKey.exec(key);
    if (!match) continue;
    const suffix: `above_${string}_tokens` = `above_${match[1]}${match[2]}_tokens`;
    const aboveTokens = Number(match[1]) * (match[2] ? 1000 : 1);
    tiers.push({
      aboveTokens,
      rates: compactRates({
        input: entry[`input_cost_per_token_${suffix}`],
        output: entry[`output_cost_per_token_${suffix}`],
        cacheRead: entry[`cache_read_input_token_cost_${suffix}`],
        cacheCreation: entry[`cache_creation_input_token_cost_${suffix}`],
      }),
    });
  }
  return tiers;
}

/**
 * LiteLLM's `tiered_pricing` (Dashscope): one tier's rates bill the whole request; a tier's missing cache rates
 * are its input rate, its missing output rate the model's, its missing reasoning rate its output rate.
 */
function listedTiers(list: readonly TieredPricingEntry[], entry: PriceTableEntry): PriceTier[] {
  return list
    .filter((tier) => tier.input_cost_per_token !== undefined)
    .map((tier) => {
      const output = tier.output_cost_per_token ?? entry.output_cost_per_token;
      return {
        aboveTokens: tier.range[0],
        rates: compactRates({
          input: tier.input_cost_per_token,
          output,
          cacheRead: tier.cache_read_input_token_cost ?? tier.input_cost_per_token,
          cacheCreation: tier.cache_creation_input_token_cost ?? tier.input_cost_per_token,
          reasoning: tier.output_cost_per_reasoning_token ?? tier.output_cost_per_token,
        }),
      };
    });
}

function supports(entry: PriceTableEntry): Partial<Record<SupportFlag, boolean>> {
  const flags: Partial<Record<SupportFlag, boolean>> = {};
  for (const [field, value] of Object.entries(entry)) {
    if (field.startsWith('supports_') && typeof value === 'boolean') flags[field as SupportFlag] = value;
  }
  return flags;
}

/** Turns a table entry (possibly with custom prices merged in) into the typed price `computeCost` reads. */
export function toModelPrice(key: string, entry: PriceTableEntry, source: ModelPrice['source'] = 'table'): ModelPrice {
  const tiers = entry.tiered_pricing ? listedTiers(entry.tiered_pricing, entry) : thresholdTiers(entry);
  tiers.sort((a, b) => a.aboveTokens - b.aboveTokens);
  return {
    key,
    provider: entry.litellm_provider,
    ...(entry.mode !== undefined ? { mode: entry.mode } : {}),
    ...(entry.max_input_tokens !== undefined ? { maxInputTokens: entry.max_input_tokens } : {}),
    ...(entry.max_output_tokens !== undefined ? { maxOutputTokens: entry.max_output_tokens } : {}),
    rates: baseRates(entry),
    tiers,
    supports: supports(entry),
    source,
  };
}
