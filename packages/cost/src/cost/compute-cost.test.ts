import type { Usage } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { getModelPrice } from '../price-table/default-catalog.js';
import { toModelPrice } from '../price-table/to-model-price.js';
import { computeCost } from './compute-cost.js';
import type { CostResult, PricedCost } from './cost-result.js';

function usage(prompt: number, completion: number, extra: Partial<Usage> = {}): Usage {
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion, ...extra };
}

function priced(result: CostResult): PricedCost {
  if (!result.priced) throw new Error(`expected a price: ${result.message}`);
  return result;
}

const claude = toModelPrice('claude-test', {
  litellm_provider: 'anthropic',
  input_cost_per_token: 3e-6,
  output_cost_per_token: 1.5e-5,
  cache_read_input_token_cost: 3e-7,
  cache_creation_input_token_cost: 3.75e-6,
  input_cost_per_token_above_200k_tokens: 6e-6,
  output_cost_per_token_above_200k_tokens: 2.25e-5,
  cache_read_input_token_cost_above_200k_tokens: 6e-7,
  cache_creation_input_token_cost_above_200k_tokens: 7.5e-6,
});

describe('computeCost', () => {
  it('bills uncached input, cache reads, cache writes and output at their rates', () => {
    const cost = priced(
      computeCost(usage(1_000, 200, { prompt_tokens_details: { cached_tokens: 300, cache_creation_tokens: 100 } }), claude),
    );
    expect(cost.tokens).toEqual({ input: 600, cacheRead: 300, cacheWrite: 100, output: 200, reasoning: 0 });
    expect(cost.exact).toEqual({
      inputCost: '0.0018',
      cacheReadCost: '0.00009',
      cacheWriteCost: '0.000375',
      outputCost: '0.003',
      reasoningCost: '0',
      total: '0.005265',
    });
    expect(cost.total).toBe(0.005265);
    expect(cost.tierAboveTokens).toBeUndefined();
  });

  it('bills reasoning tokens out of completion_tokens at the output rate when there is no reasoning rate', () => {
    const cost = priced(computeCost(usage(10, 100, { completion_tokens_details: { reasoning_tokens: 60 } }), claude));
    expect(cost.tokens).toMatchObject({ output: 40, reasoning: 60 });
    expect(cost.exact.outputCost).toBe('0.0006');
    expect(cost.exact.reasoningCost).toBe('0.0009');
  });

  it('uses output_cost_per_reasoning_token when the price has one', () => {
    const price = toModelPrice('r', {
      litellm_provider: 'gemini',
      input_cost_per_token: 1e-6,
      output_cost_per_token: 4e-6,
      output_cost_per_reasoning_token: 3.5e-6,
    });
    const cost = priced(computeCost(usage(0, 10, { completion_tokens_details: { reasoning_tokens: 4 } }), price));
    expect(cost.exact.reasoningCost).toBe('0.000014');
    expect(cost.exact.outputCost).toBe('0.000024');
  });

  it('bills cache reads and writes at the input rate when the price has no cache rates', () => {
    const price = toModelPrice('plain', { litellm_provider: 'openai', input_cost_per_token: 2e-6, output_cost_per_token: 8e-6 });
    const cost = priced(
      computeCost(usage(100, 0, { prompt_tokens_details: { cached_tokens: 40, cache_creation_tokens: 10 } }), price),
    );
    expect(cost.exact).toMatchObject({ inputCost: '0.0001', cacheReadCost: '0.00008', cacheWriteCost: '0.00002' });
  });

  describe('tiers (LiteLLM: the whole request at the tier once prompt_tokens exceed the threshold)', () => {
    it('keeps base rates at exactly the threshold', () => {
      const cost = priced(computeCost(usage(200_000, 1), claude));
      expect(cost.tierAboveTokens).toBeUndefined();
      expect(cost.rates).toMatchObject({ input: 3e-6, output: 1.5e-5 });
    });

    it('switches every rate one token above it', () => {
      const cost = priced(
        computeCost(
          usage(200_001, 1_000, {
            prompt_tokens_details: { cached_tokens: 100_000, cache_creation_tokens: 1 },
            completion_tokens_details: { reasoning_tokens: 500 },
          }),
          claude,
        ),
      );
      expect(cost.tierAboveTokens).toBe(200_000);
      expect(cost.rates).toEqual({ input: 6e-6, output: 2.25e-5, cacheRead: 6e-7, cacheWrite: 7.5e-6, reasoning: 2.25e-5 });
      expect(cost.exact).toEqual({
        inputCost: '0.6',
        cacheReadCost: '0.06',
        cacheWriteCost: '0.0000075',
        outputCost: '0.01125',
        reasoningCost: '0.01125',
        total: '0.6825075',
      });
    });

    it('keeps a base rate the tier does not name', () => {
      const price = toModelPrice('partial', {
        litellm_provider: 'gemini',
        input_cost_per_token: 1e-6,
        output_cost_per_token: 2e-6,
        cache_read_input_token_cost: 1e-7,
        input_cost_per_token_above_128k_tokens: 5e-6,
      });
      const cost = priced(computeCost(usage(128_001, 1, { prompt_tokens_details: { cached_tokens: 1 } }), price));
      expect(cost.rates).toMatchObject({ input: 5e-6, output: 2e-6, cacheRead: 1e-7 });
    });

    it('picks the highest threshold passed', () => {
      const price = toModelPrice('two-tiers', {
        litellm_provider: 'openai',
        input_cost_per_token: 1e-6,
        output_cost_per_token: 1e-6,
        input_cost_per_token_above_128k_tokens: 2e-6,
        input_cost_per_token_above_272k_tokens: 3e-6,
      });
      expect(priced(computeCost(usage(128_001, 0), price)).rates.input).toBe(2e-6);
      expect(priced(computeCost(usage(272_000, 0), price)).rates.input).toBe(2e-6);
      expect(priced(computeCost(usage(272_001, 0), price)).rates.input).toBe(3e-6);
    });

    it('applies the table tier of a real model', () => {
      const price = getModelPrice('gemini/gemini-2.5-pro');
      const below = priced(computeCost(usage(200_000, 10), price));
      const above = priced(computeCost(usage(200_001, 10), price));
      expect(above.rates.input).toBe(price?.tiers[0]?.rates.input);
      expect(above.rates.input).toBeGreaterThan(below.rates.input ?? Infinity);
    });

    it('bills xAI at the tier once the prompt reaches the threshold', () => {
      const price = toModelPrice('xai-tier', {
        litellm_provider: 'xai',
        input_cost_per_token: 1e-6,
        output_cost_per_token: 1e-6,
        input_cost_per_token_above_128k_tokens: 2e-6,
      });
      expect(priced(computeCost(usage(127_999, 0), price)).rates.input).toBe(1e-6);
      expect(priced(computeCost(usage(128_000, 0), price)).rates.input).toBe(2e-6);
    });

    it('reads LiteLLM tiered_pricing lists with the same rule', () => {
      const price = toModelPrice('dashscope/qwen-test', {
        litellm_provider: 'dashscope',
        tiered_pricing: [
          { range: [0, 256_000], input_cost_per_token: 5e-8, output_cost_per_token: 4e-7 },
          { range: [256_000, 1_000_000], input_cost_per_token: 2.5e-7, output_cost_per_token: 2e-6 },
        ],
      });
      const small = priced(computeCost(usage(256_000, 10, { prompt_tokens_details: { cached_tokens: 6_000 } }), price));
      expect(small.rates).toMatchObject({ input: 5e-8, output: 4e-7, cacheRead: 5e-8 });
      const large = priced(computeCost(usage(256_001, 10), price));
      expect(large).toMatchObject({ tierAboveTokens: 256_000, rates: { input: 2.5e-7, output: 2e-6 } });
    });
  });

  it('adds xAI reasoning tokens to its completion tokens, which leave them out', () => {
    const price = toModelPrice('xai/grok', { litellm_provider: 'xai', input_cost_per_token: 3e-7, output_cost_per_token: 5e-7 });
    const cost = priced(computeCost(usage(12, 2, { completion_tokens_details: { reasoning_tokens: 320 } }), price));
    expect(cost.tokens).toMatchObject({ output: 2, reasoning: 320 });
  });

  it('prices a free model at 0, since its rates say so', () => {
    const free = toModelPrice('ollama/llama', { litellm_provider: 'ollama', input_cost_per_token: 0, output_cost_per_token: 0 });
    expect(priced(computeCost(usage(10, 10), free)).total).toBe(0);
  });

  describe('no price, never a silent 0', () => {
    it('reports an unknown model', () => {
      const result = computeCost(usage(10, 10), getModelPrice('no-such-model'));
      expect(result).toEqual({ priced: false, reason: 'unknown-model', message: expect.any(String) });
      expect(result).not.toHaveProperty('total');
    });

    it('reports a rate the price lacks for tokens that were used', () => {
      const embedding = toModelPrice('embed', { litellm_provider: 'openai', input_cost_per_token: 1e-7 });
      expect(priced(computeCost(usage(10, 0), embedding)).exact.total).toBe('0.000001');
      expect(computeCost(usage(10, 5), embedding)).toMatchObject({ priced: false, reason: 'missing-rate' });
      const noInput = toModelPrice('x', { litellm_provider: 'x', output_cost_per_token: 1e-6 });
      expect(computeCost(usage(1, 0), noInput)).toMatchObject({ priced: false, reason: 'missing-rate' });
    });

    it('reports inconsistent or malformed usage', () => {
      const cases: Usage[] = [
        usage(10, 0, { prompt_tokens_details: { cached_tokens: 11 } }),
        usage(10, 0, { prompt_tokens_details: { cached_tokens: 6, cache_creation_tokens: 5 } }),
        usage(-1, 0),
        usage(1.5, 0),
        usage(Number.NaN, 0),
        { prompt_tokens: 1, completion_tokens: undefined as unknown as number, total_tokens: 1 },
      ];
      for (const bad of cases) expect(computeCost(bad, claude)).toMatchObject({ priced: false, reason: 'invalid-usage' });
    });

    it('accepts usage with null details', () => {
      const cost = computeCost(usage(1, 1, { prompt_tokens_details: null, completion_tokens_details: null }), claude);
      expect(priced(cost).exact.total).toBe('0.000018');
    });
  });
});
