import {
  streamPartFromJson,
  SwitchyardError,
  type CallOptions,
  type ChatCompletion,
  type ChatCompletionRequest,
  type ChatProvider,
  type ChatStreamPart,
  type EmbeddingResponse,
} from '@switchyard/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, type HttpResponse } from '../http-client.js';
import { joinUrl } from '../load-setting.js';
import { parseSseStream } from '../sse-parser.js';
import { readBodyText, transportError, upstreamError } from '../upstream-error.js';
import type { ChatConformanceCase, ProviderConformanceOptions } from './conformance-types.js';
import { sseFromChunks } from './fixtures.js';
import { startRecordedServer, type RecordedServer } from './recorded-server.js';
import { runChatCase } from './run-cases.js';
import { runProviderConformance } from './run-provider-conformance.js';

const secret = 'sk-fake-conformance-secret';
const http = createHttpClient();

/** A deliberately small OpenAI-wire provider: enough to exercise every check the kit runs. */
function createFakeProvider(baseURL: string, options: { usageOnEveryChunk?: boolean } = {}): ChatProvider {
  async function post(path: string, body: unknown, call: CallOptions = {}): Promise<HttpResponse> {
    let response: HttpResponse;
    try {
      response = await http.send({
        url: joinUrl(baseURL, path),
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        ...(call.signal ? { signal: call.signal } : {}),
        ...(call.timeoutMs ? { timeoutMs: call.timeoutMs } : {}),
      });
    } catch (error) {
      throw transportError(error, 'fake');
    }
    if (response.status >= 400) {
      const parsed = JSON.parse(await readBodyText(response.body)) as { error: { message: string; code?: string } };
      throw upstreamError({ provider: 'fake', status: response.status, message: parsed.error.message, code: parsed.error.code, headers: response.headers });
    }
    return response;
  }
  async function readJson<T>(response: HttpResponse): Promise<{ text: string; value: T }> {
    const text = await response.body.text().catch((error: unknown) => Promise.reject(transportError(error, 'fake')));
    try {
      return { text, value: JSON.parse(text) as T };
    } catch {
      throw new SwitchyardError('upstream_unavailable', 'fake answered a body that is not JSON.', { status: 502 });
    }
  }
  async function* parts(response: HttpResponse): AsyncGenerator<ChatStreamPart> {
    try {
      for await (const event of parseSseStream(response.body)) {
        if (event.data === '[DONE]') return;
        const data = options.usageOnEveryChunk ? event.data.replace('"usage":null', '"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}') : event.data;
        yield streamPartFromJson(data);
      }
    } catch (error) {
      throw transportError(error, 'fake');
    }
  }
  return {
    id: 'fake',
    capabilities: { streaming: true, embeddings: true, tools: true, vision: false, reasoning: false, jsonSchema: false, passThrough: true },
    async chat(request, call) {
      const { text, value } = await readJson<ChatCompletion>(await post('/v1/chat/completions', request, call));
      return { completion: value, body: text, usage: value.usage };
    },
    async streamChat(request, call) {
      const response = await post('/v1/chat/completions', { ...request, stream: true }, call);
      return { [Symbol.asyncIterator]: () => parts(response) };
    },
    async embed(request, call) {
      const { text, value } = await readJson<EmbeddingResponse>(await post('/v1/embeddings', request, call));
      return { response: value, body: text };
    },
  };
}

const request: ChatCompletionRequest = { model: 'fake-1', messages: [{ role: 'user', content: 'Hi' }] };
const usage = { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 };
const chunk = (delta: object, finish: string | null = null) =>
  JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'fake-1', choices: [{ index: 0, delta, finish_reason: finish }], usage: null });
const streamLines = [
  chunk({ role: 'assistant', content: 'Hel' }),
  chunk({ content: 'lo ✓', tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'get', arguments: '{"q":' } }] }),
  chunk({ tool_calls: [{ index: 0, function: { arguments: '"x"}' } }] }),
  chunk({}, 'tool_calls'),
  JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'fake-1', choices: [], usage }),
];
const completion = {
  id: 'c',
  object: 'chat.completion',
  created: 1,
  model: 'fake-1',
  choices: [{ index: 0, finish_reason: 'stop', logprobs: null, message: { role: 'assistant', content: 'Hello', reasoning_content: 'because' } }],
  usage,
};

const streamCase: ChatConformanceCase = {
  name: 'stream with a tool call',
  request: { ...request, stream: true },
  upstream: { body: sseFromChunks(streamLines, { done: true }) },
  expect: { text: 'Hello ✓', toolCalls: [{ name: 'get', arguments: { q: 'x' } }], finishReason: 'tool_calls', usage, reasoningIncludes: null },
  assertRequest: (captured) => {
    expect(captured.url).toBe('/v1/chat/completions');
    expect(captured.headers.authorization).toBe(`Bearer ${secret}`);
  },
};

const options: ProviderConformanceOptions = {
  name: 'fake provider',
  createProvider: (baseURL) => createFakeProvider(baseURL),
  secrets: [secret],
  chatCases: [
    { name: 'text', request, upstream: { body: JSON.stringify(completion) }, expect: { text: 'Hello', reasoningIncludes: 'cause', finishReason: 'stop', usage } },
    streamCase,
    {
      name: 'rate limited',
      request,
      upstream: { status: 429, headers: { 'retry-after': '2' }, body: '{"error":{"message":"slow down","code":"rate_limit_exceeded"}}' },
      expect: { errorKind: 'rate_limit', retryAfterMs: 2000, errorCode: 'rate_limit_exceeded', errorParam: null },
    },
    {
      name: 'connection lost mid-stream',
      request: { ...request, stream: true },
      upstream: { body: sseFromChunks(streamLines.slice(0, 2)), after: 'reset' },
      expect: { streamErrorKind: 'upstream_unavailable', text: 'Hello ✓' },
    },
  ],
  embeddingCases: [
    {
      name: 'two vectors',
      request: { model: 'emb', input: ['a', 'b'] },
      upstream: { body: JSON.stringify({ object: 'list', model: 'emb', data: [0, 1].map((index) => ({ object: 'embedding', index, embedding: [0.1, 0.2, 0.3] })), usage: { prompt_tokens: 2, total_tokens: 2 } }) },
      expect: { count: 2, dimensions: 3, promptTokens: 2 },
      assertRequest: (captured) => expect(captured.url).toBe('/v1/embeddings'),
    },
  ],
};

runProviderConformance(options);

describe('the conformance checks catch a broken provider', () => {
  let server: RecordedServer;
  beforeAll(async () => {
    server = await startRecordedServer();
  });
  afterAll(() => server.close());

  it('fails a stream that carries usage on every part', async () => {
    const broken = { ...options, createProvider: (baseURL: string) => createFakeProvider(baseURL, { usageOnEveryChunk: true }) };
    await expect(runChatCase(server, broken, streamCase)).rejects.toThrow(/stream rule violations/);
  });

  it('fails a case whose expected text differs from what the provider produced', async () => {
    const wrong = { ...streamCase, expect: { ...streamCase.expect, text: 'Goodbye' } };
    await expect(runChatCase(server, options, wrong)).rejects.toThrow(/assistant text/);
  });

  it('fails an error case when the error kind differs', async () => {
    const wrongKind = { ...options.chatCases[2]!, expect: { errorKind: 'permission' as const } };
    await expect(runChatCase(server, options, wrongKind)).rejects.toThrow(/error kind/);
  });

  it('fails when a secret leaks into an error', async () => {
    const leaky = { ...options.chatCases[2]!, upstream: { status: 400, body: `{"error":{"message":"bad key ${secret}"}}` }, expect: { errorKind: 'bad_request' as const } };
    await expect(runChatCase(server, options, leaky)).rejects.toThrow(/secret/);
  });
});

afterAll(() => http.close());
