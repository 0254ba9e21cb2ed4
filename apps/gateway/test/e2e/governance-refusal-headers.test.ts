import OpenAI, { RateLimitError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GovernanceRuntime } from '../../src/governance/governance-runtime.js';
import { scenarioParams, startHarness, type Harness } from '../support/gateway-harness.js';
import { withinOneRateWindow } from '../support/rate-window.js';

// The limiter's 429s read through the official client: OpenAI's x-ratelimit-* trio for the refusing limit
// (remaining 0) and retry-after, and for budgets x-should-retry: false so the client does not retry in vain.

let harness: Harness;
let runtime: GovernanceRuntime;

beforeAll(async () => {
  harness = await startHarness(`model_list:\n  - model_name: chat\n    litellm_params: ${scenarioParams('')}\n`, {
    governanceEnv: { SWITCHYARD_MASTER_KEY: 'sk-refusal-headers-master', SWITCHYARD_SPEND_FLUSH_INTERVAL_MS: '50' },
  });
  runtime = harness.gateway.governance!;
});
afterAll(() => harness?.close());

/** A client that counts the HTTP requests it makes, to see whether it retried. */
function countingClient(apiKey: string, maxRetries: number): { client: OpenAI; calls: () => number } {
  let calls = 0;
  const client = new OpenAI({
    baseURL: `${harness.url}/v1`,
    apiKey,
    maxRetries,
    fetch: (input, init) => {
      calls += 1;
      return fetch(input, init);
    },
  });
  return { client, calls: () => calls };
}

const ask = (client: OpenAI) => client.chat.completions.create({ model: 'chat', max_tokens: 10, messages: [{ role: 'user', content: 'Hi' }] });

async function refusal(client: OpenAI): Promise<RateLimitError> {
  const error: unknown = await ask(client).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(RateLimitError);
  return error as RateLimitError;
}

const seconds = (value: string | null) => Number(value);

describe('429 refusals carry rate-limit headers', () => {
  it('rpm: limit, remaining 0, reset and retry-after within the minute', async () => {
    const { key } = await runtime.store.keys.create({ rpmLimit: 1 });
    await withinOneRateWindow();
    const client = harness.client({ apiKey: key });
    await ask(client);
    const error = await refusal(client);
    expect(error.code).toBe('rate_limit_exceeded');
    expect(error.headers.get('x-ratelimit-limit-requests')).toBe('1');
    expect(error.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(error.headers.get('x-ratelimit-reset-requests')).toMatch(/^(\d+s|1m0s)$/);
    expect(seconds(error.headers.get('retry-after'))).toBeGreaterThanOrEqual(0);
    expect(seconds(error.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(Number(error.headers.get('retry-after-ms'))).toBeLessThanOrEqual(60_000);
    expect(error.headers.get('x-should-retry')).toBeNull();
  });

  it('tpm: the tokens trio', async () => {
    const { key } = await runtime.store.keys.create({ tpmLimit: 5 });
    const client = harness.client({ apiKey: key });
    await ask(client);
    const error = await refusal(client);
    expect(error.headers.get('x-ratelimit-limit-tokens')).toBe('5');
    expect(error.headers.get('x-ratelimit-remaining-tokens')).toBe('0');
    expect(error.headers.get('x-ratelimit-reset-tokens')).toMatch(/^(\d+s|1m0s)$/);
    expect(error.headers.get('retry-after')).not.toBeNull();
  });

  it('a periodic budget: retry-after until the period ends, and the client does not retry', async () => {
    const { key, record } = await runtime.store.keys.create({ maxBudget: 0, budgetDuration: '1d' });
    const { client, calls } = countingClient(key, 2);
    const error = await refusal(client);
    expect(calls()).toBe(1);
    expect(error.code).toBe('budget_exceeded');
    expect(error.headers.get('x-should-retry')).toBe('false');
    expect(error.headers.get('x-ratelimit-limit-budget')).toBe('0');
    expect(error.headers.get('x-ratelimit-remaining-budget')).toBe('0');
    expect(error.headers.get('x-ratelimit-reset-budget')).toMatch(/^\d+h\d+m\d+s$|^\d+m\d+s$|^\d+s$/);
    const untilReset = (record.budgetResetAt!.getTime() - Date.now()) / 1000;
    expect(seconds(error.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(seconds(error.headers.get('retry-after'))).toBeLessThanOrEqual(Math.ceil(untilReset) + 1);
  });

  it('a lifetime budget: no retry time, and the client does not retry', async () => {
    const { key } = await runtime.store.keys.create({ maxBudget: 0 });
    const { client, calls } = countingClient(key, 2);
    const error = await refusal(client);
    expect(calls()).toBe(1);
    expect(error.headers.get('retry-after')).toBeNull();
    expect(error.headers.get('x-ratelimit-reset-budget')).toBeNull();
    expect(error.headers.get('x-should-retry')).toBe('false');
  });
});
