import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockProvider, type MockProvider } from './index.js';
import { mockText } from './text/mock-answer.js';
import { rawRequest } from './test-support/raw-http.js';

let mock: MockProvider;
let client: Anthropic;
const request = {
  model: 'claude-mock-1',
  max_tokens: 1024,
  messages: [{ role: 'user' as const, content: 'Hello, Claude' }],
};
const scenario = (headers: Record<string, string>) => ({ headers });

beforeAll(async () => {
  mock = await startMockProvider();
  client = new Anthropic({ apiKey: 'sk-ant-test', baseURL: mock.url, maxRetries: 0 });
});
afterAll(() => mock.close());

describe('Anthropic messages: generated answers', () => {
  it('answers the mock sentence, non-stream, to the SDK (Bearer + anthropic-version)', async () => {
    const message = await client.messages.create(request);
    expect(message.content).toEqual([{ type: 'text', text: mockText }]);
    expect(message.stop_reason).toBe('end_turn');
    expect(message.usage).toMatchObject({ input_tokens: 4, output_tokens: 10 });
    const sent = mock.requests.at(-1);
    expect(sent?.headers.authorization).toBe('Bearer sk-ant-test');
    expect(sent?.headers['anthropic-version']).toBeTruthy();
  });

  it('streams named events that the SDK assembles into the same message', async () => {
    const stream = client.messages.stream(request, scenario({ 'x-mock-chunks': '6' }));
    const deltas: string[] = [];
    stream.on('text', (text) => deltas.push(text));
    const message = await stream.finalMessage();
    expect(deltas).toHaveLength(4);
    expect(message.content).toEqual([{ type: 'text', text: mockText }]);
    expect(message.usage.output_tokens).toBe(10);
  });
});

describe('Anthropic messages: generated tool calls', () => {
  it('answers a forced tool with a tool_use block, streamed through input_json_delta', async () => {
    const tools = [
      { name: 'lookup', input_schema: { type: 'object' as const, properties: { id: { type: 'integer' } }, required: ['id'] } },
    ];
    const forced = { ...request, tools, tool_choice: { type: 'tool' as const, name: 'lookup' } };
    const body = await client.messages.create(forced);
    const streamed = await client.messages.stream(forced).finalMessage();
    for (const message of [body, streamed]) {
      expect(message.stop_reason).toBe('tool_use');
      expect(message.content).toEqual([{ type: 'tool_use', id: 'toolu_mock', name: 'lookup', input: { id: 1 } }]);
    }
  });
});

describe('Anthropic messages: fixture replay', () => {
  it('replays the recorded text answer, streamed and not', async () => {
    const body = await client.messages.create(request, scenario({ 'x-mock-fixture': 'anthropic-text' }));
    const streamed = await client.messages.stream(request, scenario({ 'x-mock-fixture': 'anthropic-text' })).finalMessage();
    expect(body.model).toBe('claude-sonnet-4-5-20250929');
    for (const message of [body, streamed]) {
      expect(message.stop_reason).toBe('end_turn');
      expect(message.content[0]?.type).toBe('text');
    }
    expect(streamed.usage).toMatchObject({ input_tokens: 12, output_tokens: 30 });
  });

  it('replays a recorded tool call with parsed input', async () => {
    const message = await client.messages
      .stream(request, scenario({ 'x-mock-fixture': 'anthropic-json-tool.1' }))
      .finalMessage();
    expect(message.stop_reason).toBe('tool_use');
    const block = message.content[0];
    expect(block?.type).toBe('tool_use');
    expect(block?.type === 'tool_use' ? typeof block.input : undefined).toBe('object');
  });

  it('replays recorded thinking blocks', async () => {
    const message = await client.messages
      .stream(request, scenario({ 'x-mock-fixture': 'anthropic-clear-thinking.1' }))
      .finalMessage();
    expect(message.content.map((block) => block.type)).toEqual(['thinking', 'text']);
  });

  it('lets the SDK reject the deliberately broken duplicate message_start recording', async () => {
    const broken = client.messages.stream(request, scenario({ 'x-mock-fixture': 'duplicate-message-start' })).finalMessage();
    await expect(broken).rejects.toThrow(/message_start/);
  });
});

describe('Anthropic faults and access', () => {
  it('answers 529 as an OverloadedError and 429 with retry-after as a RateLimitError', async () => {
    await expect(client.messages.create(request, scenario({ 'x-mock-fault': '529' }))).rejects.toBeInstanceOf(
      Anthropic.OverloadedError,
    );
    const error = await client.messages
      .create(request, scenario({ 'x-mock-fault': '429', 'x-mock-retry-after': '3' }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.RateLimitError);
    expect((error as InstanceType<typeof Anthropic.RateLimitError>).headers?.get('retry-after')).toBe('3');
    expect((error as InstanceType<typeof Anthropic.RateLimitError>).error).toMatchObject({
      type: 'error',
      error: { type: 'rate_limit_error' },
    });
  });

  it('maps context_window and auth to 400 and 401', async () => {
    await expect(client.messages.create(request, scenario({ 'x-mock-fault': 'context_window' }))).rejects.toThrow(
      /prompt is too long/,
    );
    await expect(client.messages.create(request, scenario({ 'x-mock-fault': 'auth' }))).rejects.toBeInstanceOf(
      Anthropic.AuthenticationError,
    );
  });

  it('ends a stream with event: error after a few events', async () => {
    const stream = client.messages.stream(request, scenario({ 'x-mock-fault': 'midstream' }));
    const types: string[] = [];
    stream.on('streamEvent', (event) => types.push(event.type));
    await expect(stream.finalMessage()).rejects.toThrow(/Overloaded/);
    // The third event through is the ping, which the SDK does not surface.
    expect(types).toEqual(['message_start', 'content_block_start']);
  });

  it('accepts the classic x-api-key and requires anthropic-version', async () => {
    const body = JSON.stringify(request);
    const classic = await rawRequest(`${mock.url}/v1/messages`, {
      headers: { 'x-api-key': 'k', 'anthropic-version': '2023-06-01', 'content-type': 'application/json' },
      body,
    });
    expect(classic.status).toBe(200);
    const noVersion = await rawRequest(`${mock.url}/v1/messages`, { headers: { 'x-api-key': 'k' }, body });
    expect(noVersion.status).toBe(400);
    expect(JSON.parse(noVersion.text)).toEqual({
      type: 'error',
      error: { type: 'invalid_request_error', message: 'anthropic-version: header is required' },
      request_id: 'req_mock',
    });
    const noKey = await rawRequest(`${mock.url}/v1/messages`, { headers: { 'anthropic-version': '2023-06-01' }, body });
    expect(noKey.status).toBe(401);
    expect(JSON.parse(noKey.text).error.type).toBe('authentication_error');
  });

  it('rejects a request without max_tokens in the Anthropic error shape', async () => {
    const response = await rawRequest(`${mock.url}/v1/messages`, {
      headers: { 'x-api-key': 'k', 'anthropic-version': '2023-06-01' },
      body: JSON.stringify({ model: 'c', messages: request.messages }),
    });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text).error).toEqual({ type: 'invalid_request_error', message: 'max_tokens: Field required' });
  });
});
