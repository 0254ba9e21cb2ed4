import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GovernanceRuntime } from '../../src/governance/governance-runtime.js';
import { scenarioParams, startHarness, type Harness } from '../support/gateway-harness.js';
import { onlySpendLog } from '../support/spend-logs.js';

// Custom prices written LiteLLM's way in litellm_params (not only model_info) reach the spend logs and the budget
// estimate. gpt-4o-mini's table price is 0.15 $/M in and 0.6 $/M out; these are far from it.
const input = 0.000002;
const output = 0.000005;

const masterKey = 'sk-custom-prices-master';
let harness: Harness;
let runtime: GovernanceRuntime;

beforeAll(async () => {
  harness = await startHarness(
    `model_list:
  - model_name: params-priced
    litellm_params: ${scenarioParams('', `input_cost_per_token: ${input}, output_cost_per_token: "${output}"`)}
  - model_name: both-priced
    litellm_params: ${scenarioParams('', `input_cost_per_token: ${input}, output_cost_per_token: ${output}`)}
    model_info: {input_cost_per_token: 0.5, output_cost_per_token: 0.5, cache_read_input_token_cost: 0.25}
  - model_name: unknown-model
    litellm_params: {model: "openai/my-private-finetune", api_base: "{{mock}}/v1", api_key: k, input_cost_per_token: ${input}, output_cost_per_token: ${output}}
`,
    { governanceEnv: { SWITCHYARD_MASTER_KEY: masterKey, SWITCHYARD_SPEND_FLUSH_INTERVAL_MS: '50' } },
  );
  runtime = harness.gateway.governance!;
});
afterAll(() => harness?.close());

describe('custom prices in litellm_params', () => {
  it.each(['params-priced', 'both-priced', 'unknown-model'])('%s: the spend log costs usage x the litellm_params prices', async (model) => {
    const { key, record } = await runtime.store.keys.create({ keyAlias: model });
    const { data, response } = await harness
      .client({ apiKey: key })
      .chat.completions.create({ model, messages: [{ role: 'user', content: 'price me' }] })
      .withResponse();
    const usage = data.usage!;
    expect(usage.prompt_tokens).toBeGreaterThan(0);
    expect(usage.completion_tokens).toBeGreaterThan(0);
    const expected = usage.prompt_tokens * input + usage.completion_tokens * output;
    const log = await onlySpendLog(runtime, record.keyHash);
    expect(log.status).toBe('success');
    expect(Math.abs(log.cost - expected)).toBeLessThan(1e-10);
    expect(Number(response.headers.get('x-switchyard-response-cost'))).toBeCloseTo(expected, 12);
  });

  it('reserves the estimate at the litellm_params price, so a budget it does not cover is refused', async () => {
    // 1,000 output tokens at 5 $/M is 0.005 $: more than the 0.003 $ budget. At the table's 0.6 $/M it would fit.
    const { key } = await runtime.store.keys.create({ maxBudget: 0.003 });
    const client = harness.client({ apiKey: key });
    const ask = (max_tokens: number) => client.chat.completions.create({ model: 'params-priced', max_tokens, messages: [{ role: 'user', content: 'hi' }] });
    await expect(ask(1000)).rejects.toMatchObject({ status: 429, code: 'budget_exceeded' });
    await expect(ask(100)).resolves.toMatchObject({ object: 'chat.completion' });
  });
});
