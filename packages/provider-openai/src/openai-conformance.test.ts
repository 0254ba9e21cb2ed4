import type { ChatCompletionRequest } from '@switchyard/core';
import { runProviderConformance } from '@switchyard/provider-kit/testing';
import { expect } from 'vitest';
import { createOpenAI } from './openai-provider.js';
import { chunkLines, completionContent, jsonFixture, openAIStreamBody, streamedContent } from './test-support/fixtures.js';

const apiKey = 'sk-test-openai-conformance-key';
const azureKey = 'azure-test-conformance-key';
const user = (content: string): ChatCompletionRequest['messages'] => [{ role: 'user', content }];
const holiday: ChatCompletionRequest = { model: 'gpt-4.1-nano', messages: user('Invent a new holiday and describe its traditions.') };

runProviderConformance({
  name: '@switchyard/provider-openai (openai)',
  createProvider: (baseURL) => createOpenAI({ apiKey, baseURL: `${baseURL}/v1`, env: {} }),
  secrets: [apiKey],
  chatCases: [
    {
      name: 'openai-text.json: a non-streamed text answer',
      request: holiday,
      upstream: { body: jsonFixture('openai-text.json'), headers: { 'x-request-id': 'req_1' } },
      expect: {
        text: completionContent(jsonFixture('openai-text.json')),
        reasoningIncludes: null,
        toolCalls: [],
        finishReason: 'stop',
        usage: { prompt_tokens: 16, completion_tokens: 363, total_tokens: 379, prompt_tokens_details: { cached_tokens: 0 } },
      },
      assertRequest: (request) => {
        expect(request.method).toBe('POST');
        expect(request.url).toBe('/v1/chat/completions');
        expect(request.headers.authorization).toBe(`Bearer ${apiKey}`);
        expect(request.headers['content-type']).toBe('application/json');
        expect(request.json).toEqual(holiday);
      },
    },
    {
      name: 'openai-text.chunks.txt: a stream with include_usage and obfuscation',
      request: { ...holiday, stream: true, stream_options: { include_usage: true } },
      upstream: { body: openAIStreamBody('openai-text.chunks.txt') },
      expect: {
        text: streamedContent(chunkLines('openai-text.chunks.txt')),
        toolCalls: [],
        finishReason: 'stop',
        usage: {
          prompt_tokens: 16,
          completion_tokens: 300,
          total_tokens: 316,
          prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
          completion_tokens_details: { reasoning_tokens: 0 },
        },
      },
      assertRequest: (request) => {
        expect(request.headers.accept).toBe('text/event-stream');
        expect(request.json).toMatchObject({ stream: true, stream_options: { include_usage: true } });
      },
    },
    {
      name: 'reasoning-model-legacy-parameter-error.json: max_tokens refused upstream is a bad_request',
      request: { model: 'my-reasoning-deployment', messages: user('Hi'), max_tokens: 100 },
      upstream: { status: 400, body: jsonFixture('reasoning-model-legacy-parameter-error.json') },
      expect: { errorKind: 'bad_request', errorParam: 'max_tokens', errorCode: 'unsupported_parameter' },
      assertRequest: (request) => expect(request.json).toMatchObject({ max_tokens: 100 }),
    },
    {
      name: 'reasoning-model-temperature-error.json: an unsupported parameter names the parameter',
      request: { model: 'my-reasoning-deployment', messages: user('Hi'), temperature: 0.2 },
      upstream: { status: 400, body: jsonFixture('reasoning-model-temperature-error.json') },
      expect: { errorKind: 'bad_request', errorParam: 'temperature' },
    },
    {
      name: 'openai-error.1.json: insufficient_quota stays 429 but is not retryable',
      request: holiday,
      upstream: { status: 429, body: jsonFixture('openai-error.1.json') },
      expect: { errorKind: 'permission', errorCode: 'insufficient_quota' },
    },
    {
      name: 'openai-error.1.json in-band after HTTP 200: the iterator throws',
      request: { ...holiday, stream: true },
      upstream: {
        body: `${openAIStreamBody('openai-text.chunks.txt').split('\n\n').slice(0, 3).join('\n\n')}\n\ndata: ${JSON.stringify(JSON.parse(jsonFixture('openai-error.1.json')))}\n\n`,
      },
      expect: { streamErrorKind: 'permission' },
    },
  ],
});

runProviderConformance({
  name: '@switchyard/provider-openai (azure)',
  createProvider: (baseURL) => createOpenAI({ provider: 'azure', apiKey: azureKey, baseURL, apiVersion: '2025-04-01-preview', env: {} }),
  secrets: [azureKey],
  chatCases: [
    {
      name: 'azure-model-router.1.chunks.txt: a first chunk with choices [] and prompt_filter_results',
      request: { model: 'model-router', messages: user('Capital of Denmark?'), stream: true, stream_options: { include_usage: true } },
      upstream: { body: openAIStreamBody('azure-model-router.1.chunks.txt') },
      expect: {
        text: 'Capital of Denmark.',
        reasoningIncludes: null,
        finishReason: 'stop',
        usage: { prompt_tokens: 15, completion_tokens: 78, total_tokens: 93, completion_tokens_details: { reasoning_tokens: 64 } },
      },
      assertRequest: (request) => {
        expect(request.url).toBe('/openai/deployments/model-router/chat/completions?api-version=2025-04-01-preview');
        expect(request.headers['api-key']).toBe(azureKey);
        expect(request.headers.authorization).toBeUndefined();
        expect(request.json).toMatchObject({ model: 'model-router', stream: true });
      },
    },
  ],
  baselineCase: 'azure-model-router.1.chunks.txt: a first chunk with choices [] and prompt_filter_results',
});
