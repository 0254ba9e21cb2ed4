import { describe, expect, it } from 'vitest';
import { getModelPrice } from './default-catalog.js';
import { loadPriceTable } from './load-price-table.js';
import { createPriceCatalog } from './price-catalog.js';
import type { PriceTable } from './price-table-entry.js';

const keyOf = (model: string, provider?: string) => getModelPrice(model, { provider })?.key;

describe('getModelPrice on the shipped table', () => {
  it('resolves the ways LiteLLM names models', () => {
    expect(keyOf('gpt-4o')).toBe('gpt-4o');
    expect(keyOf('openai/gpt-4o')).toBe('gpt-4o');
    expect(keyOf('azure/gpt-4o')).toBe('azure/gpt-4o');
    expect(keyOf('gpt-4o', 'azure')).toBe('azure/gpt-4o');
    expect(keyOf('gemini/gemini-2.5-pro')).toBe('gemini/gemini-2.5-pro');
    expect(keyOf('gemini-2.5-pro', 'gemini')).toBe('gemini/gemini-2.5-pro');
    expect(keyOf('anthropic.claude-3-haiku-20240307-v1:0', 'bedrock')).toBe('anthropic.claude-3-haiku-20240307-v1:0');
    expect(keyOf('bedrock/anthropic.claude-3-haiku-20240307-v1:0')).toBe('anthropic.claude-3-haiku-20240307-v1:0');
    expect(keyOf('bedrock/converse/anthropic.claude-3-haiku-20240307-v1:0')).toBe(
      'anthropic.claude-3-haiku-20240307-v1:0',
    );
    expect(keyOf('claude-sonnet-4-5-20250929', 'anthropic')).toBe('claude-sonnet-4-5-20250929');
    expect(keyOf('anthropic/claude-sonnet-4-5')).toBe('claude-sonnet-4-5');
    expect(keyOf('vertex_ai/claude-sonnet-4-5@20250929')).toBe('vertex_ai/claude-sonnet-4-5@20250929');
    expect(keyOf('deepseek-reasoner', 'deepseek')).toBe('deepseek/deepseek-reasoner');
    expect(keyOf('GPT-4o')).toBe('gpt-4o');
  });

  it('finds Vertex AI models filed under LiteLLM sub-provider ids', () => {
    const price = getModelPrice('gemini-3-pro-preview', { provider: 'vertex_ai' });
    expect(price?.provider.startsWith('vertex_ai')).toBe(true);
  });

  it('falls back from a dated id to its base name when only that is priced', () => {
    expect(keyOf('claude-sonnet-4-6-20990101', 'anthropic')).toBe('claude-sonnet-4-6');
    expect(keyOf('gpt-4o-2099-01-01')).toBe('gpt-4o');
    expect(keyOf('vertex_ai/claude-sonnet-4-6@20990101')).toBe('vertex_ai/claude-sonnet-4-6');
    // the dated entry itself wins when it exists
    expect(keyOf('gpt-4o-2024-08-06')).toBe('gpt-4o-2024-08-06');
  });

  it('never prices a model with the entry of another provider', () => {
    expect(keyOf('grok-3-mini')).toBeUndefined();
    expect(keyOf('grok-3-mini', 'xai')).toBe('xai/grok-3-mini');
    expect(keyOf('claude-sonnet-4-5', 'openai')).toBeUndefined();
    expect(keyOf('gpt-4o', 'bedrock')).toBeUndefined();
  });

  it('answers undefined for unknown models instead of throwing', () => {
    expect(getModelPrice('no-such-model')).toBeUndefined();
    expect(getModelPrice('no-such-model', { provider: 'openai' })).toBeUndefined();
    expect(getModelPrice('')).toBeUndefined();
    expect(getModelPrice('/')).toBeUndefined();
    expect(getModelPrice('gpt-4o-2099-13')).toBeUndefined();
  });

  it('returns the same converted price object on every lookup', () => {
    expect(getModelPrice('gpt-4o')).toBe(getModelPrice('openai/gpt-4o'));
  });

  it('converts the entry fields', () => {
    const price = getModelPrice('gemini/gemini-2.5-pro');
    const entry = loadPriceTable().models['gemini/gemini-2.5-pro'];
    expect(price).toMatchObject({
      provider: 'gemini',
      mode: 'chat',
      maxInputTokens: entry?.max_input_tokens,
      rates: { input: entry?.input_cost_per_token, output: entry?.output_cost_per_token },
      tiers: [{ aboveTokens: 200_000, rates: { input: entry?.input_cost_per_token_above_200k_tokens } }],
      supports: { supports_function_calling: true },
      source: 'table',
    });
  });
});

describe('createPriceCatalog', () => {
  const table: PriceTable = {
    attribution: 'test',
    source: { file: 'test', sha256: '', entries: 3 },
    generator: 'test',
    models: {
      'acme-1': { litellm_provider: 'acme', input_cost_per_token: 1e-6, output_cost_per_token: 2e-6 },
      'acme/acme-2': { litellm_provider: 'acme', input_cost_per_token: 3e-6 },
      'other/acme-3': { litellm_provider: 'other', input_cost_per_token: 4e-6 },
    },
  };

  it('indexes any table', () => {
    const catalog = createPriceCatalog(table);
    expect(catalog.getModelPrice('acme/acme-1')?.key).toBe('acme-1');
    expect(catalog.getModelPrice('acme-2', { provider: 'acme' })?.key).toBe('acme/acme-2');
    expect(catalog.getModelPrice('acme-3', { provider: 'acme' })).toBeUndefined();
    expect(catalog.findEntry('other/acme-3')?.entry.input_cost_per_token).toBe(4e-6);
  });
});
