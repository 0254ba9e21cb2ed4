import type { EmbeddingRequest } from '@switchyard/core';
import { encodeEmbeddingBase64 } from '@switchyard/provider-kit';
import { useRecordedServer } from '@switchyard/provider-kit/testing';
import { describe, expect, it } from 'vitest';
import { createGemini, createVertex } from './google-provider.js';

// Embedding answers are small hand-written bodies in the documented shapes (no recorded embedding traffic is
// available); they exercise the translation, not Google's numbers.
const loopback = useRecordedServer({ clearBeforeEach: true });

const gemini = () => createGemini({ apiKey: 'k', baseURL: loopback().origin, env: {} });
const vertex = () => createVertex({ baseURL: loopback().origin, env: {}, options: { vertex_project: 'p', vertex_access_token: 't' } });
const embed = (request: EmbeddingRequest, provider = gemini()) => {
  if (!provider.embed) throw new Error('the Google provider embeds');
  return provider.embed(request);
};

describe('Gemini API embeddings', () => {
  it('embeds one text through embedContent', async () => {
    loopback().enqueue({ status: 200, body: JSON.stringify({ embedding: { values: [0.25, -0.5, 1] } }) });
    const result = await embed({ model: 'gemini-embedding-001', input: 'hello', dimensions: 3 });
    const sent = await loopback().request(0);
    expect(sent.url).toBe('/v1beta/models/gemini-embedding-001:embedContent');
    expect(sent.json).toEqual({ content: { parts: [{ text: 'hello' }] }, outputDimensionality: 3 });
    expect(result.response).toEqual({
      object: 'list',
      data: [{ object: 'embedding', index: 0, embedding: [0.25, -0.5, 1] }],
      model: 'gemini-embedding-001',
      usage: { prompt_tokens: 0, total_tokens: 0 },
    });
    expect(JSON.parse(result.body as string)).toEqual(result.response);
  });

  it('embeds several texts through batchEmbedContents, in order', async () => {
    loopback().enqueue({ status: 200, body: JSON.stringify({ embeddings: [{ values: [1, 0] }, { values: [0, 1] }] }) });
    const result = await embed({ model: 'gemini-embedding-001', input: ['a', 'b'] });
    const sent = await loopback().request(0);
    expect(sent.url).toBe('/v1beta/models/gemini-embedding-001:batchEmbedContents');
    expect(sent.json).toEqual({
      requests: [
        { model: 'models/gemini-embedding-001', content: { parts: [{ text: 'a' }] } },
        { model: 'models/gemini-embedding-001', content: { parts: [{ text: 'b' }] } },
      ],
    });
    expect(result.response.data.map((entry) => entry.embedding)).toEqual([[1, 0], [0, 1]]);
  });

  it('encodes vectors as little-endian float32 base64 when asked', async () => {
    loopback().enqueue({ status: 200, body: JSON.stringify({ embedding: { values: [1, -2] } }) });
    const result = await embed({ model: 'gemini-embedding-001', input: 'x', encoding_format: 'base64' });
    const bytes = Buffer.from(result.response.data[0]?.embedding as string, 'base64');
    expect([bytes.readFloatLE(0), bytes.readFloatLE(4)]).toEqual([1, -2]);
    expect(encodeEmbeddingBase64([0.5])).toBe(Buffer.from(new Float32Array([0.5]).buffer).toString('base64'));
  });

  it('rejects token-id input, which Google cannot take', async () => {
    await expect(embed({ model: 'gemini-embedding-001', input: [1, 2, 3] })).rejects.toMatchObject({ kind: 'bad_request', param: 'input' });
    expect(loopback().requests).toHaveLength(0);
  });

  it('fails when the answer has a different number of vectors than inputs', async () => {
    loopback().enqueue({ status: 200, body: JSON.stringify({ embeddings: [{ values: [1] }] }) });
    await expect(embed({ model: 'gemini-embedding-001', input: ['a', 'b'] })).rejects.toMatchObject({ kind: 'upstream_unavailable' });
  });

  it('maps error answers like chat errors', async () => {
    loopback().enqueue({ status: 429, body: JSON.stringify({ error: { code: 429, status: 'RESOURCE_EXHAUSTED', message: 'quota', details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '3s' }] } }) });
    await expect(embed({ model: 'gemini-embedding-001', input: 'x' })).rejects.toMatchObject({ kind: 'rate_limit', retryAfterMs: 3000 });
  });
});

describe('Vertex AI embeddings', () => {
  it('embeds through predict and counts the tokens Vertex reports', async () => {
    loopback().enqueue({
      status: 200,
      body: JSON.stringify({
        predictions: [
          { embeddings: { values: [0.1, 0.2], statistics: { token_count: 4, truncated: false } } },
          { embeddings: { values: [0.3, 0.4], statistics: { token_count: 6, truncated: false } } },
        ],
      }),
    });
    const result = await embed({ model: 'text-embedding-005', input: ['first', 'second'], dimensions: 2 }, vertex());
    const sent = await loopback().request(0);
    expect(sent.url).toBe('/v1/projects/p/locations/us-central1/publishers/google/models/text-embedding-005:predict');
    expect(sent.json).toEqual({ instances: [{ content: 'first' }, { content: 'second' }], parameters: { outputDimensionality: 2 } });
    expect(result.response.data.map((entry) => entry.embedding)).toEqual([[0.1, 0.2], [0.3, 0.4]]);
    expect(result.response.usage).toEqual({ prompt_tokens: 10, total_tokens: 10 });
  });
});
