import { getModelPrice } from '@switchyard/cost';
import type OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GovernanceRuntime } from '../../src/governance/governance-runtime.js';
import { startHarness, type Harness } from '../support/gateway-harness.js';
import { callFixture, fixtureConfigYaml, type FixtureCase } from '../support/provider-fixtures.js';
import { onlySpendLog } from '../support/spend-logs.js';

// Recorded provider responses of every family, replayed through a governed gateway: each spend log's cost must
// equal its usage times the price table's rates, worked out here by hand (cached prompt tokens at the cache-read
// rate, reasoning tokens at the reasoning rate or else the output rate) rather than with @switchyard/cost's code.

interface CostCase extends FixtureCase {
  /** `<provider>/<model>` of the deployment, also the price-table lookup. */
  model: string;
  extra: string;
}

const bedrockCredentials = 'aws_region_name: us-east-1, aws_access_key_id: AKIDEXAMPLE, aws_secret_access_key: wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const cases: CostCase[] = [
  { file: 'openai-text.json', model: 'openai/gpt-4.1-nano', extra: 'api_key: sk-test' },
  { file: 'openai-text.chunks.txt', model: 'openai/gpt-4.1-nano', extra: 'api_key: sk-test' },
  // cached prompt tokens (320 of 495) and reasoning tokens (118 of 144)
  { file: 'deepseek-json.json', model: 'deepseek/deepseek-reasoner', extra: 'api_key: sk-test' },
  { file: 'deepseek-reasoning.json', model: 'deepseek/deepseek-reasoner', extra: 'api_key: sk-test' },
  { file: 'anthropic-text.json', model: 'anthropic/claude-sonnet-4-5-20250929', extra: 'api_key: sk-ant-test' },
  { file: 'anthropic-text.chunks.txt', model: 'anthropic/claude-sonnet-4-5-20250929', extra: 'api_key: sk-ant-test' },
  // thinking tokens
  { file: 'google-reasoning-gemini3.json', model: 'gemini/gemini-3-pro-preview', extra: 'api_key: test-gemini-key' },
  { file: 'google-reasoning-gemini3.chunks.txt', model: 'gemini/gemini-3-pro-preview', extra: 'api_key: test-gemini-key' },
  { file: 'amazon-bedrock-text.json', model: 'bedrock/us.anthropic.claude-sonnet-4-5-20250929-v1:0', extra: bedrockCredentials },
  { file: 'amazon-bedrock-text.chunks.txt', model: 'bedrock/us.anthropic.claude-sonnet-4-5-20250929-v1:0', extra: bedrockCredentials },
];

const masterKey = 'sk-cost-test-master';
let harness: Harness;
let runtime: GovernanceRuntime;

beforeAll(async () => {
  const yaml = fixtureConfigYaml(cases, (fixture, prefix) => {
    const { model, extra } = fixture as CostCase;
    const apiBase = model.startsWith('openai/') || model.startsWith('deepseek/') ? `${prefix}/v1` : prefix;
    return { model, apiBase, extra };
  });
  harness = await startHarness(yaml, { governanceEnv: { SWITCHYARD_MASTER_KEY: masterKey, SWITCHYARD_SPEND_FLUSH_INTERVAL_MS: '50' } });
  runtime = harness.gateway.governance!;
});
afterAll(() => harness?.close());

function expectedCost(model: string, usage: OpenAI.CompletionUsage): number {
  const price = getModelPrice(model);
  if (price === undefined) throw new Error(`the table has no price for ${model}`);
  const { input, output, cacheRead, reasoning } = price.rates;
  const cached = usage.prompt_tokens_details?.cached_tokens ?? 0;
  const thinking = usage.completion_tokens_details?.reasoning_tokens ?? 0;
  return (
    (usage.prompt_tokens - cached) * input! +
    cached * (cacheRead ?? input!) +
    (usage.completion_tokens - thinking) * output! +
    thinking * (reasoning ?? output!)
  );
}

describe('spend-log cost of recorded provider responses through the gateway', () => {
  it('covers all five provider families, and some responses with cached and reasoning tokens', () => {
    const families = new Set(cases.map((fixture) => fixture.model.split('/')[0]));
    expect(families).toEqual(new Set(['openai', 'deepseek', 'anthropic', 'gemini', 'bedrock']));
  });

  it.each(cases.map((fixture) => [fixture.file, fixture] as const))('%s', async (_file, fixture) => {
    const { key, record } = await runtime.store.keys.create({ keyAlias: fixture.file });
    const outcome = await callFixture(harness.client({ apiKey: key }), fixture);
    const usage = outcome.usage!;
    expect(usage.total_tokens).toBeGreaterThan(0);
    const log = await onlySpendLog(runtime, record.keyHash);
    expect(log).toMatchObject({
      status: 'success',
      promptTokens: usage.prompt_tokens,
      completionTokens: usage.completion_tokens,
      cachedTokens: usage.prompt_tokens_details?.cached_tokens ?? 0,
      reasoningTokens: usage.completion_tokens_details?.reasoning_tokens ?? 0,
    });
    const expected = expectedCost(fixture.model, usage);
    expect(expected).toBeGreaterThan(0);
    // numeric(24,10) in the store: equal to the dollar's ten-billionth.
    expect(Math.abs(log.cost - expected)).toBeLessThan(1e-10);
  });

  it('prices cached and reasoning tokens below and at their own rates (DeepSeek: 320 cached, 118 reasoning)', async () => {
    const { items } = await runtime.store.spend.logs({ modelGroup: 'deepseek-json.json' });
    expect(items[0]).toMatchObject({ cachedTokens: 320, reasoningTokens: 118, promptTokens: 495, completionTokens: 144 });
    const price = getModelPrice('deepseek/deepseek-reasoner')!;
    expect(price.rates.cacheRead).toBeLessThan(price.rates.input!);
  });
});
