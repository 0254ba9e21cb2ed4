import type { GovernanceRuntime } from '../../src/governance/governance-runtime.js';
import { getModelPrice } from '@switchyard/cost';
import type { SpendLog } from '@switchyard/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOpenAIError } from '../support/openai-error-shape.js';
import { post, scenarioParams, startHarness, type Harness } from '../support/gateway-harness.js';
import { withinOneRateWindow } from '../support/rate-window.js';

const masterKey = 'sk-governance-master-for-tests';
let harness: Harness;
let runtime: GovernanceRuntime;

// gpt-4o-mini's table price with the output rate overridden in model_info: 0.15 $/M in, 1 $/M out.

beforeAll(async () => {
  harness = await startHarness(
    `model_list:
  - model_name: chat
    litellm_params: ${scenarioParams('chunks=4')}
    model_info: {output_cost_per_token: 0.000001}
  - model_name: other
    litellm_params: ${scenarioParams('')}
    model_info: {access_groups: [beta]}
  - model_name: slow
    litellm_params: ${scenarioParams('chunks=40,chunk_ms=50')}
  - model_name: broken
    litellm_params: ${scenarioParams('fault=bad_request')}
  - model_name: embed
    litellm_params: {model: "openai/text-embedding-3-small", api_base: "{{mock}}/v1", api_key: k}
`,
    { governanceEnv: { SWITCHYARD_MASTER_KEY: masterKey, SWITCHYARD_SPEND_FLUSH_INTERVAL_MS: '50' } },
  );
  runtime = harness.gateway.governance!;
});
afterAll(() => harness?.close());

const hello = (model = 'chat', extra: Record<string, unknown> = {}) => JSON.stringify({ model, messages: [{ role: 'user', content: 'Hello there' }], ...extra });
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

async function logsOf(keyHash: string, count: number): Promise<SpendLog[]> {
  for (let attempt = 0; attempt < 100; attempt++) {
    await runtime.spend.flush();
    const page = await runtime.store.spend.logs({ keyHash, limit: 100 });
    if (page.items.length >= count) return page.items;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`expected ${count} spend logs`);
}

describe('virtual keys on the model routes', () => {
  it('refuses missing, unknown, expired and blocked keys with OpenAI-shaped errors', async () => {
    const url = `${harness.url}/v1/chat/completions`;
    const missing = await post(url, hello());
    expect(missing.status).toBe(401);
    expectOpenAIError(missing.json, { type: 'authentication_error', code: 'missing_api_key' });
    const unknown = await post(url, hello(), bearer('sk-not-a-key'));
    expect(unknown.status).toBe(401);
    expectOpenAIError(unknown.json, { type: 'authentication_error', code: 'invalid_api_key' });
    const expired = await runtime.store.keys.create({ expiresAt: new Date(Date.now() - 1000) });
    const expiredAnswer = await post(url, hello(), bearer(expired.key));
    expect(expiredAnswer.status).toBe(401);
    expectOpenAIError(expiredAnswer.json, { type: 'authentication_error', code: 'key_expired' });
    const blocked = await runtime.store.keys.create({ blocked: true });
    const blockedAnswer = await post(url, hello(), bearer(blocked.key));
    expect(blockedAnswer.status).toBe(403);
    expectOpenAIError(blockedAnswer.json, { type: 'permission_error', code: 'key_blocked' });
    for (const answer of [unknown, expiredAnswer, blockedAnswer]) expect(answer.text).not.toMatch(/sk-[A-Za-z0-9_-]{20,}/);
  });

  it('accepts the master key and a live key through Bearer, x-api-key and api-key', async () => {
    const { key } = await runtime.store.keys.create({});
    for (const headers of [bearer(masterKey), bearer(key), { 'x-api-key': key }, { 'api-key': key }]) {
      expect((await post(`${harness.url}/v1/chat/completions`, hello(), headers)).status).toBe(200);
    }
  });

  it("applies the key's and team's model allow-lists, in answers and in /v1/models", async () => {
    const team = await runtime.store.teams.create({ alias: 'allow', models: ['chat', 'other'] });
    const { key } = await runtime.store.keys.create({ teamId: team.id, models: ['chat'] });
    const refused = await post(`${harness.url}/v1/chat/completions`, hello('other'), bearer(key));
    expect(refused.status).toBe(403);
    expectOpenAIError(refused.json, { type: 'permission_error', code: 'model_not_allowed', param: 'model' });
    const models = (await (await fetch(`${harness.url}/v1/models`, { headers: bearer(key) })).json()) as { data: Array<{ id: string }> };
    expect(models.data.map((model) => model.id)).toEqual(['chat']);
    const all = (await (await fetch(`${harness.url}/v1/models`, { headers: bearer(masterKey) })).json()) as { data: Array<{ id: string }> };
    expect(all.data.map((model) => model.id).sort()).toEqual(['broken', 'chat', 'embed', 'other', 'slow']);
    expect((await fetch(`${harness.url}/v1/models`)).status).toBe(401);
  });

  it("reads LiteLLM's model access groups (model_info.access_groups) in allow-lists", async () => {
    const { key } = await runtime.store.keys.create({ models: ['beta'] });
    expect((await post(`${harness.url}/v1/chat/completions`, hello('other'), bearer(key))).status).toBe(200);
    expect((await post(`${harness.url}/v1/chat/completions`, hello('chat'), bearer(key))).status).toBe(403);
    const models = (await (await fetch(`${harness.url}/v1/models`, { headers: bearer(key) })).json()) as { data: Array<{ id: string }> };
    expect(models.data.map((model) => model.id)).toEqual(['other']);
  });
});

describe('limits, headers and spend', () => {
  it('sends x-ratelimit-* for the key and refuses the request over its rpm with 429 and retry-after', async () => {
    const { key } = await runtime.store.keys.create({ rpmLimit: 2, tpmLimit: 100_000 });
    await withinOneRateWindow();
    const first = await post(`${harness.url}/v1/chat/completions`, hello(), bearer(key));
    expect(first.status).toBe(200);
    expect(first.headers.get('x-ratelimit-limit-requests')).toBe('2');
    expect(first.headers.get('x-ratelimit-remaining-requests')).toBe('1');
    expect(first.headers.get('x-ratelimit-limit-tokens')).toBe('100000');
    expect(first.headers.get('x-ratelimit-reset-requests')).toMatch(/^\d+(m\d+)?s$/);
    expect((await post(`${harness.url}/v1/chat/completions`, hello(), bearer(key))).status).toBe(200);
    const refused = await post(`${harness.url}/v1/chat/completions`, hello(), bearer(key));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expectOpenAIError(refused.json, { type: 'rate_limit_error', code: 'rate_limit_exceeded' });
  });

  it('logs one spend row per request with tokens, cost from the price table and the cost header', async () => {
    const team = await runtime.store.teams.create({ alias: 'spenders' });
    const { key, record } = await runtime.store.keys.create({ teamId: team.id, maxBudget: 10 });
    const answer = await post(`${harness.url}/v1/chat/completions`, hello('chat', { user: 'customer-7', metadata: { tags: ['exp-a'] } }), bearer(key));
    expect(answer.status).toBe(200);
    const usage = (answer.json as { usage: { prompt_tokens: number; completion_tokens: number } }).usage;
    const expected = (usage.prompt_tokens * 0.15 + usage.completion_tokens * 1) / 1e6;
    expect(Number(answer.headers.get('x-switchyard-response-cost'))).toBeCloseTo(expected, 15);
    expect(answer.headers.get('x-litellm-response-cost')).toBe(answer.headers.get('x-switchyard-response-cost'));
    const [log] = await logsOf(record.keyHash, 1);
    expect(log).toMatchObject({
      keyHash: record.keyHash,
      teamId: team.id,
      endUserId: 'customer-7',
      modelGroup: 'chat',
      provider: 'openai',
      model: 'gpt-4o-mini',
      promptTokens: usage.prompt_tokens,
      completionTokens: usage.completion_tokens,
      status: 'success',
      tags: ['exp-a'],
      route: '/v1/chat/completions',
    });
    expect(log!.cost).toBeCloseTo(expected, 15);
    expect(log!.requestId).toBe(answer.headers.get('x-request-id'));
    expect(JSON.stringify(log)).not.toContain(key);
  });

  it('settles a stream on its end with its usage, and logs a failed upstream call at no cost', async () => {
    const { key, record } = await runtime.store.keys.create({ maxBudget: 10 });
    const client = harness.client({ apiKey: key });
    const stream = await client.chat.completions.create({ model: 'chat', stream: true, messages: [{ role: 'user', content: 'Hello there' }] });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text.length).toBeGreaterThan(0);
    const logs = await logsOf(record.keyHash, 1);
    expect(logs[0]).toMatchObject({ status: 'success', modelGroup: 'chat' });
    expect(logs[0]!.completionTokens).toBeGreaterThan(0);
    expect(logs[0]!.timeToFirstTokenMs).not.toBeNull();
    expect(logs[0]!.cost).toBeGreaterThan(0);
    const failed = await post(`${harness.url}/v1/chat/completions`, hello('broken'), bearer(key));
    expect(failed.status).toBe(400);
    const [failure] = (await logsOf(record.keyHash, 2)).filter((log) => log.modelGroup === 'broken');
    expect(failure).toMatchObject({ status: 'failure', errorClass: 'bad_request', cost: 0, promptTokens: 0 });
  });

  it('refuses with budget_exceeded once the key has spent its budget', async () => {
    const { key } = await runtime.store.keys.create({ maxBudget: 0.0000001 });
    const refused = await post(`${harness.url}/v1/chat/completions`, hello(), bearer(key));
    expect(refused.status).toBe(429);
    expectOpenAIError(refused.json, { type: 'rate_limit_error', code: 'budget_exceeded' });
  });

  it('prices embeddings by their prompt tokens', async () => {
    const { key, record } = await runtime.store.keys.create({});
    const answer = await post(`${harness.url}/v1/embeddings`, JSON.stringify({ model: 'embed', input: 'a few words to embed' }), bearer(key));
    expect(answer.status).toBe(200);
    const usage = (answer.json as { usage: { prompt_tokens: number } }).usage;
    const [log] = await logsOf(record.keyHash, 1);
    expect(log).toMatchObject({ modelGroup: 'embed', promptTokens: usage.prompt_tokens, completionTokens: 0, status: 'success' });
    expect(log!.cost).toBeCloseTo((usage.prompt_tokens * 0.02) / 1e6, 15);
  });
});

describe('releasing the lease', () => {
  it('after a client abort mid-stream and after an upstream failure: max_parallel_requests 1 admits the next', async () => {
    const { key, record } = await runtime.store.keys.create({ maxParallelRequests: 1 });
    const controller = new AbortController();
    const response = await fetch(`${harness.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(key) },
      body: hello('slow', { stream: true }),
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let streamed = '';
    while (!streamed.includes('"content":"') || streamed.split('\n\n').length < 4) streamed += decoder.decode((await reader.read()).value);
    // The slot is taken while the stream runs.
    const busy = await post(`${harness.url}/v1/chat/completions`, hello(), bearer(key));
    expect(busy.status).toBe(429);
    expectOpenAIError(busy.json, { type: 'rate_limit_error', code: 'rate_limit_exceeded' });
    controller.abort();
    const aborted = (await logsOf(record.keyHash, 1))[0]!;
    expect(aborted).toMatchObject({ modelGroup: 'slow', status: 'failure', errorClass: 'client_closed' });
    // No usage arrived: the prompt and the output streamed so far are counted and charged at the deployment's
    // price (gpt-4o-mini's table rates).
    expect(aborted.promptTokens).toBeGreaterThan(0);
    expect(aborted.completionTokens).toBeGreaterThan(0);
    const { input, output } = getModelPrice('gpt-4o-mini')!.rates;
    expect(Math.abs(aborted.cost - (aborted.promptTokens * input! + aborted.completionTokens * output!))).toBeLessThan(1e-10);
    expect((await post(`${harness.url}/v1/chat/completions`, hello('broken'), bearer(key))).status).toBe(400);
    expect((await post(`${harness.url}/v1/chat/completions`, hello(), bearer(key))).status).toBe(200);
  });
});

describe('metrics', () => {
  it('exposes the spend buffer backlog, writes, drops and failed flushes', async () => {
    await runtime.spend.flush();
    const text = await (await fetch(`${harness.url}/metrics`)).text();
    expect(text).toMatch(/^switchyard_spend_logs_buffered 0$/m);
    expect(Number(/^switchyard_spend_logs_written_total (\d+)$/m.exec(text)?.[1])).toBeGreaterThan(0);
    expect(text).toMatch(/^switchyard_spend_logs_dropped_total 0$/m);
    expect(text).toMatch(/^switchyard_spend_log_flush_failures_total 0$/m);
  });
});
