import {
  readChunksFixture,
  runProviderConformance,
  type ChatConformanceCase,
  type EmbeddingConformanceCase,
} from '@switchyard/provider-kit/testing';
import { expect } from 'vitest';
import { createBedrock } from './bedrock-provider.js';
import { concatFrames, encodeEvent, encodeException, framesFromChunks } from './test/event-stream-frames.js';
import {
  awsOptions,
  bodyOf,
  chatRequest,
  converseResponse,
  converseStream,
  credentials,
  expectSignedConverse,
  fixtures,
} from './test/recorded-bedrock.js';
import { recomputeAuthorization } from './test/reference-sigv4.js';

const weatherTool = {
  type: 'function' as const,
  function: { name: 'get-weather', parameters: { type: 'object', properties: { location: { type: 'string' } } } },
};
const jsonFormat = {
  type: 'json_schema' as const,
  json_schema: { name: 'answer', schema: { type: 'object', properties: { value: { type: 'string' } } } },
};

function jsonRequest(stream: boolean, tools: string[] = []) {
  return chatRequest({
    stream,
    ...(stream ? { stream_options: { include_usage: true } } : {}),
    response_format: jsonFormat,
    ...(tools.length > 0 ? { tools: tools.map((name) => ({ ...weatherTool, function: { ...weatherTool.function, name } })) } : {}),
  });
}

/** JSON mode sends the "json" tool and forces it (alone) or any tool (next to client tools). */
function expectJsonModeRequest(clientTools: string[]) {
  return (request: Parameters<NonNullable<ChatConformanceCase['assertRequest']>>[0]) => {
    const toolConfig = bodyOf(request)['toolConfig'] as { tools: Array<{ toolSpec: { name: string } }>; toolChoice: unknown };
    expect(toolConfig.tools.map((tool) => tool.toolSpec.name)).toEqual([...clientTools, 'json']);
    expect(toolConfig.toolChoice).toEqual(clientTools.length === 0 ? { tool: { name: 'json' } } : { any: {} });
  };
}

const textCases: ChatConformanceCase[] = [
  {
    name: 'amazon-bedrock-text.json: text, end_turn, usage with cache fields',
    request: chatRequest(),
    upstream: converseResponse('amazon-bedrock-text.json'),
    expect: {
      text: 'Let me count the "r"s in "strawberry":\n\ns-t-**r**-a-w-b-e-**r**-**r**-y\n\nThere are **3** "r"s in "strawberry."',
      toolCalls: [],
      reasoningIncludes: null,
      finishReason: 'stop',
      usage: { prompt_tokens: 22, completion_tokens: 57, total_tokens: 79, prompt_tokens_details: { cached_tokens: 0, cache_creation_tokens: 0 } },
    },
    assertRequest: (request) => {
      expectSignedConverse(request, 'converse');
      expect(bodyOf(request)).toEqual({ messages: [{ role: 'user', content: [{ text: 'Hello' }] }] });
    },
  },
  {
    name: 'amazon-bedrock-text.chunks.txt: streamed text, usage from metadata after messageStop',
    request: chatRequest({ stream: true, stream_options: { include_usage: true } }),
    upstream: converseStream('amazon-bedrock-text.chunks.txt'),
    expect: {
      text: 'Let me count the "r"s in "strawberry":\n\ns-t-**r**-a-w-b-e-**r**-**r**-y\n\nThere are **3** r\'s in "strawberry."',
      toolCalls: [],
      finishReason: 'stop',
      usage: { prompt_tokens: 22, completion_tokens: 55, total_tokens: 77 },
    },
    assertRequest: (request) => expectSignedConverse(request, 'converse-stream'),
  },
  {
    name: 'amazon-bedrock-tool-no-args.json: text and a tool call without arguments',
    request: chatRequest({ tools: [{ type: 'function', function: { name: 'updateIssueList' } }] }),
    upstream: converseResponse('amazon-bedrock-tool-no-args.json'),
    expect: {
      text: "I'll update the issue list for you.",
      toolCalls: [{ name: 'updateIssueList', arguments: {} }],
      finishReason: 'tool_calls',
      usage: { prompt_tokens: 100, completion_tokens: 25, total_tokens: 125 },
    },
  },
  {
    name: 'amazon-bedrock-tool-no-args.chunks.txt: an empty input fragment streams as {}',
    request: chatRequest({
      stream: true,
      stream_options: { include_usage: true },
      tools: [{ type: 'function', function: { name: 'updateIssueList' } }],
    }),
    upstream: converseStream('amazon-bedrock-tool-no-args.chunks.txt'),
    expect: {
      text: "I'll update the issue list for you.",
      toolCalls: [{ name: 'updateIssueList', arguments: {} }],
      finishReason: 'tool_calls',
      usage: { prompt_tokens: 100, completion_tokens: 25, total_tokens: 125 },
    },
  },
];

const jsonCases: ChatConformanceCase[] = [
  {
    name: 'amazon-bedrock-json-tool.1.json: the JSON tool input is the content, finish stop',
    request: jsonRequest(false),
    upstream: converseResponse('amazon-bedrock-json-tool.1.json'),
    expect: {
      text: '{"elements":[{"location":"San Francisco","temperature":-5,"condition":"snowy"},{"location":"London","temperature":0,"condition":"snowy"}]}',
      toolCalls: [],
      finishReason: 'stop',
      usage: { prompt_tokens: 15, completion_tokens: 42, total_tokens: 57 },
    },
    assertRequest: expectJsonModeRequest([]),
  },
  {
    name: 'amazon-bedrock-json-tool.1.chunks.txt: streamed JSON tool input as content',
    request: jsonRequest(true),
    upstream: converseStream('amazon-bedrock-json-tool.1.chunks.txt'),
    expect: { text: '{"value":"test"}', toolCalls: [], finishReason: 'stop' },
    assertRequest: expectJsonModeRequest([]),
  },
  {
    name: 'amazon-bedrock-json-tool.2.json: text before the JSON tool is dropped',
    request: jsonRequest(false),
    upstream: converseResponse('amazon-bedrock-json-tool.2.json'),
    expect: { text: '{"value":"test data"}', toolCalls: [], finishReason: 'stop', usage: { prompt_tokens: 12, completion_tokens: 28, total_tokens: 40 } },
  },
  {
    name: 'amazon-bedrock-json-tool.2.chunks.txt: streamed text before the JSON tool is dropped',
    request: jsonRequest(true),
    upstream: converseStream('amazon-bedrock-json-tool.2.chunks.txt'),
    expect: { text: '{"value":"test"}', toolCalls: [], finishReason: 'stop' },
  },
  {
    name: 'amazon-bedrock-json-tool.3.json: three text blocks, then the JSON tool',
    request: jsonRequest(false),
    upstream: converseResponse('amazon-bedrock-json-tool.3.json'),
    expect: { text: '{"result":42}', toolCalls: [], finishReason: 'stop', usage: { prompt_tokens: 18, completion_tokens: 35, total_tokens: 53 } },
  },
  {
    name: 'amazon-bedrock-json-tool.3.chunks.txt: text blocks without contentBlockStop, then the JSON tool',
    request: jsonRequest(true),
    upstream: converseStream('amazon-bedrock-json-tool.3.chunks.txt'),
    expect: { text: '{"result":42}', toolCalls: [], finishReason: 'stop' },
  },
  {
    name: 'amazon-bedrock-json-tool-with-answer.1.json: an answer in text, then the JSON tool',
    request: jsonRequest(false),
    upstream: converseResponse('amazon-bedrock-json-tool-with-answer.1.json'),
    expect: {
      text: '{"firstName":"John","lastName":"Doe"}',
      toolCalls: [],
      finishReason: 'stop',
      usage: { prompt_tokens: 156, completion_tokens: 35, total_tokens: 191 },
    },
  },
  {
    name: 'amazon-bedrock-json-only-text-first.1.chunks.txt: text first, then the JSON tool (metadata before messageStop)',
    request: jsonRequest(true),
    upstream: converseStream('amazon-bedrock-json-only-text-first.1.chunks.txt'),
    expect: { text: '{"name":"John"}', toolCalls: [], finishReason: 'stop', usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 } },
  },
  {
    name: 'amazon-bedrock-json-other-tool.1.json: JSON mode, but the model calls a client tool',
    request: jsonRequest(false, ['get-weather']),
    upstream: converseResponse('amazon-bedrock-json-other-tool.1.json'),
    expect: {
      text: null,
      toolCalls: [{ name: 'get-weather', arguments: { location: 'San Francisco' } }],
      finishReason: 'tool_calls',
      usage: { prompt_tokens: 843, completion_tokens: 28, total_tokens: 871 },
    },
    assertRequest: expectJsonModeRequest(['get-weather']),
  },
  {
    name: 'amazon-bedrock-json-other-tool.1.chunks.txt: streamed client tool call in JSON mode',
    request: jsonRequest(true, ['get-weather']),
    upstream: converseStream('amazon-bedrock-json-other-tool.1.chunks.txt'),
    expect: {
      text: null,
      toolCalls: [{ name: 'get-weather', arguments: { location: 'San Francisco' } }],
      finishReason: 'tool_calls',
      usage: { prompt_tokens: 843, completion_tokens: 28, total_tokens: 871 },
    },
  },
  {
    name: 'amazon-bedrock-json-tool-text-then-weather-then-json.1.chunks.txt: text and two client calls, no JSON tool',
    request: jsonRequest(true, ['weather']),
    upstream: converseStream('amazon-bedrock-json-tool-text-then-weather-then-json.1.chunks.txt'),
    expect: {
      text: '2 + 2 equals 4. Now let me check the weather for you.',
      toolCalls: [
        { name: 'weather', arguments: { location: 'San Francisco' } },
        { name: 'weather', arguments: { location: 'London' } },
      ],
      finishReason: 'tool_calls',
      usage: { prompt_tokens: 500, completion_tokens: 100, total_tokens: 600 },
    },
  },
  {
    name: 'amazon-bedrock-json-with-tool.1.json: a client call, then the JSON tool',
    request: jsonRequest(false, ['get-weather']),
    upstream: converseResponse('amazon-bedrock-json-with-tool.1.json'),
    expect: {
      text: '{"result":"data"}',
      toolCalls: [{ name: 'get-weather', arguments: { location: 'SF' } }],
      finishReason: 'stop',
      usage: { prompt_tokens: 22, completion_tokens: 48, total_tokens: 70 },
    },
  },
  {
    name: 'amazon-bedrock-json-with-tool.1.chunks.txt: streamed client call, then the JSON tool',
    request: jsonRequest(true, ['get-weather']),
    upstream: converseStream('amazon-bedrock-json-with-tool.1.chunks.txt'),
    expect: { text: '{"result":"data"}', toolCalls: [{ name: 'get-weather', arguments: { location: 'SF' } }], finishReason: 'stop' },
  },
  {
    name: 'amazon-bedrock-json-with-tools.1.json: two client calls, then the JSON tool',
    request: jsonRequest(false, ['tool-a', 'tool-b']),
    upstream: converseResponse('amazon-bedrock-json-with-tools.1.json'),
    expect: {
      text: '{"final":"result"}',
      toolCalls: [
        { name: 'tool-a', arguments: { param: 'a' } },
        { name: 'tool-b', arguments: { param: 'b' } },
      ],
      finishReason: 'stop',
      usage: { prompt_tokens: 28, completion_tokens: 62, total_tokens: 90 },
    },
    assertRequest: expectJsonModeRequest(['tool-a', 'tool-b']),
  },
  {
    name: 'amazon-bedrock-json-with-tools.1.chunks.txt: streamed client calls, then the JSON tool',
    request: jsonRequest(true, ['tool-a', 'tool-b']),
    upstream: converseStream('amazon-bedrock-json-with-tools.1.chunks.txt'),
    expect: {
      text: '{"final":"result"}',
      toolCalls: [
        { name: 'tool-a', arguments: { a: '1' } },
        { name: 'tool-b', arguments: { b: '2' } },
      ],
      finishReason: 'stop',
    },
  },
];

function errorResponse(status: number, errorType: string, message: string, headers: Record<string, string> = {}) {
  return {
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-errortype': `${errorType}:http://internal.amazon.com/coral/com.amazon.bedrock/`, ...headers },
    body: JSON.stringify({ message }),
  };
}

const textLines = readChunksFixture(fixtures, 'amazon-bedrock-text.chunks.txt');

/** Error answers in Bedrock's documented shape (status, x-amzn-errortype, {"message"}); no recordings exist. */
const errorCases: ChatConformanceCase[] = [
  { name: 'ThrottlingException 429 with retry-after → rate_limit', request: chatRequest(), upstream: errorResponse(429, 'ThrottlingException', 'Too many requests, please wait before trying again.', { 'retry-after': '7' }), expect: { errorKind: 'rate_limit', retryAfterMs: 7000 } },
  { name: 'ValidationException "Input is too long" → context_window_exceeded', request: chatRequest(), upstream: errorResponse(400, 'ValidationException', 'Input is too long for requested model.'), expect: { errorKind: 'context_window_exceeded' } },
  { name: 'ValidationException otherwise → bad_request', request: chatRequest(), upstream: errorResponse(400, 'ValidationException', 'A conversation must start with a user message.'), expect: { errorKind: 'bad_request' } },
  { name: 'AccessDeniedException 403 → permission', request: chatRequest({ stream: true }), upstream: errorResponse(403, 'AccessDeniedException', "You don't have access to the model with the specified model ID."), expect: { errorKind: 'permission' } },
  { name: 'ResourceNotFoundException 404 → not_found', request: chatRequest(), upstream: errorResponse(404, 'ResourceNotFoundException', 'Could not resolve the foundation model from the provided model identifier.'), expect: { errorKind: 'not_found' } },
  { name: 'ModelTimeoutException 408 → timeout', request: chatRequest(), upstream: errorResponse(408, 'ModelTimeoutException', 'Model has timed out in processing the request.'), expect: { errorKind: 'timeout' } },
  { name: 'ServiceUnavailableException 503 → upstream_unavailable', request: chatRequest({ stream: true }), upstream: errorResponse(503, 'ServiceUnavailableException', 'Service unavailable.'), expect: { errorKind: 'upstream_unavailable' } },
  { name: 'ModelNotReadyException 429 → upstream_unavailable', request: chatRequest(), upstream: errorResponse(429, 'ModelNotReadyException', 'Model is not ready for inference.'), expect: { errorKind: 'upstream_unavailable' } },
  {
    name: 'a bad signature whose message echoes the session token → authentication, token redacted',
    request: chatRequest(),
    upstream: errorResponse(403, 'InvalidSignatureException', `The Canonical String for this request should have been 'x-amz-security-token:${credentials.sessionToken}' signed by ${credentials.accessKeyId}`),
    expect: { errorKind: 'authentication' },
  },
  {
    name: 'an in-stream throttlingException frame → rate_limit from the iterator',
    request: chatRequest({ stream: true }),
    upstream: { headers: { 'content-type': 'application/vnd.amazon.eventstream' }, body: concatFrames([...framesFromChunks(textLines.slice(0, 4)), encodeException('throttlingException', 'Too many tokens, please wait.')]) },
    expect: { streamErrorKind: 'rate_limit' },
  },
  {
    name: 'an in-stream modelStreamErrorException frame → upstream_unavailable from the iterator',
    request: chatRequest({ stream: true }),
    upstream: { headers: { 'content-type': 'application/vnd.amazon.eventstream' }, body: [...framesFromChunks(textLines.slice(0, 3)), encodeException('modelStreamErrorException', 'The model stream failed.')] },
    expect: { streamErrorKind: 'upstream_unavailable' },
  },
  {
    name: 'a stream that ends before messageStop → upstream_unavailable from the iterator',
    request: chatRequest({ stream: true }),
    upstream: { headers: { 'content-type': 'application/vnd.amazon.eventstream' }, body: concatFrames([encodeEvent('messageStart', { role: 'assistant' }), ...framesFromChunks(textLines.slice(1, 5))]) },
    expect: { streamErrorKind: 'upstream_unavailable' },
  },
];

/** Embedding answers in the shapes AWS documents for InvokeModel (no recordings exist). */
const embeddingCases: EmbeddingConformanceCase[] = [
  {
    name: 'Titan text embeddings v2: inputText, dimensions and normalize → one vector',
    request: { model: 'amazon.titan-embed-text-v2:0', input: 'Hello world', dimensions: 4, normalize: true },
    upstream: { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ embedding: [0.1, -0.2, 0.3, 0.4], inputTextTokenCount: 3 }) },
    expect: { count: 1, dimensions: 4, promptTokens: 3 },
    assertRequest: (request) => {
      expect(request.url).toBe('/model/amazon.titan-embed-text-v2%3A0/invoke');
      expect(request.json).toEqual({ inputText: 'Hello world', dimensions: 4, normalize: true });
      expect(request.headers['authorization']).toBe(recomputeAuthorization(request, credentials.secretAccessKey));
    },
  },
  {
    name: 'Cohere embed v3: texts with input_type → one vector per text, tokens from the header',
    request: { model: 'cohere.embed-english-v3', input: ['first', 'second'], input_type: 'search_query' },
    upstream: {
      headers: { 'content-type': 'application/json', 'x-amzn-bedrock-input-token-count': '4' },
      body: JSON.stringify({ id: 'e1', response_type: 'embeddings_floats', texts: ['first', 'second'], embeddings: [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]] }),
    },
    expect: { count: 2, dimensions: 3, promptTokens: 4 },
    assertRequest: (request) => {
      expect(request.url).toBe('/model/cohere.embed-english-v3/invoke');
      expect(request.json).toEqual({ texts: ['first', 'second'], input_type: 'search_query' });
    },
  },
  {
    name: 'a model that is not an embedding model → bad_request',
    request: { model: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', input: 'x' },
    upstream: { body: '{}' },
    expect: { count: 0, errorKind: 'bad_request' },
  },
];

runProviderConformance({
  name: '@switchyard/provider-bedrock',
  createProvider: (baseURL) => createBedrock({ baseURL, options: awsOptions }, { env: {} }),
  secrets: [credentials.accessKeyId, credentials.secretAccessKey, credentials.sessionToken],
  chatCases: [...textCases, ...jsonCases, ...errorCases],
  embeddingCases,
  usageStreamCase: 'amazon-bedrock-text.chunks.txt: streamed text, usage from metadata after messageStop',
});
