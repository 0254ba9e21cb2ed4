import type { ChatCompletionRequest } from '@switchyard/core';
import {
  readChunksFixture,
  readFixture,
  runProviderConformance,
  sseFromChunks,
  type CapturedRequest,
  type ChatConformanceCase,
} from '@switchyard/provider-kit/testing';
import { expect } from 'vitest';
import { createAnthropic } from './anthropic-provider.js';

const fixtures = new URL('./__fixtures__/', import.meta.url);
const apiKey = 'sk-ant-test-key-0123456789';

/** A recorded stream, framed as the Messages API sends it (`event: <type>` before each `data:`). */
function recordedStream(name: string) {
  return { body: sseFromChunks(readChunksFixture(fixtures, name), { event: true }) };
}

function recordedJson(name: string) {
  return { body: readFixture(fixtures, name) };
}

function fixtureJson(name: string): { content: Array<Record<string, unknown>> } {
  return JSON.parse(readFixture(fixtures, name)) as { content: Array<Record<string, unknown>> };
}

/** The text a recorded stream's text_delta events add up to. */
function streamedText(name: string): string {
  return readChunksFixture(fixtures, name)
    .map((line) => JSON.parse(line) as { delta?: { type?: string; text?: string } })
    .filter((event) => event.delta?.type === 'text_delta')
    .map((event) => event.delta?.text ?? '')
    .join('');
}

function ask(model: string, extra: Partial<ChatCompletionRequest> = {}): ChatCompletionRequest {
  return { model, messages: [{ role: 'user', content: 'Hello' }], ...extra };
}

const streaming = { stream: true, stream_options: { include_usage: true } } as const;

function upstreamBody(request: CapturedRequest): Record<string, unknown> {
  expect(request.method).toBe('POST');
  expect(request.url).toBe('/v1/messages');
  expect(request.headers['x-api-key']).toBe(apiKey);
  expect(request.headers['anthropic-version']).toBe('2023-06-01');
  return request.json as Record<string, unknown>;
}

const weatherTool = {
  type: 'function' as const,
  function: {
    name: 'weather',
    description: 'The weather in a location',
    parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] },
  },
};

const elementsSchema = {
  name: 'elements',
  schema: { type: 'object', properties: { elements: { type: 'array', items: { type: 'object' } } }, required: ['elements'] },
};

const usage = (prompt: number, completion: number) => ({
  prompt_tokens: prompt,
  completion_tokens: completion,
  total_tokens: prompt + completion,
  prompt_tokens_details: { cached_tokens: 0, cache_creation_tokens: 0 },
});

const streamCases: ChatConformanceCase[] = [
  {
    name: 'text stream (anthropic-text.chunks.txt)',
    request: ask('claude-sonnet-4-5-20250929', streaming),
    upstream: recordedStream('anthropic-text.chunks.txt'),
    expect: {
      text: "Hello! I'm doing well, thank you for asking. How are you doing today? Is there anything I can help you with?",
      toolCalls: [],
      reasoningIncludes: null,
      finishReason: 'stop',
      usage: usage(12, 30),
    },
    assertRequest: (request) => {
      const body = upstreamBody(request);
      expect(request.headers.accept).toBe('text/event-stream');
      expect(body).toEqual({
        model: 'claude-sonnet-4-5-20250929',
        max_tokens: 4096,
        messages: [{ role: 'user', content: [{ type: 'text', text: 'Hello' }] }],
        stream: true,
      });
    },
  },
  {
    name: 'json_object through the json tool, streamed (anthropic-json-tool.1.chunks.txt)',
    request: ask('claude-haiku-4-5-20251001', { ...streaming, response_format: { type: 'json_object' } }),
    upstream: recordedStream('anthropic-json-tool.1.chunks.txt'),
    expect: {
      text: '{"elements": [{"location": "San Francisco", "temperature": 58, "condition": "sunny"}]}',
      toolCalls: [],
      finishReason: 'stop',
      usage: usage(849, 47),
    },
    assertRequest: (request) => {
      const body = upstreamBody(request);
      expect(body.tools).toEqual([
        { name: 'json', description: 'Respond with a JSON object.', input_schema: { type: 'object', additionalProperties: true } },
      ]);
      expect(body.tool_choice).toEqual({ type: 'tool', name: 'json', disable_parallel_tool_use: true });
    },
  },
  {
    name: 'json tool offered, model calls another tool, streamed (anthropic-json-other-tool.1.chunks.txt)',
    request: ask('claude-haiku-4-5-20251001', { ...streaming, tools: [weatherTool], response_format: { type: 'json_object' } }),
    upstream: recordedStream('anthropic-json-other-tool.1.chunks.txt'),
    expect: { text: null, toolCalls: [{ name: 'weather', arguments: { location: 'San Francisco' } }], finishReason: 'tool_calls', usage: usage(843, 28) },
    assertRequest: (request) => {
      const body = upstreamBody(request);
      expect((body.tools as Array<{ name: string }>).map((tool) => tool.name)).toEqual(['weather', 'json']);
      expect(body.tool_choice).toEqual({ type: 'any', disable_parallel_tool_use: true });
    },
  },
  {
    name: 'json_schema as native structured output, streamed (anthropic-json-output-format.1.chunks.txt)',
    request: ask('claude-sonnet-4-5-20250929', { ...streaming, response_format: { type: 'json_schema', json_schema: elementsSchema } }),
    upstream: recordedStream('anthropic-json-output-format.1.chunks.txt'),
    expect: { text: streamedText('anthropic-json-output-format.1.chunks.txt'), toolCalls: [], finishReason: 'stop' },
    assertRequest: (request) => {
      const body = upstreamBody(request);
      expect(body.tools).toBeUndefined();
      expect(body.output_config).toEqual({
        format: {
          type: 'json_schema',
          schema: {
            type: 'object',
            properties: { elements: { type: 'array', items: { type: 'object', additionalProperties: false } } },
            required: ['elements'],
            additionalProperties: false,
          },
        },
      });
    },
  },
  {
    name: 'thinking then text, streamed (anthropic-clear-thinking.1.chunks.txt)',
    request: ask('claude-sonnet-4-5-20250929', { ...streaming, thinking: { type: 'enabled', budget_tokens: 1024 } }),
    upstream: recordedStream('anthropic-clear-thinking.1.chunks.txt'),
    expect: {
      text: '925 ÷ 5 = 185',
      reasoningIncludes: 'The previous result was 925. Now I need to divide that by 5.\n\n925 ÷ 5 = 185',
      finishReason: 'stop',
      usage: usage(69, 53),
    },
    assertRequest: (request) => {
      const body = upstreamBody(request);
      expect(body.thinking).toEqual({ type: 'enabled', budget_tokens: 1024 });
      expect(body.max_tokens).toBe(4096 + 1024);
    },
  },
  {
    name: 'refusal, streamed (anthropic-refusal.chunks.txt)',
    request: ask('claude-fable-5', streaming),
    upstream: recordedStream('anthropic-refusal.chunks.txt'),
    expect: { text: null, toolCalls: [], finishReason: 'content_filter', usage: usage(18, 5) },
  },
  {
    name: 'final input_tokens come from message_delta (anthropic-message-delta-input-tokens.chunks.txt)',
    request: ask('claude-opus-4-5-20251101', streaming),
    upstream: recordedStream('anthropic-message-delta-input-tokens.chunks.txt'),
    expect: { text: 'pong', finishReason: 'stop', usage: usage(61, 2) },
  },
  {
    name: 'server-side model fallback, streamed (anthropic-fallback.chunks.txt)',
    request: ask('claude-fable-5', streaming),
    upstream: recordedStream('anthropic-fallback.chunks.txt'),
    expect: { text: 'The printing press was invented by Johannes Gutenberg around 1440.', finishReason: 'stop', usage: usage(412, 264) },
  },
  {
    name: 'server tool blocks only, streamed (anthropic-advisor-stop-reasons.chunks.txt)',
    request: ask('claude-sonnet-4-6', streaming),
    upstream: recordedStream('anthropic-advisor-stop-reasons.chunks.txt'),
    expect: { text: null, toolCalls: [], finishReason: 'stop', usage: usage(10, 20) },
  },
  {
    name: 'MCP connector tool use, streamed (anthropic-mcp.1.chunks.txt)',
    request: ask('claude-sonnet-4-5-20250929', {
      ...streaming,
      tools: [{ type: 'mcp', server_label: 'echo', server_url: 'https://mcp.example.com/sse' }],
    }),
    upstream: recordedStream('anthropic-mcp.1.chunks.txt'),
    expect: {
      text: 'The echo tool responded back with: **hello world**\n\nIt simply echoed back the exact message that was sent to it.',
      toolCalls: [],
      finishReason: 'stop',
      usage: usage(1250, 83),
    },
    assertRequest: (request) => {
      const body = upstreamBody(request);
      expect(body.mcp_servers).toEqual([{ type: 'url', url: 'https://mcp.example.com/sse', name: 'echo' }]);
      expect(body.tools).toBeUndefined();
      expect(request.headers['anthropic-beta']).toBe('mcp-client-2025-04-04');
    },
  },
  {
    // The recorded text stream cut after its first deltas and ended by an error event in the documented shape.
    name: 'an error event after the stream started is thrown from the iterator',
    request: ask('claude-sonnet-4-5-20250929', { stream: true }),
    upstream: {
      body: sseFromChunks(
        [
          ...readChunksFixture(fixtures, 'anthropic-text.chunks.txt').slice(0, 5),
          JSON.stringify({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }),
        ],
        { event: true },
      ),
    },
    expect: { streamErrorKind: 'upstream_unavailable', text: 'Hello! I' },
  },
  {
    name: 'a duplicated message_start is refused (duplicate-message-start.chunks.txt)',
    request: ask('claude-3-haiku-20240307', { stream: true }),
    upstream: recordedStream('duplicate-message-start.chunks.txt'),
    expect: { streamErrorKind: 'upstream_unavailable' },
  },
  {
    name: 'a second message spliced into the stream is refused (spliced-message-start.chunks.txt)',
    request: ask('claude-3-haiku-20240307', { stream: true }),
    upstream: recordedStream('spliced-message-start.chunks.txt'),
    expect: { streamErrorKind: 'upstream_unavailable' },
  },
];

const jsonCases: ChatConformanceCase[] = [
  {
    name: 'text (anthropic-text.json)',
    request: ask('claude-sonnet-4-5-20250929'),
    upstream: recordedJson('anthropic-text.json'),
    expect: {
      text: "Hello! I'm doing well, thanks for asking. How are you doing today? Is there anything I can help you with?",
      toolCalls: [],
      reasoningIncludes: null,
      finishReason: 'stop',
      usage: usage(12, 29),
    },
    assertRequest: (request) => {
      upstreamBody(request);
      expect(request.headers.accept).toBe('application/json');
      expect(request.headers['anthropic-beta']).toBeUndefined();
    },
  },
  {
    name: 'json_schema through the json tool on a model without structured output (anthropic-json-tool.1.json)',
    request: ask('claude-sonnet-4-20250514', { response_format: { type: 'json_schema', json_schema: elementsSchema } }),
    upstream: recordedJson('anthropic-json-tool.1.json'),
    expect: {
      text: JSON.stringify(fixtureJson('anthropic-json-tool.1.json').content[0]?.input),
      toolCalls: [],
      finishReason: 'stop',
      usage: usage(1151, 87),
    },
    assertRequest: (request) => {
      const body = upstreamBody(request);
      expect(body.output_config).toBeUndefined();
      expect(body.tools).toEqual([{ name: 'json', description: 'Respond with a JSON object (elements).', input_schema: elementsSchema.schema }]);
      expect(body.tool_choice).toEqual({ type: 'tool', name: 'json', disable_parallel_tool_use: true });
    },
  },
  {
    name: 'json tool offered, model calls another tool (anthropic-json-other-tool.1.json)',
    request: ask('claude-sonnet-4-20250514', { tools: [weatherTool], response_format: { type: 'json_schema', json_schema: elementsSchema } }),
    upstream: recordedJson('anthropic-json-other-tool.1.json'),
    expect: { text: null, toolCalls: [{ name: 'weather', arguments: { location: 'San Francisco' } }], finishReason: 'tool_calls', usage: usage(843, 28) },
  },
  {
    name: 'json_schema as native structured output (anthropic-json-output-format.1.json)',
    request: ask('claude-sonnet-4-5-20250929', { response_format: { type: 'json_schema', json_schema: elementsSchema } }),
    upstream: recordedJson('anthropic-json-output-format.1.json'),
    expect: {
      text: fixtureJson('anthropic-json-output-format.1.json').content[0]?.text as string,
      finishReason: 'stop',
      usage: usage(371, 629),
    },
  },
  {
    name: 'adaptive thinking from reasoning_effort (anthropic-claude-opus-5-reasoning-high.1.json)',
    request: ask('claude-opus-5', { reasoning_effort: 'high' }),
    upstream: recordedJson('anthropic-claude-opus-5-reasoning-high.1.json'),
    expect: {
      text: fixtureJson('anthropic-claude-opus-5-reasoning-high.1.json').content[1]?.text as string,
      reasoningIncludes: fixtureJson('anthropic-claude-opus-5-reasoning-high.1.json').content[0]?.thinking as string,
      finishReason: 'stop',
      usage: { ...usage(51, 1699), completion_tokens_details: { reasoning_tokens: 139 } },
    },
    assertRequest: (request) => {
      const body = upstreamBody(request);
      expect(body.thinking).toEqual({ type: 'adaptive' });
      expect(body.output_config).toEqual({ effort: 'high' });
    },
  },
  {
    name: 'thinking then text (anthropic-clear-thinking.1.json)',
    request: ask('claude-sonnet-4-5-20250929', { reasoning_effort: 'low' }),
    upstream: recordedJson('anthropic-clear-thinking.1.json'),
    expect: { text: '925 ÷ 5 = 185', reasoningIncludes: '925 divided by 5 = 185', finishReason: 'stop', usage: usage(69, 33) },
    assertRequest: (request) => {
      const body = upstreamBody(request);
      expect(body.thinking).toEqual({ type: 'enabled', budget_tokens: 1024 });
      expect(body.output_config).toBeUndefined();
    },
  },
  {
    name: 'refusal with stop_details (anthropic-refusal.json)',
    request: ask('claude-fable-5'),
    upstream: recordedJson('anthropic-refusal.json'),
    expect: { text: null, toolCalls: [], finishReason: 'content_filter', usage: usage(18, 5) },
  },
  {
    name: 'refusal without stop_details (anthropic-refusal-no-details.json)',
    request: ask('claude-fable-5'),
    upstream: recordedJson('anthropic-refusal-no-details.json'),
    expect: { text: null, finishReason: 'content_filter', usage: usage(18, 5) },
  },
  {
    name: 'server-side model fallback (anthropic-fallback.json)',
    request: ask('claude-fable-5'),
    upstream: recordedJson('anthropic-fallback.json'),
    expect: { text: 'The printing press was invented by Johannes Gutenberg around 1440.', finishReason: 'stop', usage: usage(412, 264) },
  },
  {
    name: 'server tool blocks only (anthropic-advisor-stop-reasons.json)',
    request: ask('claude-sonnet-4-6'),
    upstream: recordedJson('anthropic-advisor-stop-reasons.json'),
    expect: { text: null, toolCalls: [], finishReason: 'stop', usage: usage(10, 20) },
  },
  {
    name: 'web_fetch server tool with an error result (anthropic-web-fetch-tool.error.json)',
    request: ask('claude-sonnet-4-20250514', { tools: [{ type: 'web_fetch_20250910', name: 'web_fetch', max_uses: 1 }] }),
    upstream: recordedJson('anthropic-web-fetch-tool.error.json'),
    expect: {
      text: fixtureJson('anthropic-web-fetch-tool.error.json')
        .content.filter((block) => block.type === 'text')
        .map((block) => block.text)
        .join(''),
      toolCalls: [],
      finishReason: 'stop',
      usage: usage(1902, 214),
    },
    assertRequest: (request) => {
      const body = upstreamBody(request);
      expect(body.tools).toEqual([{ type: 'web_fetch_20250910', name: 'web_fetch', max_uses: 1 }]);
      expect(request.headers['anthropic-beta']).toBe('web-fetch-2025-09-10');
    },
  },
  {
    name: 'MCP connector tool use (anthropic-mcp.1.json)',
    request: ask('claude-sonnet-4-5-20250929', { tools: [{ type: 'mcp', server_label: 'echo', server_url: 'https://mcp.example.com/sse' }] }),
    upstream: recordedJson('anthropic-mcp.1.json'),
    expect: {
      text: 'The echo tool responded back with: **"hello world"**\n\nAs expected, it simply echoes back the exact message that was sent to it!',
      finishReason: 'stop',
      usage: usage(1250, 88),
    },
  },
  {
    name: 'code execution server tool (anthropic-code-execution-20250825.1.json)',
    request: ask('claude-sonnet-4-5-20250929', { tools: [{ type: 'code_execution_20250825', name: 'code_execution' }] }),
    upstream: recordedJson('anthropic-code-execution-20250825.1.json'),
    expect: {
      text: fixtureJson('anthropic-code-execution-20250825.1.json')
        .content.filter((block) => block.type === 'text')
        .map((block) => block.text)
        .join(''),
      toolCalls: [],
      finishReason: 'stop',
      usage: usage(7881, 608),
    },
    assertRequest: (request) => {
      upstreamBody(request);
      expect(request.headers['anthropic-beta']).toBe('code-execution-2025-08-25');
    },
  },
];

/** Error bodies in the documented `{"type":"error","error":{type,message}}` shape, one per status. */
function errorResponse(status: number, type: string, message: string, headers: Record<string, string> = {}) {
  return { status, headers, body: JSON.stringify({ type: 'error', error: { type, message }, request_id: 'req_test' }) };
}

const errorCases: ChatConformanceCase[] = [
  {
    name: '400 prompt is too long is context_window_exceeded',
    request: ask('claude-sonnet-4-5-20250929'),
    upstream: errorResponse(400, 'invalid_request_error', 'prompt is too long: 215231 tokens > 200000 maximum'),
    expect: { errorKind: 'context_window_exceeded' },
  },
  {
    name: '400 invalid_request_error is bad_request',
    request: ask('claude-sonnet-4-5-20250929'),
    upstream: errorResponse(400, 'invalid_request_error', 'messages: roles must alternate'),
    expect: { errorKind: 'bad_request' },
  },
  {
    name: '401 authentication_error is authentication',
    request: ask('claude-sonnet-4-5-20250929'),
    upstream: errorResponse(401, 'authentication_error', 'invalid x-api-key'),
    expect: { errorKind: 'authentication' },
  },
  {
    name: '403 permission_error is permission',
    request: ask('claude-sonnet-4-5-20250929'),
    upstream: errorResponse(403, 'permission_error', 'Your API key does not have permission to use the specified resource.'),
    expect: { errorKind: 'permission' },
  },
  {
    name: '404 not_found_error is not_found',
    request: ask('claude-nonexistent-1'),
    upstream: errorResponse(404, 'not_found_error', 'model: claude-nonexistent-1'),
    expect: { errorKind: 'not_found' },
  },
  {
    name: '413 request_too_large is payload_too_large',
    request: ask('claude-sonnet-4-5-20250929'),
    upstream: errorResponse(413, 'request_too_large', 'Request exceeds the maximum allowed number of bytes.'),
    expect: { errorKind: 'payload_too_large' },
  },
  {
    name: '429 rate_limit_error is rate_limit with retry-after',
    request: ask('claude-sonnet-4-5-20250929'),
    upstream: errorResponse(429, 'rate_limit_error', 'Number of request tokens has exceeded your per-minute rate limit', { 'retry-after': '7' }),
    expect: { errorKind: 'rate_limit', retryAfterMs: 7000 },
  },
  {
    name: '500 api_error is upstream_unavailable',
    request: ask('claude-sonnet-4-5-20250929', { stream: true }),
    upstream: errorResponse(500, 'api_error', 'Internal server error'),
    expect: { errorKind: 'upstream_unavailable' },
  },
  {
    name: '529 overloaded_error is upstream_unavailable with retry-after',
    request: ask('claude-sonnet-4-5-20250929', { stream: true }),
    upstream: errorResponse(529, 'overloaded_error', 'Overloaded', { 'retry-after': '2' }),
    expect: { errorKind: 'upstream_unavailable', retryAfterMs: 2000, errorCode: 'overloaded' },
  },
];

runProviderConformance({
  name: '@switchyard/provider-anthropic',
  createProvider: (baseURL) => createAnthropic({ apiKey, baseURL, env: {} }),
  secrets: [apiKey],
  chatCases: [...streamCases, ...jsonCases, ...errorCases],
  baselineCase: 'text stream (anthropic-text.chunks.txt)',
  usageStreamCase: 'text stream (anthropic-text.chunks.txt)',
});
