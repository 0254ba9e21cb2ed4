import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPriceTable } from '../price-table/load-price-table.js';
import { getModelPrice } from '../price-table/default-catalog.js';
import { attoFromDecimal, expectedCost } from '../test-support/expected-cost.js';
import { fixtureUsage } from '../test-support/fixture-usage.js';
import { computeCost } from './compute-cost.js';

const fixturesDir = fileURLToPath(new URL('../__fixtures__', import.meta.url));
const families = readdirSync(fixturesDir, { withFileTypes: true }).filter((entry) => entry.isDirectory());
const files = families.flatMap((family) =>
  readdirSync(`${fixturesDir}/${family.name}`).map((file) => ({ family: family.name, file })),
);

/** Recordings that are not a priced response, each with the reason; every other recording must be priced. */
const notPriced: Record<string, 'no usage reported' | 'invalid stream'> = {
  'openai/reasoning-model-legacy-parameter-error.json': 'no usage reported',
  'openai/openai-error.1.json': 'no usage reported',
  'openai/reasoning-model-temperature-error.json': 'no usage reported',
  'google/google-429-retry-info.json': 'no usage reported',
  'openai-compatible/anthropic-fallback-tool-call.sse': 'no usage reported',
  'bedrock/amazon-bedrock-json-tool.1.chunks.txt': 'no usage reported',
  'bedrock/amazon-bedrock-json-tool.2.chunks.txt': 'no usage reported',
  'bedrock/amazon-bedrock-json-tool.3.chunks.txt': 'no usage reported',
  'bedrock/amazon-bedrock-json-with-tool.1.chunks.txt': 'no usage reported',
  'bedrock/amazon-bedrock-json-with-tools.1.chunks.txt': 'no usage reported',
  'anthropic/duplicate-message-start.chunks.txt': 'invalid stream',
  'anthropic/spliced-message-start.chunks.txt': 'invalid stream',
};

const priced = files.filter(({ family, file }) => notPriced[`${family}/${file}`] === undefined);

describe('cost of every recorded provider response', () => {
  it('covers every family and recording', () => {
    expect(families.map((family) => family.name).sort()).toEqual([
      'anthropic',
      'azure',
      'bedrock',
      'google',
      'openai',
      'openai-compatible',
    ]);
    expect(priced.length).toBeGreaterThanOrEqual(50);
    for (const name of Object.keys(notPriced)) expect(files.map((f) => `${f.family}/${f.file}`)).toContain(name);
  });

  it.each(files.filter(({ family, file }) => notPriced[`${family}/${file}`] === 'no usage reported'))(
    '$family/$file reports no usage',
    ({ family, file }) => {
      expect(fixtureUsage(fixturesDir, family, file)).toBeUndefined();
    },
  );

  it.each(priced)('$family/$file costs its usage times the table prices', ({ family, file }) => {
    const found = fixtureUsage(fixturesDir, family, file);
    expect(found, 'the recording reports usage').toBeDefined();
    if (!found) return;
    const { usage, model, provider, reportedTotal } = found;
    const reasoningApart = provider === 'xai' ? (usage.completion_tokens_details?.reasoning_tokens ?? 0) : 0;
    if (reportedTotal !== undefined) {
      expect(usage.prompt_tokens + usage.completion_tokens + reasoningApart).toBe(reportedTotal);
    }
    const price = getModelPrice(model, { provider });
    expect(price, `a price for ${provider} ${model}`).toBeDefined();
    const cost = computeCost(usage, price);
    if (!cost.priced || !price) throw new Error(`not priced: ${JSON.stringify(cost)}`);
    const entry = loadPriceTable().models[price.key];
    if (!entry) throw new Error(`no table entry ${price.key}`);
    const expected = expectedCost(usage, entry);
    for (const component of ['inputCost', 'outputCost', 'cacheReadCost', 'cacheWriteCost', 'reasoningCost', 'total'] as const) {
      expect(attoFromDecimal(cost.exact[component]), component).toBe(expected[component]);
      expect(cost[component], component).toBe(Number(cost.exact[component]));
    }
    expect(cost.total).toBeGreaterThan(0);
  });

  it('prices cached and reasoning tokens where the recordings have them', () => {
    const costs = priced.map(({ family, file }) => {
      const found = fixtureUsage(fixturesDir, family, file);
      const cost = found && computeCost(found.usage, getModelPrice(found.model, { provider: found.provider }));
      return cost?.priced ? cost : undefined;
    });
    expect(costs.filter((cost) => cost && cost.cacheReadCost > 0).length).toBeGreaterThanOrEqual(4);
    expect(costs.filter((cost) => cost && cost.reasoningCost > 0).length).toBeGreaterThanOrEqual(15);
  });
});
