import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMockProvider, type MockProvider } from './index.js';
import { mockText } from './text/mock-answer.js';
import { rawRequest, sseData } from './test-support/raw-http.js';

let mock: MockProvider;
let client: OpenAI;
const messages = [{ role: 'user' as const, content: 'Say something about switching yards.' }];

beforeAll(async () => {
  mock = await startMockProvider();
  client = new OpenAI({ apiKey: 'sk-test', baseURL: `${mock.url}/v1`, maxRetries: 0 });
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

function withScenario(headers: Record<string, string>) {
  return { headers };
}

describe('OpenAI chat completions: generated answers', () => {
  it('answers the mock sentence with usage computed from the request', async () => {
    const completion = await client.chat.completions.create({ model: 'gpt-4o-mini', messages });
    expect(completion.model).toBe('gpt-4o-mini');
    expect(completion.choices[0]?.message.content).toBe(mockText);
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.usage).toMatchObject({ prompt_tokens: 9, completion_tokens: 10, total_tokens: 19 });
  });

  it('streams 20 data events by default, plus the usage chunk when include_usage is set', async () => {
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages,
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks).toHaveLength(21);
    expect(chunks[0]?.choices[0]?.delta.role).toBe('assistant');
    expect(chunks[19]?.choices[0]?.finish_reason).toBe('stop');
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe(mockText);
    expect(chunks[20]?.choices).toEqual([]);
    expect(chunks[20]?.usage?.completion_tokens).toBe(10);
  });

  it('honours chunks and leaves the usage chunk out without include_usage', async () => {
    const response = await rawRequest(`${mock.url}/v1/chat/completions`, {
      headers: { 'content-type': 'application/json', 'x-mock-chunks': '5' },
      body: JSON.stringify({ model: 'm', messages, stream: true }),
    });
    const events = sseData(response.text) as Array<{ usage?: unknown }>;
    expect(events).toHaveLength(5);
    expect(events.every((event) => !('usage' in event))).toBe(true);
    expect(response.text.endsWith('data: [DONE]\n\n')).toBe(true);
  });

  it('cuts the answer at max_completion_tokens with finish_reason length', async () => {
    const completion = await client.chat.completions.create({ model: 'm', messages, max_completion_tokens: 3 });
    expect(completion.choices[0]?.message.content).toBe(mockText.slice(0, 12));
    expect(completion.choices[0]?.finish_reason).toBe('length');
  });
});

describe('OpenAI chat completions: generated tool calls', () => {
  const tools = [
    {
      type: 'function' as const,
      function: {
        name: 'get_weather',
        parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
      },
    },
  ];

  it('calls the tool that tool_choice forces, streamed and not', async () => {
    const request = { model: 'm', messages, tools, tool_choice: 'required' as const };
    const body = await client.chat.completions.create(request);
    const streamed = await client.chat.completions.stream(request).finalChatCompletion();
    for (const completion of [body, streamed]) {
      expect(completion.choices[0]?.finish_reason).toBe('tool_calls');
      expect(completion.choices[0]?.message.content).toBeNull();
      const call = completion.choices[0]?.message.tool_calls?.[0];
      expect(call?.type === 'function' ? call.function : undefined).toEqual({ name: 'get_weather', arguments: '{"city":"mock"}' });
    }
  });

  it('calls the tool named by x-mock-tool-call even when tool_choice is auto', async () => {
    const completion = await client.chat.completions.create(
      { model: 'm', messages, tools, tool_choice: 'auto' },
      withScenario({ 'x-mock-tool-call': 'get_weather' }),
    );
    expect(completion.choices[0]?.message.tool_calls).toHaveLength(1);
    const plain = await client.chat.completions.create({ model: 'm', messages, tools, tool_choice: 'auto' });
    expect(plain.choices[0]?.message.content).toBe(mockText);
  });
});

describe('OpenAI chat completions: fixture replay', () => {
  it('replays a recorded text stream through the SDK stream helper', async () => {
    const stream = client.chat.completions.stream(
      { model: 'gpt-4.1-nano', messages, stream_options: { include_usage: true } },
      withScenario({ 'x-mock-fixture': 'openai-text' }),
    );
    const completion = await stream.finalChatCompletion();
    expect(completion.model).toBe('gpt-4.1-nano-2025-04-14');
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.choices[0]?.message.content).toHaveLength(1724);
    expect(completion.usage?.total_tokens).toBe(316);
  });

  it('replays a recorded tool call, streamed and not', async () => {
    const scenario = withScenario({ 'x-mock-fixture': 'deepseek-tool-call' });
    const body = await client.chat.completions.create({ model: 'deepseek-reasoner', messages }, scenario);
    const streamed = await client.chat.completions.stream({ model: 'deepseek-reasoner', messages }, scenario).finalChatCompletion();
    for (const completion of [body, streamed]) {
      expect(completion.choices[0]?.finish_reason).toBe('tool_calls');
      const call = completion.choices[0]?.message.tool_calls?.[0];
      expect(call?.type === 'function' ? call.function.name : undefined).toBe('weather');
    }
  });

  it('replays recorded reasoning content', async () => {
    const completion = await client.chat.completions.create(
      { model: 'deepseek-reasoner', messages },
      withScenario({ 'x-mock-fixture': 'deepseek-reasoning' }),
    );
    const message = completion.choices[0]?.message as { reasoning_content?: string } | undefined;
    expect(message?.reasoning_content?.length).toBeGreaterThan(20);
  });

  it('replays a raw .sse recording event by event', async () => {
    // This recording puts its only tool call at index 1 (after the text), which the SDK's stream helper cannot
    // aggregate: read the chunks instead.
    const stream = await client.chat.completions.create(
      { model: 'claude-haiku-4-5', messages, stream: true },
      withScenario({ 'x-mock-fixture': 'anthropic-fallback-tool-call' }),
    );
    const argumentsText: string[] = [];
    const finishReasons: string[] = [];
    for await (const chunk of stream) {
      const choice = chunk.choices[0];
      for (const call of choice?.delta.tool_calls ?? []) argumentsText.push(call.function?.arguments ?? '');
      if (choice?.finish_reason) finishReasons.push(choice.finish_reason);
    }
    expect(JSON.parse(argumentsText.join(''))).toEqual({ path: 'a.txt' });
    expect(finishReasons).toEqual(['tool_calls']);
  });

  it('answers a recorded error body with its status', async () => {
    const call = client.chat.completions.create(
      { model: 'o3', messages },
      withScenario({ 'x-mock-fixture': 'reasoning-model-legacy-parameter-error' }),
    );
    await expect(call).rejects.toBeInstanceOf(OpenAI.BadRequestError);
    await expect(call).rejects.toMatchObject({ status: 400, code: 'unsupported_parameter', param: 'max_tokens' });
  });

  it('rejects an unknown fixture or a missing variant with a precise 400', async () => {
    const unknown = client.chat.completions.create({ model: 'm', messages }, withScenario({ 'x-mock-fixture': 'nope' }));
    await expect(unknown).rejects.toThrow(/Unknown mock fixture "nope" for the openai wire format; known: .*openai-text/);
    const noStream = client.chat.completions.create(
      { model: 'm', messages, stream: true },
      withScenario({ 'x-mock-fixture': 'xai-text' }),
    );
    await expect(noStream).rejects.toThrow('Mock fixture "xai-text" has no stream recording (.chunks.txt)');
  });
});

describe('OpenAI embeddings and models', () => {
  it('returns deterministic vectors of the asked size, as floats or base64', async () => {
    const floats = await client.embeddings.create({ model: 'text-embedding-3-small', input: ['a', 'b'], encoding_format: 'float' });
    // The SDK asks for base64 by default and decodes it.
    const decoded = await client.embeddings.create({ model: 'text-embedding-3-small', input: ['a', 'b'] });
    expect(mock.requests.at(-1)?.json).toMatchObject({ encoding_format: 'base64' });
    expect(floats.data).toHaveLength(2);
    expect(floats.data[0]?.embedding).toHaveLength(1536);
    expect(decoded.data[0]?.embedding).toEqual(floats.data[0]?.embedding);
    expect(floats.data[0]?.embedding).not.toEqual(floats.data[1]?.embedding);
    expect(floats.usage).toEqual({ prompt_tokens: 2, total_tokens: 2 });
    const small = await client.embeddings.create({ model: 'text-embedding-3-large', input: 'a', dimensions: 64 });
    expect(small.data[0]?.embedding).toHaveLength(64);
  });

  it('lists models', async () => {
    const ids = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toContain('mock-model');
  });
});

describe('OpenAI faults', () => {
  it('answers 429 with retry-after as a RateLimitError', async () => {
    const call = client.chat.completions.create({ model: 'm', messages }, withScenario({ 'x-mock-fault': '429', 'x-mock-retry-after': '7' }));
    const error = await call.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect((error as InstanceType<typeof OpenAI.RateLimitError>).headers.get('retry-after')).toBe('7');
    expect((error as InstanceType<typeof OpenAI.RateLimitError>).code).toBe('rate_limit_exceeded');
  });

  it('answers context_window, auth and 500 with the matching typed errors', async () => {
    const call = (fault: string) => client.chat.completions.create({ model: 'm', messages }, withScenario({ 'x-mock-fault': fault }));
    await expect(call('context_window')).rejects.toMatchObject({ status: 400, code: 'context_length_exceeded' });
    await expect(call('auth')).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    await expect(call('500')).rejects.toBeInstanceOf(OpenAI.InternalServerError);
    await expect(call('content_policy')).rejects.toMatchObject({ status: 400, code: 'content_policy_violation' });
  });

  it('breaks a stream with an in-band error after a few chunks', async () => {
    const stream = await client.chat.completions.create(
      { model: 'm', messages, stream: true },
      withScenario({ 'x-mock-fault': 'midstream' }),
    );
    const received: string[] = [];
    const consume = async () => {
      for await (const chunk of stream) received.push(chunk.choices[0]?.delta.content ?? '');
    };
    await expect(consume()).rejects.toBeInstanceOf(OpenAI.APIError);
    expect(received).toHaveLength(3);
  });
});
