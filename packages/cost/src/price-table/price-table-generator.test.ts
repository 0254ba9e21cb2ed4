import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// The generator is a plain Node script; its types are in generate-price-table.d.mts.
import {
  attribution,
  buildPriceTable,
  serializePriceTable,
  sourceCopyPath,
  tablePath,
} from '../../scripts/generate-price-table.mjs';

// The committed copy of LiteLLM's map (data/source/) stands in for /work/shared, which tests never read.
const sourceText = readFileSync(sourceCopyPath, 'utf8');

describe('generated price table', () => {
  it('is exactly what the generator makes from the committed source copy', () => {
    expect(readFileSync(tablePath, 'utf8')).toBe(serializePriceTable(buildPriceTable(sourceText)));
  });

  it('keeps the attribution and the source hash', () => {
    const table = buildPriceTable(sourceText);
    expect(table.attribution).toBe(attribution);
    expect(attribution).toContain('MIT License, Copyright (c) 2023 Berri AI');
    expect(table.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps every token-priced model with its values unchanged', () => {
    const source = JSON.parse(sourceText) as Record<string, Record<string, unknown>>;
    const { models } = buildPriceTable(sourceText);
    const chat = Object.keys(source).filter((key) => source[key]?.mode === 'chat');
    expect(chat.every((key) => key in models)).toBe(true);
    for (const [key, entry] of Object.entries(models)) {
      for (const [field, value] of Object.entries(entry)) expect(value, `${key}.${field}`).toEqual(source[key]?.[field]);
    }
    expect(Object.keys(models)).not.toContain('sample_spec');
    expect(Object.values(models).some((entry) => entry.mode === 'image_generation')).toBe(false);
  });

  it('keeps the tier prices and drops the fields it does not use', () => {
    const { models } = buildPriceTable(sourceText);
    const gemini = models['gemini/gemini-2.5-pro'];
    expect(gemini).toMatchObject({
      input_cost_per_token_above_200k_tokens: expect.any(Number),
      output_cost_per_token_above_200k_tokens: expect.any(Number),
      cache_read_input_token_cost_above_200k_tokens: expect.any(Number),
    });
    expect(gemini).not.toHaveProperty('input_cost_per_token_priority');
    expect(gemini).not.toHaveProperty('input_cost_per_token_above_200k_tokens_priority');
    expect(gemini).not.toHaveProperty('source');
  });

  it('rejects a price that is not a non-negative number', () => {
    const bad = JSON.stringify({ m: { litellm_provider: 'openai', mode: 'chat', input_cost_per_token: '3e-7' } });
    expect(() => buildPriceTable(bad)).toThrow('m: input_cost_per_token must be a non-negative number');
  });
});
