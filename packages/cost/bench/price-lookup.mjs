// Measures the price table: node bench/price-lookup.mjs (after a build). Prints the one-time load and index
// build, then microseconds per getModelPrice, per computeCost and per computeCostTotal call.
import { performance } from 'node:perf_hooks';
import { computeCost, computeCostTotal, getModelPrice } from '../dist/index.js';

const iterations = Number(process.env.BENCH_ITERATIONS ?? 200_000);
const lookups = [
  ['gpt-4o', undefined],
  ['azure/gpt-4o', undefined],
  ['claude-sonnet-4-5-20250929', 'anthropic'],
  ['anthropic.claude-3-haiku-20240307-v1:0', 'bedrock'],
  ['gemini-2.5-pro', 'gemini'],
  ['claude-sonnet-4-6-20990101', 'anthropic'],
  ['no-such-model', 'openai'],
];

let start = performance.now();
getModelPrice('gpt-4o');
console.log(`first lookup (read + parse the table, build the index): ${(performance.now() - start).toFixed(1)} ms`);

start = performance.now();
let found = 0;
for (let i = 0; i < iterations; i++) {
  const [model, provider] = lookups[i % lookups.length];
  if (getModelPrice(model, { provider })) found++;
}
const lookupUs = ((performance.now() - start) * 1000) / iterations;
console.log(`getModelPrice: ${lookupUs.toFixed(2)} µs per call (${iterations} calls over ${lookups.length} ids, ${found} found)`);

const price = getModelPrice('claude-sonnet-4-5-20250929', { provider: 'anthropic' });
const usageAt = (i) => ({
  prompt_tokens: 1_000 + (i % 500),
  completion_tokens: 300,
  total_tokens: 1_300 + (i % 500),
  prompt_tokens_details: { cached_tokens: 800, cache_creation_tokens: 100 },
  completion_tokens_details: { reasoning_tokens: 120 },
});
for (const [name, total] of [
  ['computeCost', (usage) => {
    const cost = computeCost(usage, price);
    return cost.priced ? cost.total : 0;
  }],
  ['computeCostTotal', (usage) => computeCostTotal(usage, price) ?? 0],
]) {
  start = performance.now();
  let sum = 0;
  for (let i = 0; i < iterations; i++) sum += total(usageAt(i));
  const costUs = ((performance.now() - start) * 1000) / iterations;
  console.log(`${name}: ${costUs.toFixed(2)} µs per call (${iterations} calls; sum ${sum.toFixed(4)} USD)`);
}
