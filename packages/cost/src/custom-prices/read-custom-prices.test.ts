import { describe, expect, it } from 'vitest';
import { isCustomPriceField, readCustomPrices } from './read-custom-prices.js';

describe('isCustomPriceField', () => {
  it('accepts the per-token, cache, reasoning and tier prices the cost package applies', () => {
    for (const field of [
      'input_cost_per_token',
      'output_cost_per_token',
      'cache_read_input_token_cost',
      'cache_creation_input_token_cost',
      'output_cost_per_reasoning_token',
      'input_cost_per_token_above_200k_tokens',
      'cache_read_input_token_cost_above_128k_tokens',
    ]) {
      expect(isCustomPriceField(field), field).toBe(true);
    }
  });

  it('refuses prices it does not apply, and everything else', () => {
    for (const field of ['input_cost_per_second', 'output_cost_per_second', 'input_cost_per_image', 'max_input_tokens', 'rpm', 'model']) {
      expect(isCustomPriceField(field), field).toBe(false);
    }
  });

  it('is the set readCustomPrices reads (besides the context limits)', () => {
    const block = { input_cost_per_token: 1, input_cost_per_second: 2, max_output_tokens: 3, rpm: 4 };
    expect(readCustomPrices(block, 'litellm_params')).toEqual({ input_cost_per_token: 1, max_output_tokens: 3 });
  });
});
