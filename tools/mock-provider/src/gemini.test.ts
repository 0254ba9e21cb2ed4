import { ApiError, FunctionCallingConfigMode, GoogleGenAI } from '@google/genai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockProvider, type MockProvider } from './index.js';
import { mockText } from './text/mock-answer.js';
import { rawRequest } from './test-support/raw-http.js';

let mock: MockProvider;
const model = 'gemini-2.5-flash';
const contents = 'Tell me about rail yards.';

function client(headers: Record<string, string> = {}, baseUrl?: string): GoogleGenAI {
  return new GoogleGenAI({ apiKey: 'g-test', httpOptions: { baseUrl: baseUrl ?? mock.url, headers } });
}

beforeAll(async () => {
  mock = await startMockProvider();
});
afterAll(() => mock.close());

describe('Gemini generateContent: generated answers', () => {
  it('answers the mock sentence with usage metadata', async () => {
    const response = await client().models.generateContent({ model, contents });
    expect(response.text).toBe(mockText);
    expect(response.candidates?.[0]?.finishReason).toBe('STOP');
    expect(response.usageMetadata).toMatchObject({ promptTokenCount: 7, candidatesTokenCount: 10, totalTokenCount: 17 });
    expect(mock.requests.at(-1)?.path).toBe(`/v1beta/models/${model}:generateContent`);
    expect(mock.requests.at(-1)?.headers['x-goog-api-key']).toBe('g-test');
  });

  it('streams one response per delta over alt=sse with CRLF framing', async () => {
    const stream = await client({ 'x-mock-chunks': '7' }).models.generateContentStream({ model, contents });
    const texts: string[] = [];
    let finish: string | undefined;
    for await (const chunk of stream) {
      texts.push(chunk.text ?? '');
      finish = chunk.candidates?.[0]?.finishReason ?? finish;
    }
    expect(texts).toHaveLength(5);
    expect(texts.join('')).toBe(mockText);
    expect(finish).toBe('STOP');
    const raw = await rawRequest(`${mock.url}/v1beta/models/${model}:streamGenerateContent?alt=sse`, {
      headers: { 'x-goog-api-key': 'k', 'x-mock-chunks': '3' },
      body: JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'hi' }] }] }),
    });
    expect(raw.text.startsWith('data: {')).toBe(true);
    expect(raw.text.endsWith('}\r\n\r\n')).toBe(true);
  });

  it('answers streamGenerateContent without alt=sse as one JSON array', async () => {
    const raw = await rawRequest(`${mock.url}/v1beta/models/${model}:streamGenerateContent`, {
      headers: { 'x-goog-api-key': 'k', 'x-mock-chunks': '4' },
      body: JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'hi' }] }] }),
    });
    const responses = JSON.parse(raw.text) as Array<{ candidates: Array<{ content: { parts: Array<{ text: string }> } }> }>;
    expect(responses.map((response) => response.candidates[0]?.content.parts[0]?.text).join('')).toBe(mockText);
  });
});

describe('Gemini: generated function calls', () => {
  it('answers functionCallingConfig mode ANY with a function call, streamed and not', async () => {
    const config = {
      tools: [{ functionDeclarations: [{ name: 'find', parametersJsonSchema: { type: 'object', properties: { q: { type: 'string' } }, required: ['q'] } }] }],
      toolConfig: { functionCallingConfig: { mode: FunctionCallingConfigMode.ANY } },
    };
    const response = await client().models.generateContent({ model, contents, config });
    expect(response.functionCalls).toEqual([{ name: 'find', args: { q: 'mock' } }]);
    const stream = await client().models.generateContentStream({ model, contents, config });
    const calls = [];
    for await (const chunk of stream) calls.push(...(chunk.functionCalls ?? []));
    expect(calls).toEqual([{ name: 'find', args: { q: 'mock' } }]);
  });
});

describe('Gemini: fixture replay', () => {
  it('replays recorded text, streamed and not', async () => {
    const fixture = client({ 'x-mock-fixture': 'google-text' });
    const response = await fixture.models.generateContent({ model, contents });
    expect(response.modelVersion).toBe('gemini-3-pro-preview');
    expect(response.text?.length).toBeGreaterThan(10);
    const stream = await fixture.models.generateContentStream({ model, contents });
    let streamed = '';
    for await (const chunk of stream) streamed += chunk.text ?? '';
    expect(streamed.length).toBeGreaterThan(10);
  });

  it('replays a recorded function call', async () => {
    const response = await client({ 'x-mock-fixture': 'google-tool-call' }).models.generateContent({ model, contents });
    expect(response.functionCalls?.[0]?.name).toBeTruthy();
    expect(response.candidates?.[0]?.finishReason).toBe('STOP');
  });

  it('replays recorded reasoning: thought parts and thought token counts', async () => {
    const stream = await client({ 'x-mock-fixture': 'google-stream-no-args-tool-call' }).models.generateContentStream({
      model,
      contents,
    });
    const parts = [];
    for await (const chunk of stream) parts.push(...(chunk.candidates?.[0]?.content?.parts ?? []));
    expect(parts.some((part) => part.thought === true)).toBe(true);
    expect(parts.some((part) => part.functionCall !== undefined)).toBe(true);
    const reasoning = await client({ 'x-mock-fixture': 'google-reasoning' }).models.generateContent({ model, contents });
    expect(reasoning.usageMetadata?.thoughtsTokenCount).toBeGreaterThan(0);
  });

  it('answers the recorded 429 body with status 429', async () => {
    const call = client({ 'x-mock-fixture': 'google-429-retry-info' }).models.generateContent({ model, contents });
    await expect(call).rejects.toBeInstanceOf(ApiError);
    await expect(call).rejects.toMatchObject({ status: 429 });
  });
});

describe('Gemini embeddings', () => {
  it('embeds through batchEmbedContents with outputDimensionality', async () => {
    const response = await client().models.embedContent({
      model: 'gemini-embedding-001',
      contents: ['first', 'second'],
      config: { outputDimensionality: 32 },
    });
    expect(response.embeddings).toHaveLength(2);
    expect(response.embeddings?.[0]?.values).toHaveLength(32);
    expect(response.embeddings?.[0]?.values).not.toEqual(response.embeddings?.[1]?.values);
    expect(mock.requests.at(-1)?.path).toBe('/v1beta/models/gemini-embedding-001:batchEmbedContents');
  });

  it('embeds one content through embedContent with the default size', async () => {
    const raw = await rawRequest(`${mock.url}/v1beta/models/text-embedding-004:embedContent`, {
      headers: { 'x-goog-api-key': 'k' },
      body: JSON.stringify({ content: { parts: [{ text: 'first' }] } }),
    });
    const batch = await client().models.embedContent({ model: 'text-embedding-004', contents: 'first' });
    expect(JSON.parse(raw.text).embedding.values).toHaveLength(768);
    expect(JSON.parse(raw.text).embedding.values).toEqual(batch.embeddings?.[0]?.values);
  });
});

describe('Gemini faults, Vertex and access', () => {
  it('answers 429 with RetryInfo and retry-after as an ApiError', async () => {
    const error = await client({ 'x-mock-fault': '429', 'x-mock-retry-after': '2' })
      .models.generateContent({ model, contents })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(429);
    const raw = await rawRequest(`${mock.url}/mock/fault=429,retry_after=2/v1beta/models/${model}:generateContent`, {
      headers: { 'x-goog-api-key': 'k' },
      body: JSON.stringify({ contents: [{ parts: [{ text: 'x' }] }] }),
    });
    expect(raw.headers['retry-after']).toBe('2');
    const body = JSON.parse(raw.text);
    expect(body.error).toMatchObject({ code: 429, status: 'RESOURCE_EXHAUSTED' });
    expect(body.error.details).toContainEqual({ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '2s' });
  });

  it('reports content_policy as a blocked prompt inside a 200 answer', async () => {
    const response = await client({ 'x-mock-fault': 'content_policy' }).models.generateContent({ model, contents });
    expect(response.promptFeedback?.blockReason).toBe('SAFETY');
    expect(response.candidates).toBeUndefined();
  });

  it('drops the connection mid-stream after a few responses', async () => {
    const stream = await client({ 'x-mock-fault': 'midstream' }).models.generateContentStream({ model, contents });
    const texts: string[] = [];
    const consume = async () => {
      for await (const chunk of stream) texts.push(chunk.text ?? '');
    };
    await expect(consume()).rejects.toThrow();
    expect(texts).toHaveLength(3);
  });

  it('serves Vertex paths with Bearer auth, and 401 without it', async () => {
    const path = `/v1/projects/p1/locations/us-central1/publishers/google/models/${model}:generateContent`;
    const body = JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'hello' }] }] });
    const ok = await rawRequest(`${mock.url}${path}`, { headers: { authorization: 'Bearer ya29.token' }, body });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text).candidates[0].content.parts[0].text).toBe(mockText);
    const denied = await rawRequest(`${mock.url}${path}`, { headers: { 'x-goog-api-key': 'k' }, body });
    expect(denied.status).toBe(401);
    expect(JSON.parse(denied.text).error.status).toBe('UNAUTHENTICATED');
    const predict = await rawRequest(
      `${mock.url}/v1/projects/p1/locations/us-central1/publishers/google/models/text-embedding-005:predict`,
      { headers: { authorization: 'Bearer t' }, body: JSON.stringify({ instances: [{ content: 'a' }], parameters: { outputDimensionality: 8 } }) },
    );
    expect(JSON.parse(predict.text).predictions[0].embeddings.values).toHaveLength(8);
  });

  it('rejects a request without contents or without a key in the Gemini error shape', async () => {
    const empty = await rawRequest(`${mock.url}/v1beta/models/${model}:generateContent`, {
      headers: { 'x-goog-api-key': 'k' },
      body: JSON.stringify({ contents: [] }),
    });
    expect(empty.status).toBe(400);
    expect(JSON.parse(empty.text).error).toMatchObject({ code: 400, status: 'INVALID_ARGUMENT', message: "'contents' must contain at least one item." });
    const keyless = await rawRequest(`${mock.url}/v1beta/models/${model}:generateContent?key=abc`, {
      body: JSON.stringify({ contents: [{ parts: [{ text: 'x' }] }] }),
    });
    expect(keyless.status).toBe(200);
    const anonymous = await rawRequest(`${mock.url}/v1beta/models/${model}:generateContent`, { body: '{}' });
    expect(anonymous.status).toBe(401);
  });
});
