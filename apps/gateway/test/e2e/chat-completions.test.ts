import type OpenAI from 'openai';
import { APIError, BadRequestError, InternalServerError, NotFoundError, RateLimitError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioParams, startHarness, upstreamSecret, type Harness } from '../support/gateway-harness.js';

const mockText = 'This is a mock response from Switchyard.';
const yaml = `
model_list:
  - model_name: demo
    litellm_params: ${scenarioParams('chunks=6')}
  - model_name: tools
    litellm_params: ${scenarioParams('tool_call=get_weather')}
  - model_name: limited
    litellm_params: ${scenarioParams('fault=429,retry_after=30')}
  - model_name: flaky
    litellm_params: ${scenarioParams('fault=503,fault_times=2')}
  - model_name: down
    litellm_params: ${scenarioParams('fault=503,id=down')}
  - model_name: broken-stream
    litellm_params: ${scenarioParams('fault=midstream')}
  - model_name: hung
    litellm_params: ${scenarioParams('fault=hang', 'timeout: 0.3, stream_timeout: 0.3')}
  - model_name: hung-stream
    litellm_params: ${scenarioParams('fault=hang,id=stream', 'timeout: 0.3, stream_timeout: 0.3')}
  - model_name: "openai/*"
    litellm_params: {model: "openai/*", api_base: "{{mock}}/v1", api_key: ${upstreamSecret}}
router_settings: {num_retries: 2}
`;

let harness: Harness;
let client: OpenAI;

beforeAll(async () => {
  harness = await startHarness(yaml);
  client = harness.client();
});
afterAll(() => harness.close());

const hi = [{ role: 'user' as const, content: 'hi' }];

describe('chat completions through the official OpenAI client', () => {
  it('answers a non-streaming request with the upstream body and the gateway headers', async () => {
    const { data, response } = await client.chat.completions.create({ model: 'demo', messages: hi }).withResponse();
    expect(data.choices[0]?.message.content).toBe(mockText);
    expect(data.model).toBe('gpt-4o-mini');
    expect(data.usage?.completion_tokens).toBe(10);
    expect(response.headers.get('x-switchyard-model-group')).toBe('demo');
    expect(response.headers.get('x-switchyard-provider')).toBe('openai');
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const upstream = harness.mock.requests.at(-1)!;
    expect(upstream.path).toBe('/v1/chat/completions');
    expect(upstream.headers.authorization).toBe(`Bearer ${upstreamSecret}`);
    expect((upstream.json as { model: string }).model).toBe('gpt-4o-mini');
  });

  it('streams text chunk by chunk and leaves out the usage the client did not ask for', async () => {
    const stream = await client.chat.completions.create({ model: 'demo', messages: hi, stream: true });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks).toHaveLength(6);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe(mockText);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop');
    expect(chunks.every((chunk) => chunk.choices.length === 1 && !chunk.usage)).toBe(true);
    // the gateway asked the upstream for usage anyway, so it could log it
    expect((harness.mock.requests.at(-1)!.json as { stream_options: unknown }).stream_options).toEqual({ include_usage: true });
    const line = harness.logs.findLast((entry) => entry['modelGroup'] === 'demo' && entry['stream'] === true);
    expect(line).toMatchObject({ completionTokens: 10, status: 200 });
  });

  it('passes usage on when the client asked for it', async () => {
    const stream = await client.chat.completions.create({ model: 'demo', messages: hi, stream: true, stream_options: { include_usage: true } });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks).toHaveLength(7);
    expect(chunks.at(-1)?.choices).toEqual([]);
    expect(chunks.at(-1)?.usage?.completion_tokens).toBe(10);
  });

  it('streams tool calls the SDK can assemble', async () => {
    const runner = client.chat.completions.stream({
      model: 'tools',
      messages: [{ role: 'user', content: 'weather in Paris?' }],
      tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } }],
    });
    const final = await runner.finalChatCompletion();
    const call = final.choices[0]?.message.tool_calls?.[0];
    expect(call?.type === 'function' && call.function.name).toBe('get_weather');
    expect(call?.type === 'function' && JSON.parse(call.function.arguments)).toEqual({ city: 'mock' });
    expect(final.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('routes a wildcard group with the matched upstream model', async () => {
    await client.chat.completions.create({ model: 'openai/gpt-4.1-nano', messages: hi });
    expect((harness.mock.requests.at(-1)!.json as { model: string }).model).toBe('gpt-4.1-nano');
  });
});

describe('typed errors through the official OpenAI client', () => {
  const fail = (promise: Promise<unknown>): Promise<unknown> => promise.then(() => new Error('expected a failure'), (error: unknown) => error);

  it('BadRequestError naming the field', async () => {
    const error = await fail(client.chat.completions.create({ model: 'demo', messages: [] }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).param).toBe('messages');
    expect((error as BadRequestError).message).toContain('messages must contain at least one message');
  });

  it('NotFoundError for an unknown model', async () => {
    const error = await fail(client.chat.completions.create({ model: 'nope', messages: hi }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).code).toBe('model_not_found');
  });

  it('RateLimitError carrying the upstream retry-after; a wait past the cap is not retried', async () => {
    const before = harness.mock.requests.length;
    const error = await fail(client.chat.completions.create({ model: 'limited', messages: hi }));
    expect(error).toBeInstanceOf(RateLimitError);
    const headers = (error as RateLimitError).headers;
    expect(headers?.get('retry-after')).toBe('30');
    expect(headers?.get('retry-after-ms')).toBe('30000');
    expect(headers?.get('x-should-retry')).toBeNull();
    expect(harness.mock.requests.length - before).toBe(1);
  });

  it('retries a flaky upstream itself and succeeds', async () => {
    const completion = await client.chat.completions.create({ model: 'flaky', messages: hi });
    expect(completion.choices[0]?.message.content).toBe(mockText);
  });

  it('sends x-should-retry: false once it has retried, so the SDK does not multiply attempts', async () => {
    const before = harness.mock.requests.filter((request) => request.scenario.includes('id=down')).length;
    const error = await fail(harness.client({ maxRetries: 3 }).chat.completions.create({ model: 'down', messages: hi }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as APIError).status).toBe(503);
    expect((error as APIError).headers?.get('x-should-retry')).toBe('false');
    // 1 + num_retries upstream attempts, and no client retry on top
    expect(harness.mock.requests.filter((request) => request.scenario.includes('id=down')).length - before).toBe(3);
  });

  it('surfaces a mid-stream failure as an APIError from the stream', async () => {
    const stream = await client.chat.completions.create({ model: 'broken-stream', messages: hi, stream: true });
    let seen = 0;
    const failure = await fail(
      (async () => {
        for await (const _chunk of stream) seen++;
      })(),
    );
    expect(failure).toBeInstanceOf(APIError);
    expect(seen).toBe(3);
  });

  it('answers a timeout error for a hung upstream (non-stream and stream)', async () => {
    const error = await fail(client.chat.completions.create({ model: 'hung', messages: hi }));
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).status).toBe(408);
    expect((error as APIError).type).toBe('timeout_error');
    // A timed-out deployment is cooled down (answering 429 until it is back), so the stream gets a hung group of its own.
    const streamError = await fail(client.chat.completions.create({ model: 'hung-stream', messages: hi, stream: true }));
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
