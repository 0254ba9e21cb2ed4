import type { Usage } from '@switchyard/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getModelPrice } from '../price-table/default-catalog.js';
import { toModelPrice } from '../price-table/to-model-price.js';
import { computeCost, computeCostTotal } from './compute-cost.js';

const prices = [
  getModelPrice('gpt-4o-mini'),
  getModelPrice('claude-sonnet-4-20250514'),
  getModelPrice('gemini/gemini-2.5-pro'),
  getModelPrice('xai/grok-3-mini'),
  toModelPrice('embed', { litellm_provider: 'openai', input_cost_per_token: 1e-7 }),
  toModelPrice('tiered', {
    litellm_provider: 'dashscope',
    tiered_pricing: [
      { range: [0, 256_000], input_cost_per_token: 5e-8, output_cost_per_token: 4e-7 },
      { range: [256_000, 1_000_000], input_cost_per_token: 2.5e-7, output_cost_per_token: 2e-6 },
    ],
  }),
  undefined,
];

const count = fc.nat({ max: 2_000_000 });
const usageArbitrary: fc.Arbitrary<Usage> = fc
  .record({ prompt: count, completion: count, cached: count, created: count, reasoning: count })
  .map(({ prompt, completion, cached, created, reasoning }) => ({
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: cached % (prompt + 1), cache_creation_tokens: created % (prompt + 1) },
    completion_tokens_details: { reasoning_tokens: reasoning % (completion + 2) },
  }));

describe('computeCostTotal', () => {
  it('is computeCost(...).total when priced and undefined when not, for any usage and price', () => {
    expect(prices.slice(0, 4).every((price) => price !== undefined)).toBe(true);
    fc.assert(
      fc.property(usageArbitrary, fc.constantFrom(...prices), (usage, price) => {
        const full = computeCost(usage, price);
        expect(computeCostTotal(usage, price)).toBe(full.priced ? full.total : undefined);
      }),
      { numRuns: 2_000 },
    );
  });

  it('matches it for any rates too, including digits and counts past the safe-integer range (the bigint path)', () => {
    const rate = fc.oneof(fc.double({ min: 0, max: 1e-3, noNaN: true }), fc.constantFrom(1.2345678901234566e-7, 1.2345678901234e-10, 0.30000000000000004, 3e-6, 1.25e-7, 0));
    const big = fc.nat({ max: 4_000_000_000 });
    fc.assert(
      fc.property(rate, rate, big, big, (input, output, prompt, completion) => {
        const price = toModelPrice('random', { litellm_provider: 'openai', input_cost_per_token: input, output_cost_per_token: output });
        const usage = { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
        const full = computeCost(usage, price);
        expect(computeCostTotal(usage, price)).toBe(full.priced ? full.total : undefined);
      }),
      { numRuns: 2_000 },
    );
  });

  it('gives no total for an unknown model, a missing rate or malformed usage', () => {
    const usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };
    expect(computeCostTotal(usage, undefined)).toBeUndefined();
    expect(computeCostTotal(usage, prices[4])).toBeUndefined();
    expect(computeCostTotal({ ...usage, prompt_tokens: -1 }, prices[0])).toBeUndefined();
    expect(computeCostTotal({ ...usage, completion_tokens: 0 }, prices[4])).toBe(0.000001);
  });
});
