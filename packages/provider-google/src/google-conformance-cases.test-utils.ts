import type { ChatCompletionRequest } from '@switchyard/core';
import { readChunksFixture, readFixture, sseFromChunks, type CapturedRequest, type ChatConformanceCase, type RecordedResponse } from '@switchyard/provider-kit/testing';
import { expect } from 'vitest';

export const fixtures = new URL('./__fixtures__/', import.meta.url);

/** A recorded non-streaming body, served as Gemini serves it. */
export function jsonFixture(name: string): RecordedResponse {
  return { status: 200, headers: { 'content-type': 'application/json; charset=UTF-8' }, body: readFixture(fixtures, name) };
}

/** A recorded stream, framed as Gemini frames `alt=sse` (CRLF separators, no [DONE]). */
export function streamFixture(name: string, lines?: (all: string[]) => string[]): RecordedResponse {
  const all = readChunksFixture(fixtures, name);
  const body = sseFromChunks(lines ? lines(all) : all, { separator: '\r\n\r\n' });
  return { status: 200, headers: { 'content-type': 'text/event-stream' }, body };
}

const strawberry: ChatCompletionRequest = {
  model: 'gemini-3-pro-preview',
  messages: [{ role: 'user', content: 'How many "r"s are in the word "strawberry"?' }],
};

const weatherTool = {
  type: 'function' as const,
  function: {
    name: 'weather',
    description: 'Get the weather in a location',
    parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'], additionalProperties: false },
  },
};

const getWeatherTool = { ...weatherTool, function: { ...weatherTool.function, name: 'getWeather' } };

const screenTools = [
  { type: 'function' as const, function: { name: 'read_theme', parameters: { type: 'object', properties: {} } } },
  { type: 'function' as const, function: { name: 'read_screen', parameters: { type: 'object', properties: { id: { type: 'string' } } } } },
];

const itemsTool = {
  type: 'function' as const,
  function: {
    name: 'writeItems',
    parameters: {
      type: 'object',
      properties: {
        operations: {
          type: 'array',
          items: {
            type: 'object',
            properties: { action: { type: 'string' }, description: { type: 'string' }, itemid: { type: 'string' }, price: { type: 'number' } },
          },
        },
      },
    },
  },
};

function body(request: CapturedRequest): Record<string, unknown> {
  return request.json as Record<string, unknown>;
}

function expectGenerateContent(request: CapturedRequest, model: string, stream: boolean): void {
  expect(request.method).toBe('POST');
  expect(request.url).toBe(stream ? `/v1beta/models/${model}:streamGenerateContent?alt=sse` : `/v1beta/models/${model}:generateContent`);
  expect(request.headers['x-goog-api-key']).toBe(geminiTestKey);
  expect(body(request)['contents']).toEqual([{ role: 'user', parts: [{ text: expect.any(String) as string }] }]);
}

export const geminiTestKey = 'test-gemini-key-0123456789';

const strawberryUsage = (prompt: number, candidates: number, thoughts: number, total: number) => ({
  prompt_tokens: prompt,
  completion_tokens: candidates + thoughts,
  total_tokens: total,
  prompt_tokens_details: { cached_tokens: 0 },
  completion_tokens_details: { reasoning_tokens: thoughts },
});

const breakdown = 'There are **3** "r"s in strawberry.\n\nHere is the breakdown: st**r**awbe**rr**y.';

/** Every recorded Gemini fixture, with the exact outcome each must produce. */
export const geminiCases: ChatConformanceCase[] = [
  {
    name: 'google-text.json',
    request: strawberry,
    upstream: jsonFixture('google-text.json'),
    expect: {
      text: "There are **3** r's in strawberry.\n\nHere is the breakdown: st**r**awbe**rr**y.",
      toolCalls: [],
      reasoningIncludes: null,
      finishReason: 'stop',
      usage: strawberryUsage(9, 28, 244, 281),
    },
    assertRequest: (request) => expectGenerateContent(request, 'gemini-3-pro-preview', false),
  },
  {
    name: 'google-text.chunks.txt',
    request: { ...strawberry, stream: true, stream_options: { include_usage: true } },
    upstream: streamFixture('google-text.chunks.txt'),
    expect: {
      text: 'There are **3** "r"s in strawberry.\n\nst**r**awbe**rr**y',
      toolCalls: [],
      reasoningIncludes: null,
      finishReason: 'stop',
      usage: strawberryUsage(9, 23, 185, 217),
    },
    assertRequest: (request) => expectGenerateContent(request, 'gemini-3-pro-preview', true),
  },
  {
    name: 'google-reasoning.json',
    request: { ...strawberry, reasoning_effort: 'high' },
    upstream: jsonFixture('google-reasoning.json'),
    expect: { text: breakdown, toolCalls: [], finishReason: 'stop', usage: strawberryUsage(9, 29, 282, 320) },
    assertRequest: (request) =>
      expect(body(request)['generationConfig']).toEqual({ thinkingConfig: { thinkingLevel: 'high', includeThoughts: true } }),
  },
  {
    name: 'google-reasoning.chunks.txt',
    request: { ...strawberry, stream: true, stream_options: { include_usage: true }, reasoning_effort: 'low' },
    upstream: streamFixture('google-reasoning.chunks.txt'),
    expect: { text: breakdown, toolCalls: [], finishReason: 'stop', usage: strawberryUsage(9, 29, 256, 294) },
    assertRequest: (request) =>
      expect(body(request)['generationConfig']).toEqual({ thinkingConfig: { thinkingLevel: 'low', includeThoughts: true } }),
  },
  {
    name: 'google-reasoning-gemini3.json',
    request: { ...strawberry, thinking: { type: 'enabled', budget_tokens: 4096 } },
    upstream: jsonFixture('google-reasoning-gemini3.json'),
    expect: { text: breakdown, toolCalls: [], finishReason: 'stop', usage: strawberryUsage(9, 29, 258, 296) },
    assertRequest: (request) =>
      expect(body(request)['generationConfig']).toEqual({ thinkingConfig: { thinkingLevel: 'high', includeThoughts: true } }),
  },
  {
    name: 'google-reasoning-gemini3.chunks.txt',
    request: { ...strawberry, stream: true, stream_options: { include_usage: true }, reasoning_effort: 'medium' },
    upstream: streamFixture('google-reasoning-gemini3.chunks.txt'),
    expect: {
      text: 'There are **3** "r"s in strawberry.\n\nSt**r**awbe**rr**y',
      toolCalls: [],
      finishReason: 'stop',
      usage: strawberryUsage(9, 23, 302, 334),
    },
  },
  {
    name: 'google-tool-call.json',
    request: { ...strawberry, messages: [{ role: 'user', content: 'What is the weather in San Francisco?' }], tools: [weatherTool] },
    upstream: jsonFixture('google-tool-call.json'),
    expect: {
      text: null,
      toolCalls: [{ name: 'weather', arguments: { location: 'San Francisco' } }],
      finishReason: 'tool_calls',
      usage: strawberryUsage(29, 15, 893, 937),
    },
    assertRequest: (request) => {
      expect(body(request)['tools']).toEqual([
        {
          functionDeclarations: [
            {
              name: 'weather',
              description: 'Get the weather in a location',
              parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] },
            },
          ],
        },
      ]);
      expect(body(request)['toolConfig']).toEqual({ functionCallingConfig: { mode: 'AUTO' } });
    },
  },
  {
    name: 'google-tool-call.chunks.txt',
    request: { ...strawberry, stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'Weather in San Francisco?' }], tools: [weatherTool] },
    upstream: streamFixture('google-tool-call.chunks.txt'),
    expect: {
      text: null,
      toolCalls: [{ name: 'weather', arguments: { location: 'San Francisco' } }],
      finishReason: 'tool_calls',
      usage: strawberryUsage(29, 15, 45, 89),
    },
  },
  {
    name: 'google-stream-tool-call-arguments.chunks.txt',
    request: { model: 'gemini-3.1-pro-preview', stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'Weather in Boston and San Francisco?' }], tools: [getWeatherTool] },
    upstream: streamFixture('google-stream-tool-call-arguments.chunks.txt'),
    expect: {
      text: null,
      toolCalls: [
        { name: 'getWeather', arguments: { location: 'Boston' } },
        { name: 'getWeather', arguments: { location: 'San Francisco' } },
      ],
      finishReason: 'tool_calls',
      usage: strawberryUsage(26, 23, 132, 181),
    },
  },
  {
    name: 'google-stream-no-args-tool-call.chunks.txt',
    request: { model: 'gemini-3-flash-preview', stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'Read the theme, then screens A, B, C.' }], tools: screenTools },
    upstream: streamFixture('google-stream-no-args-tool-call.chunks.txt'),
    expect: {
      text: null,
      toolCalls: [
        { name: 'read_theme', arguments: {} },
        { name: 'read_screen', arguments: { id: 'A' } },
        { name: 'read_screen', arguments: { id: 'B' } },
        { name: 'read_screen', arguments: { id: 'C' } },
      ],
      reasoningIncludes: '**Processing User Requests**',
      finishReason: 'tool_calls',
      usage: strawberryUsage(249, 58, 183, 490),
    },
    assertRequest: (request) =>
      expect(body(request)['tools']).toEqual([
        { functionDeclarations: [{ name: 'read_theme' }, { name: 'read_screen', parameters: { type: 'object', properties: { id: { type: 'string' } } } }] },
      ]),
  },
  {
    name: 'google-stream-tool-call-array-arguments-missing-terminal-function-call.chunks.txt',
    request: { model: 'gemini-3-flash-preview', stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'Add an apple and a banana.' }], tools: [itemsTool] },
    upstream: streamFixture('google-stream-tool-call-array-arguments-missing-terminal-function-call.chunks.txt'),
    expect: {
      text: null,
      toolCalls: [
        {
          name: 'writeItems',
          arguments: {
            operations: [
              { action: 'add', description: 'Fresh red apple', itemid: 'apple_001', price: 0.5 },
              { action: 'add', description: 'Ripe yellow banana', itemid: 'banana_001', price: 0.3 },
            ],
          },
        },
      ],
      finishReason: 'tool_calls',
      usage: strawberryUsage(54, 74, 121, 249),
    },
  },
  {
    name: 'google-429-retry-info.json',
    request: strawberry,
    upstream: { ...jsonFixture('google-429-retry-info.json'), status: 429 },
    expect: { errorKind: 'rate_limit', retryAfterMs: 34_400 },
  },
  {
    name: 'google-429-retry-info.json before a stream starts',
    request: { ...strawberry, stream: true, stream_options: { include_usage: true } },
    upstream: { ...jsonFixture('google-429-retry-info.json'), status: 429 },
    expect: { errorKind: 'rate_limit', retryAfterMs: 34_400 },
  },
  {
    name: 'google-text.chunks.txt cut off before its finish reason',
    request: { ...strawberry, stream: true, stream_options: { include_usage: true } },
    upstream: streamFixture('google-text.chunks.txt', (all) => all.slice(0, 2)),
    expect: { streamErrorKind: 'upstream_unavailable' },
  },
  {
    name: 'google-text.chunks.txt followed by the recorded 429 error in the stream',
    request: { ...strawberry, stream: true, stream_options: { include_usage: true } },
    upstream: streamFixture('google-text.chunks.txt', (all) => [
      ...all.slice(0, 1),
      JSON.stringify(JSON.parse(readFixture(fixtures, 'google-429-retry-info.json')) as unknown),
    ]),
    expect: { streamErrorKind: 'rate_limit' },
  },
];
