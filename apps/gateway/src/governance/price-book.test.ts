import { getModelPrice } from '@switchyard/cost';
import type { Deployment } from '@switchyard/router';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ESTIMATED_OUTPUT_TOKENS, PriceBook } from './price-book.js';

function deployment(id: string, modelGroup: string, model: string, info: Record<string, unknown> = {}): Deployment {
  const upstreamModel = model.slice(model.indexOf('/') + 1);
  return { id, modelGroup, model, upstreamModel, providerId: model.split('/')[0]!, params: { model }, info } as unknown as Deployment;
}

const mini = getModelPrice('openai/gpt-4o-mini')!;
const big = getModelPrice('openai/gpt-4o')!;

describe('PriceBook', () => {
  const book = new PriceBook([
    deployment('a', 'chat', 'openai/gpt-4o-mini'),
    deployment('b', 'chat', 'openai/gpt-4o'),
    deployment('c', 'cheap', 'openai/gpt-4o-mini', { input_cost_per_token: 0, output_cost_per_token: 0.5 }),
    deployment('w', 'openai/*', 'openai/*'),
  ]);

  it('prices a deployment from the table with its model_info overrides, and a wildcard by the model that answered', () => {
    expect(book.priceOf('a', 'gpt-4o-mini')?.rates.input).toBe(mini.rates.input);
    expect(book.priceOf('c', 'gpt-4o-mini')?.rates).toMatchObject({ input: 0, output: 0.5 });
    expect(book.priceOf('w', 'gpt-4o')?.rates.output).toBe(big.rates.output);
    expect(book.priceOf('unknown', 'x')).toBeUndefined();
  });

  it('estimates at the most expensive deployment of the group, with max_tokens or the default output', () => {
    expect(book.estimate('chat', 1000, 100)).toBeCloseTo(1000 * big.rates.input! + 100 * big.rates.output!, 15);
    const output = Math.min(big.maxOutputTokens ?? DEFAULT_ESTIMATED_OUTPUT_TOKENS, DEFAULT_ESTIMATED_OUTPUT_TOKENS);
    expect(book.estimate('chat', 10, undefined)).toBeCloseTo(10 * big.rates.input! + output * big.rates.output!, 15);
    expect(book.estimate('cheap', 1000, 10)).toBe(5);
  });

  it('estimates a wildcard request by the name asked for, and an unpriced model at 0', () => {
    expect(book.estimate('openai/gpt-4o-mini', 100, 10)).toBeCloseTo(100 * mini.rates.input! + 10 * mini.rates.output!, 15);
    expect(book.estimate('my-own-model', 100, 10)).toBe(0);
  });
});
