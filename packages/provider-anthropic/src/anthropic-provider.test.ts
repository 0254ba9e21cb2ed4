import { SwitchyardError, type ChatCompletionRequest } from '@switchyard/core';
import { readChunksFixture, readFixture, sseFromChunks } from '@switchyard/provider-kit/testing';
import { describe, expect, it } from 'vitest';
import { testApiKey, useUpstreamCapture, userRequest } from './anthropic-capture.test-utils.js';
import { anthropicFamily, createAnthropic, messagesUrlFor } from './anthropic-provider.js';

const upstream = useUpstreamCapture();
const fixtures = new URL('./__fixtures__/', import.meta.url);
const request = userRequest('claude-sonnet-4-5-20250929');

async function rejection(promise: Promise<unknown>): Promise<SwitchyardError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!SwitchyardError.isInstance(error)) throw new Error(`expected a SwitchyardError, got ${String(error)}`);
  return error;
}

describe('createAnthropic: upstream request', () => {
  it('posts to /v1/messages with x-api-key, anthropic-version 2023-06-01 and JSON', async () => {
    const { url, headers } = await upstream.send(request);
    expect(url).toBe('/v1/messages');
    expect(headers['x-api-key']).toBe(testApiKey);
    expect(headers['anthropic-version']).toBe('2023-06-01');
    expect(headers['content-type']).toBe('application/json');
    expect(headers.authorization).toBeUndefined();
  });

  it('sends apiVersion, configured headers and per-call headers', async () => {
    upstream.server().clear();
    upstream.server().enqueue({ body: readFixture(fixtures, 'anthropic-text.json') });
    const provider = createAnthropic({
      apiKey: testApiKey,
      baseURL: upstream.server().origin,
      env: {},
      apiVersion: '2026-10-21',
      headers: { 'X-Team': 'search' },
    });
    await provider.chat(request, { headers: { 'x-trace': 'abc' } });
    const captured = await upstream.server().request(0);
    expect(captured.headers['anthropic-version']).toBe('2026-10-21');
    expect(captured.headers['x-team']).toBe('search');
    expect(captured.headers['x-trace']).toBe('abc');
  });

  it('merges a configured anthropic-beta with the betas the request needs', async () => {
    const tools = [{ type: 'code_execution_20250825', name: 'code_execution' }] as ChatCompletionRequest['tools'];
    const { headers } = await upstream.send(userRequest('claude-sonnet-4-5-20250929', { tools }), {
      headers: { 'anthropic-beta': 'context-1m-2025-08-07, code-execution-2025-08-25' },
    });
    expect(headers['anthropic-beta']).toBe('context-1m-2025-08-07,code-execution-2025-08-25');
  });

  it('reads the API key from ANTHROPIC_API_KEY', async () => {
    upstream.server().clear();
    upstream.server().enqueue({ body: readFixture(fixtures, 'anthropic-text.json') });
    const provider = createAnthropic({ baseURL: upstream.server().origin, env: { ANTHROPIC_API_KEY: 'sk-ant-from-env' } });
    await provider.chat(request);
    expect((await upstream.server().request(0)).headers['x-api-key']).toBe('sk-ant-from-env');
  });

  it('fails with authentication before calling upstream when there is no key', async () => {
    upstream.server().clear();
    const provider = createAnthropic({ baseURL: upstream.server().origin, env: {} });
    const error = await rejection(provider.chat(request));
    expect(error.kind).toBe('authentication');
    expect(error.message).toBe('The Anthropic API key is missing. Pass apiKey or set the ANTHROPIC_API_KEY environment variable.');
    expect(upstream.server().requests).toHaveLength(0);
  });

  it('accepts an authorization header instead of a key (a proxy in front of Anthropic)', async () => {
    const { headers } = await upstream.send(request, { apiKey: '', headers: { authorization: 'Bearer proxy-token' } });
    expect(headers.authorization).toBe('Bearer proxy-token');
    expect(headers['x-api-key']).toBeUndefined();
  });

  it.each([
    ['https://api.anthropic.com', 'https://api.anthropic.com/v1/messages'],
    ['https://api.anthropic.com/', 'https://api.anthropic.com/v1/messages'],
    ['https://proxy.example.com/anthropic/v1', 'https://proxy.example.com/anthropic/v1/messages'],
    ['https://proxy.example.com/anthropic/v1/messages', 'https://proxy.example.com/anthropic/v1/messages'],
  ])('resolves the base URL %s to %s', (baseURL, url) => {
    expect(messagesUrlFor(baseURL)).toBe(url);
  });

  it('refuses malformed family options', () => {
    expect(() => createAnthropic({ apiKey: 'k', options: { media: { urlMode: 'download' } } })).toThrow(SwitchyardError);
  });
});

describe('createAnthropic: answers', () => {
  it('returns the body as the serialised completion and keeps only the useful upstream headers', async () => {
    upstream.server().clear();
    upstream.server().enqueue({
      headers: { 'request-id': 'req_1', 'anthropic-ratelimit-requests-remaining': '49', 'x-internal': 'no', 'set-cookie': 'a=b' },
      body: readFixture(fixtures, 'anthropic-text.json'),
    });
    const result = await createAnthropic({ apiKey: testApiKey, baseURL: upstream.server().origin, env: {} }).chat(request);
    expect(JSON.parse(result.body as string)).toEqual(result.completion);
    expect(result.upstreamHeaders).toEqual({ 'request-id': 'req_1', 'anthropic-ratelimit-requests-remaining': '49' });
  });

  it('maps an error body that is not JSON by its status, without the body text', async () => {
    upstream.server().clear();
    upstream.server().enqueue({ status: 502, headers: { 'content-type': 'text/html' }, body: '<html>Bad gateway</html>' });
    const error = await rejection(createAnthropic({ apiKey: testApiKey, baseURL: upstream.server().origin, env: {} }).chat(request));
    expect(error.kind).toBe('upstream_unavailable');
    expect(error.message).toBe('Anthropic answered HTTP 502.');
    expect(error.status).toBe(502);
  });

  it('closes the upstream connection when a stream consumer stops early', async () => {
    upstream.server().clear();
    upstream.server().enqueue({ body: sseFromChunks(readChunksFixture(fixtures, 'anthropic-text.chunks.txt'), { event: true }), after: 'hang' });
    const stream = await createAnthropic({ apiKey: testApiKey, baseURL: upstream.server().origin, env: {} }).streamChat({
      ...request,
      stream: true,
    });
    for await (const part of stream) {
      if (part.chunk.choices[0]?.delta.content) break;
    }
    await upstream.server().connectionClosed(await upstream.server().request(0));
    expect(() => stream[Symbol.asyncIterator]()).toThrow('A chat stream can be read only once.');
  });

  it('turns a request it cannot read into a SwitchyardError instead of a TypeError', async () => {
    const provider = createAnthropic({ apiKey: testApiKey, baseURL: upstream.server().origin, env: {} });
    const error = await rejection(provider.chat({ model: 'claude-x' } as ChatCompletionRequest));
    expect(error.kind).toBe('internal');
  });
});

describe('anthropicFamily', () => {
  it('serves the anthropic provider with ANTHROPIC_API_KEY', () => {
    expect(anthropicFamily.name).toBe('anthropic');
    expect(anthropicFamily.providers).toEqual(['anthropic']);
    expect(anthropicFamily.apiKeyEnv('anthropic')).toBe('ANTHROPIC_API_KEY');
    const provider = anthropicFamily.create({ provider: 'anthropic', apiKey: 'k' });
    expect(provider.id).toBe('anthropic');
    expect(provider.capabilities).toMatchObject({ streaming: true, embeddings: false, tools: true, passThrough: false });
    expect(provider.embed).toBeUndefined();
  });
});
