import type { ChatCompletionRequest } from '@switchyard/core';
import { readFixture, runProviderConformance } from '@switchyard/provider-kit/testing';
import { expect } from 'vitest';
import { createOpenAI } from './openai-provider.js';
import { completionContent, fixtures, jsonFixture, openAIStreamBody } from './test-support/fixtures.js';

const user = (content: string): ChatCompletionRequest['messages'] => [{ role: 'user', content }];
const weatherTool: NonNullable<ChatCompletionRequest['tools']> = [
  {
    type: 'function',
    function: { name: 'weather', description: 'Get the weather', parameters: { type: 'object', properties: { location: { type: 'string' } } } },
  },
];

const deepseekKey = 'sk-deepseek-conformance';
runProviderConformance({
  name: '@switchyard/provider-openai (deepseek)',
  createProvider: (baseURL) => createOpenAI({ provider: 'deepseek', apiKey: deepseekKey, baseURL, env: {} }),
  secrets: [deepseekKey],
  chatCases: [
    {
      name: 'deepseek-reasoning.json: reasoning_content beside the answer',
      request: { model: 'deepseek-reasoner', messages: user("How many 'r's are in the word 'strawberry'?") },
      upstream: { body: jsonFixture('deepseek-reasoning.json') },
      expect: {
        text: completionContent(jsonFixture('deepseek-reasoning.json')),
        reasoningIncludes: 'So answer is 3.',
        finishReason: 'stop',
        usage: { prompt_tokens: 18, completion_tokens: 345, total_tokens: 363, completion_tokens_details: { reasoning_tokens: 315 } },
      },
      assertRequest: (request) => {
        expect(request.url).toBe('/chat/completions');
        expect(request.headers.authorization).toBe(`Bearer ${deepseekKey}`);
        expect(request.json).toMatchObject({ model: 'deepseek-reasoner' });
      },
    },
    {
      name: 'deepseek-tool-call.json: a tool call with empty content',
      request: { model: 'deepseek-reasoner', messages: user('What is the weather in San Francisco?'), tools: weatherTool },
      upstream: { body: jsonFixture('deepseek-tool-call.json') },
      expect: {
        text: null,
        toolCalls: [{ name: 'weather', arguments: { location: 'San Francisco' } }],
        reasoningIncludes: 'Let me call the weather function.',
        finishReason: 'tool_calls',
        usage: { prompt_tokens: 339, completion_tokens: 92, total_tokens: 431, prompt_tokens_details: { cached_tokens: 320 } },
      },
    },
    {
      name: 'deepseek-tool-call.chunks.txt: a streamed tool call after streamed reasoning',
      request: { model: 'deepseek-reasoner', messages: user('What is the weather in San Francisco?'), tools: weatherTool, stream: true },
      upstream: { body: openAIStreamBody('deepseek-tool-call.chunks.txt') },
      expect: {
        text: null,
        toolCalls: [{ name: 'weather', arguments: { location: 'San Francisco' } }],
        reasoningIncludes: 'The user is asking for the weather in San Francisco.',
        finishReason: 'tool_calls',
        usage: { prompt_tokens: 339, completion_tokens: 83, total_tokens: 422, completion_tokens_details: { reasoning_tokens: 39 } },
      },
    },
    {
      name: 'deepseek-json.json: a JSON answer',
      request: { model: 'deepseek-reasoner', messages: user('Reply with JSON object ONLY.'), response_format: { type: 'json_object' } },
      upstream: { body: jsonFixture('deepseek-json.json') },
      expect: {
        text: '{\n  "location": "San Francisco",\n  "condition": "cloudy",\n  "temperature": 7\n}',
        reasoningIncludes: 'I need to reply with JSON object ONLY.',
        finishReason: 'stop',
        usage: { prompt_tokens: 495, completion_tokens: 144, total_tokens: 639 },
      },
      assertRequest: (request) => expect(request.json).toMatchObject({ response_format: { type: 'json_object' } }),
    },
  ],
});

const xaiKey = 'xai-conformance-key';
runProviderConformance({
  name: '@switchyard/provider-openai (xai)',
  createProvider: (baseURL) => createOpenAI({ provider: 'xai', apiKey: xaiKey, baseURL: `${baseURL}/v1`, env: {} }),
  secrets: [xaiKey],
  usageStreamCase: 'deepseek-tool-call.chunks.txt replayed through the xai preset',
  chatCases: [
    {
      name: 'xai-text.json: a one-word answer with reasoning_content',
      request: { model: 'grok-3-mini', messages: user('Say a single word.') },
      upstream: { body: jsonFixture('xai-text.json') },
      expect: {
        text: 'Grok',
        reasoningIncludes: 'Let\'s go with "Grok"',
        finishReason: 'stop',
        usage: { prompt_tokens: 12, completion_tokens: 2, total_tokens: 334, completion_tokens_details: { reasoning_tokens: 320 } },
      },
      assertRequest: (request) => {
        expect(request.url).toBe('/v1/chat/completions');
        expect(request.json).toEqual({ model: 'grok-3-mini', messages: user('Say a single word.') });
      },
    },
    {
      name: 'deepseek-tool-call.chunks.txt replayed through the xai preset',
      request: { model: 'grok-3-mini', messages: user('What is the weather in San Francisco?'), tools: weatherTool, stream: true },
      upstream: { body: openAIStreamBody('deepseek-tool-call.chunks.txt') },
      expect: { toolCalls: [{ name: 'weather', arguments: { location: 'San Francisco' } }], usage: { total_tokens: 422 } },
    },
  ],
});

const groqKey = 'gsk_conformance_key';
runProviderConformance({
  name: '@switchyard/provider-openai (groq, translated)',
  createProvider: (baseURL) => createOpenAI({ provider: 'groq', apiKey: groqKey, baseURL: `${baseURL}/openai/v1`, env: {} }),
  secrets: [groqKey],
  chatCases: [
    {
      name: 'groq-reasoning.json: Groq reasoning becomes reasoning_content',
      request: { model: 'qwen/qwen3-32b', messages: user("How many 'r's are in the word 'strawberry'?") },
      upstream: { body: jsonFixture('groq-reasoning.json') },
      expect: {
        text: completionContent(jsonFixture('groq-reasoning.json')),
        reasoningIncludes: 'So the answer should be 3.',
        finishReason: 'stop',
        usage: { prompt_tokens: 17, completion_tokens: 649, total_tokens: 666 },
      },
      assertRequest: (request) => {
        expect(request.url).toBe('/openai/v1/chat/completions');
        expect(request.json).toMatchObject({ model: 'qwen/qwen3-32b' });
      },
    },
    {
      name: 'groq-tool-call.chunks.txt: a whole tool call in one delta, usage also under x_groq',
      request: { model: 'llama-3.3-70b-versatile', messages: user('Weather?'), tools: weatherTool, stream: true },
      upstream: { body: openAIStreamBody('groq-tool-call.chunks.txt') },
      expect: {
        text: null,
        toolCalls: [{ name: 'weather', arguments: {} }],
        finishReason: 'tool_calls',
        usage: { prompt_tokens: 210, completion_tokens: 15, total_tokens: 225 },
      },
    },
  ],
});

runProviderConformance({
  name: '@switchyard/provider-openai (openai_like)',
  createProvider: (baseURL) => createOpenAI({ provider: 'openai_like', baseURL, env: {} }),
  usageStreamCase: 'deepseek-tool-call.chunks.txt through a keyless server',
  chatCases: [
    {
      name: 'anthropic-fallback-tool-call.sse: raw SSE whose tool call starts at index 1',
      request: { model: 'claude-haiku-4-5', messages: user('Read a.txt'), stream: true },
      upstream: { body: readFixture(fixtures, 'anthropic-fallback-tool-call.sse') },
      expect: {
        text: 'Reading it.',
        toolCalls: [{ name: 'read_file', arguments: { path: 'a.txt' } }],
        finishReason: 'tool_calls',
      },
      assertRequest: (request) => {
        expect(request.headers.authorization).toBeUndefined();
        expect(request.json).toMatchObject({ model: 'claude-haiku-4-5', stream: true });
      },
    },
    {
      name: 'deepseek-tool-call.chunks.txt through a keyless server',
      request: { model: 'deepseek-reasoner', messages: user('Weather?'), stream: true },
      upstream: { body: openAIStreamBody('deepseek-tool-call.chunks.txt') },
      expect: { finishReason: 'tool_calls', usage: { prompt_tokens: 339 } },
    },
  ],
});
