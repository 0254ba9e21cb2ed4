import { describe, expect, it } from 'vitest';
import { computeCost } from '../cost/compute-cost.js';
import { getModelPrice } from '../price-table/default-catalog.js';
import { resolveDeploymentPrice } from './deployment-price.js';
import { InvalidCustomPriceError } from './read-custom-prices.js';

describe('resolveDeploymentPrice', () => {
  it('uses the table price when the config sets none', () => {
    expect(resolveDeploymentPrice({ litellm_params: { model: 'openai/gpt-4o' } })).toBe(getModelPrice('gpt-4o'));
  });

  it('prices an Azure deployment name through model_info.base_model', () => {
    const price = resolveDeploymentPrice({
      litellm_params: { model: 'azure/my-eu-deployment' },
      model_info: { base_model: 'azure/gpt-4o' },
    });
    expect(price?.key).toBe('azure/gpt-4o');
    expect(resolveDeploymentPrice({ litellm_params: { model: 'azure/my-eu-deployment' } })).toBeUndefined();
  });

  it('lets model_info prices override the table field by field', () => {
    const table = getModelPrice('azure/gpt-4o');
    const price = resolveDeploymentPrice({
      litellm_params: { model: 'azure/gpt4o-eu' },
      model_info: { base_model: 'azure/gpt-4o', input_cost_per_token: 2e-6 },
    });
    expect(price).toMatchObject({ key: 'azure/gpt-4o', source: 'custom', provider: 'azure' });
    expect(price?.rates.input).toBe(2e-6);
    expect(price?.rates.output).toBe(table?.rates.output);
    expect(price?.rates.cacheRead).toBe(table?.rates.cacheRead);
  });

  it('lets litellm_params prices win over model_info, and reads YAML strings', () => {
    const price = resolveDeploymentPrice({
      litellm_params: { model: 'openai/gpt-4o', input_cost_per_token: '1e-6', output_cost_per_token: 4e-6 },
      model_info: { input_cost_per_token: 9e-6, cache_read_input_token_cost: 5e-7 },
    });
    expect(price?.rates).toMatchObject({ input: 1e-6, output: 4e-6, cacheRead: 5e-7 });
    const cost = computeCost({ prompt_tokens: 1_000, completion_tokens: 1_000, total_tokens: 2_000 }, price);
    expect(cost.priced && cost.exact.total).toBe('0.005');
  });

  it('prices a model the table does not know from config alone', () => {
    const price = resolveDeploymentPrice({
      litellm_params: { model: 'hosted_vllm/my-llama', input_cost_per_token: 1e-7, output_cost_per_token: 2e-7 },
      model_info: { max_input_tokens: 8192 },
    });
    expect(price).toMatchObject({ key: 'hosted_vllm/my-llama', provider: 'hosted_vllm', maxInputTokens: 8192 });
    expect(computeCost({ prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 }, price)).toMatchObject({
      priced: true,
      exact: { total: '0.000003' },
    });
  });

  it('overrides a tier price and keeps the ones it does not name', () => {
    const table = getModelPrice('gemini/gemini-2.5-pro');
    const price = resolveDeploymentPrice({
      litellm_params: { model: 'gemini/gemini-2.5-pro', output_cost_per_token_above_200k_tokens: 1e-5 },
    });
    expect(price?.tiers[0]?.rates).toMatchObject({ input: table?.tiers[0]?.rates.input, output: 1e-5 });
  });

  it('gives undefined, not a price, when neither table nor config prices the deployment', () => {
    expect(resolveDeploymentPrice({ litellm_params: { model: 'hosted_vllm/my-llama' } })).toBeUndefined();
    expect(resolveDeploymentPrice({})).toBeUndefined();
    expect(resolveDeploymentPrice({ litellm_params: { model: 'openai/gpt-4o', input_cost_per_token: null } })).toBe(
      getModelPrice('gpt-4o'),
    );
  });

  it('rejects a price that is not a non-negative number, naming the field', () => {
    const bad = [-1, 'cheap', '', Number.NaN, true, {}];
    for (const value of bad) {
      expect(() =>
        resolveDeploymentPrice({ litellm_params: { model: 'openai/gpt-4o' }, model_info: { output_cost_per_token: value } }),
      ).toThrow(InvalidCustomPriceError);
    }
    expect(() =>
      resolveDeploymentPrice({ litellm_params: { model: 'openai/gpt-4o', input_cost_per_token: -1 } }),
    ).toThrow('litellm_params.input_cost_per_token must be a non-negative number, got -1');
  });
});
