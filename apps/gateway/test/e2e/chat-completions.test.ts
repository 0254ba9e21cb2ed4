import type OpenAI from 'openai';
import { APIError, BadRequestError, InternalServerError, NotFoundError, RateLimitError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioParams, startHarness, upstreamSecret, type Harness } from '../support/gateway-harness.js';

const yaml = `
model_list:
  - model_name: demo
    litellm_params: ${scenarioParams('chunks=4')}
  - model_name: tools
    litellm_params: ${scenarioParams('fixture=tools')}
  - model_name: limited
    litellm_params: ${scenarioParams('fault=429,retry_after=30')}
  - model_name: flaky
    litellm_params: ${scenarioParams('fault=503,fault_times=2')}
  - model_name: down
    litellm_params: ${scenarioParams('fault=503')}
  - model_name: broken-stream
    litellm_params: ${scenarioParams('fault=midstream,chunks=5')}
  - model_name: hung
    litellm_params: ${scenarioParams('fault=hang', 'timeout: 0.3, stream_timeout: 0.3')}
  - model_name: "openai/*"
    litellm_params: {model: "openai/*", api_key: ${upstreamSecret}}
router_settings: {num_retries: 2}
`;

let harness: Harness;
let client: OpenAI;

beforeAll(async () => {
  harness = await startHarness(yaml);
  client = harness.client();
});
afterAll(() => harness.close());

describe('chat completions through the official OpenAI client', () => {
  it('answers a non-streaming request with the upstream body and the gateway headers', async () => {
    const { data, response } = await client.chat.completions.create({ model: 'demo', messages: [{ role: 'user', content: 'hi' }] }).withResponse();
    expect(data.choices[0]?.message.content).toBe('Hello from the scenario provider.');
    expect(data.model).toBe('chunks=4');
    expect(data.usage?.total_tokens).toBe(5);
    expect(response.headers.get('x-switchyard-model-group')).toBe('demo');
    expect(response.headers.get('x-switchyard-provider')).toBe('openai');
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('x-ratelimit-remaining-requests')).toBe('99');
    // hop-by-hop headers from the upstream are never forwarded (Node's own keep-alive header stays as Node sets it)
    expect(response.headers.get('keep-alive')).not.toBe('timeout=7');
    expect(response.headers.get('connection')).not.toBe('upgrade');
  });

  it('streams text chunk by chunk and leaves out usage the client did not ask for', async () => {
    const stream = await client.chat.completions.create({ model: 'demo', messages: [{ role: 'user', content: 'hi' }], stream: true });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe('word0 word1 word2 word3 ');
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop');
    expect(chunks.every((chunk) => chunk.usage === undefined || chunk.usage === null)).toBe(true);
    expect(chunks.every((chunk) => chunk.choices.length === 1)).toBe(true);
  });

  it('always asks the upstream for usage, and passes it on when the client asked', async () => {
    const stream = await client.chat.completions.create({
      model: 'demo',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    const last = chunks.at(-1);
    expect(last?.choices).toEqual([]);
    expect(last?.usage?.prompt_tokens).toBe(5);
    const streamCalls = harness.families.flatMap((family) => (family as unknown as { calls: Array<{ kind: string; request: { stream_options?: unknown } }> }).calls).filter((call) => call.kind === 'stream');
    expect(streamCalls.length).toBeGreaterThanOrEqual(2);
    for (const call of streamCalls) expect(call.request.stream_options).toEqual({ include_usage: true });
  });

  it('streams tool calls the SDK can assemble', async () => {
    const runner = client.chat.completions.stream({
      model: 'tools',
      messages: [{ role: 'user', content: 'weather in Paris?' }],
      tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }],
    });
    const final = await runner.finalChatCompletion();
    const call = final.choices[0]?.message.tool_calls?.[0];
    expect(call?.type === 'function' && call.function.name).toBe('get_weather');
    expect(call?.type === 'function' && JSON.parse(call.function.arguments)).toEqual({ city: 'Paris' });
    expect(final.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('routes a wildcard group with the matched upstream model', async () => {
    const completion = await client.chat.completions.create({ model: 'openai/chunks=1', messages: [{ role: 'user', content: 'hi' }] });
    expect(completion.model).toBe('chunks=1');
  });
});

describe('typed errors through the official OpenAI client', () => {
  it('BadRequestError naming the field', async () => {
    const error = await client.chat.completions.create({ model: 'demo', messages: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).param).toBe('messages');
    expect((error as BadRequestError).message).toContain('messages must contain at least one message');
  });

  it('NotFoundError for an unknown model', async () => {
    const error = await client.chat.completions.create({ model: 'nope', messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).code).toBe('model_not_found');
  });

  it('RateLimitError carrying the upstream retry-after, without gateway retries past the cap', async () => {
    const error = await client.chat.completions.create({ model: 'limited', messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    const headers = (error as RateLimitError).headers;
    expect(headers?.get('retry-after')).toBe('30');
    expect(headers?.get('retry-after-ms')).toBe('30000');
    expect(headers?.get('x-should-retry')).toBeNull();
  });

  it('retries a flaky upstream itself and succeeds', async () => {
    const completion = await client.chat.completions.create({ model: 'flaky', messages: [{ role: 'user', content: 'x' }] });
    expect(completion.choices[0]?.message.content).toContain('Hello');
  });

  it('sends x-should-retry: false once it has retried, so the SDK does not multiply attempts', async () => {
    const retrying = harness.client({ maxRetries: 3 });
    const before = countCalls(harness, 'down');
    const error = await retrying.chat.completions.create({ model: 'down', messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as APIError).status).toBe(503);
    expect((error as APIError).headers?.get('x-should-retry')).toBe('false');
    // 1 + num_retries upstream attempts and no client retry on top
    expect(countCalls(harness, 'down') - before).toBe(3);
  });

  it('surfaces a mid-stream failure as an APIError from the stream', async () => {
    const stream = await client.chat.completions.create({ model: 'broken-stream', messages: [{ role: 'user', content: 'x' }], stream: true });
    const seen: string[] = [];
    const failure = await (async () => {
      for await (const chunk of stream) seen.push(chunk.choices[0]?.delta.content ?? '');
    })().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(APIError);
    expect((failure as APIError).message).toContain('mid-stream');
    expect(seen.length).toBe(2);
  });

  it('answers a timeout error for a hung upstream (non-stream and stream)', async () => {
    const error = await client.chat.completions.create({ model: 'hung', messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).status).toBe(408);
    expect((error as APIError).type).toBe('timeout_error');
    const streamError = await client.chat.completions.create({ model: 'hung', messages: [{ role: 'user', content: 'x' }], stream: true }).catch((e: unknown) => e);
    expect((streamError as APIError).status).toBe(408);
  });

  it('never puts the upstream key in an answer or a log line', () => {
    expect(harness.rawLogs.join('\n')).not.toContain(upstreamSecret);
    const line = harness.logs.find((entry) => entry['modelGroup'] === 'demo');
    expect(line).toMatchObject({ method: 'POST', route: '/v1/chat/completions', provider: 'openai', status: 200 });
    expect(typeof line?.['requestId']).toBe('string');
    expect(typeof line?.['latencyMs']).toBe('number');
  });
});

function countCalls(harness: Harness, group: string): number {
  void group;
  return harness.families
    .flatMap((family) => (family as unknown as { calls: Array<{ request: { model: string } }> }).calls)
    .filter((call) => call.request.model === 'fault=503').length;
}
