import { describe, expect, it } from 'vitest';
import { getModelPrice } from '../price-table/default-catalog.js';
import { createRouterPricing } from './router-pricing.js';

describe('createRouterPricing', () => {
  const pricing = createRouterPricing();

  it('gives the table price of a deployment that sets none', () => {
    const table = getModelPrice('claude-sonnet-4-5', { provider: 'anthropic' });
    expect(pricing({ params: { model: 'anthropic/claude-sonnet-4-5' }, info: {} })).toEqual({
      inputCostPerToken: table?.rates.input,
      outputCostPerToken: table?.rates.output,
      maxInputTokens: table?.maxInputTokens,
    });
  });

  it('applies config prices and leaves unpriced deployments undefined', () => {
    expect(pricing({ params: { model: 'openai/gpt-4o' }, info: { input_cost_per_token: 1e-6 } })?.inputCostPerToken).toBe(
      1e-6,
    );
    expect(pricing({ params: { model: 'hosted_vllm/local' }, info: {} })).toBeUndefined();
  });
});
