import { SwitchyardError, type EmbeddingRequest } from '@switchyard/core';
import { encodeEmbeddingBase64 } from '@switchyard/provider-kit';
import { useRecordedServer } from '@switchyard/provider-kit/testing';
import { describe, expect, it } from 'vitest';
import { createBedrock } from './bedrock-provider.js';
import { awsOptions } from './test/recorded-bedrock.js';

const server = useRecordedServer();

function provider(dropParams = false) {
  return createBedrock({ baseURL: server().origin, options: awsOptions, dropParams }, { env: {} });
}

async function failure(request: EmbeddingRequest, dropParams = false): Promise<SwitchyardError> {
  const error = await provider(dropParams).embed?.(request).then(() => undefined, (thrown: unknown) => thrown);
  expect(SwitchyardError.isInstance(error)).toBe(true);
  return error as SwitchyardError;
}

describe('Titan embeddings', () => {
  it('calls InvokeModel once per input and keeps the input order', async () => {
    server().clear();
    server().setHandler((request) => {
      const text = (request.json as { inputText: string }).inputText;
      return { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ embedding: [text.length, 0.5], inputTextTokenCount: text.length }) };
    });
    const inputs = ['a', 'bb', 'ccc', 'dddd', 'eeeee', 'ffffff'];
    const result = await provider().embed?.({ model: 'amazon.titan-embed-text-v2:0', input: inputs });
    expect(result?.response.data.map((entry) => entry.embedding)).toEqual(inputs.map((input) => [input.length, 0.5]));
    expect(result?.response.data.map((entry) => entry.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(result?.response.usage).toEqual({ prompt_tokens: 21, total_tokens: 21 });
    expect(server().requests).toHaveLength(6);
  });

  it('encodes vectors as little-endian float32 base64 when asked', async () => {
    server().clear();
    server().enqueue({ headers: { 'content-type': 'application/json' }, body: JSON.stringify({ embedding: [1, -2.5], inputTextTokenCount: 1 }) });
    const result = await provider().embed?.({ model: 'amazon.titan-embed-text-v2:0', input: 'x', encoding_format: 'base64' });
    const encoded = result?.response.data[0]?.embedding as string;
    const bytes = Buffer.from(encoded, 'base64');
    expect([bytes.readFloatLE(0), bytes.readFloatLE(4)]).toEqual([1, -2.5]);
    expect(encodeEmbeddingBase64([1, -2.5])).toBe(encoded);
  });

  it('rejects dimensions for Titan v1 unless dropParams is set', async () => {
    server().clear();
    const error = await failure({ model: 'amazon.titan-embed-text-v1', input: 'x', dimensions: 256 });
    expect([error.kind, error.param]).toEqual(['bad_request', 'dimensions']);
    server().enqueue({ headers: { 'content-type': 'application/json' }, body: JSON.stringify({ embedding: [0.1], inputTextTokenCount: 1 }) });
    await provider(true).embed?.({ model: 'amazon.titan-embed-text-v1', input: 'x', dimensions: 256 });
    expect((await server().request(0)).json).toEqual({ inputText: 'x' });
  });
});

describe('Cohere embeddings', () => {
  it('sends output_dimension on v4 and reads the {float: [...]} response shape', async () => {
    server().clear();
    server().enqueue({ headers: { 'content-type': 'application/json' }, body: JSON.stringify({ embeddings: { float: [[0.1, 0.2]] }, response_type: 'embeddings_by_type' }) });
    const result = await provider().embed?.({ model: 'us.cohere.embed-v4:0', input: ['x'], dimensions: 2 });
    expect(result?.response.data[0]?.embedding).toEqual([0.1, 0.2]);
    expect((await server().request(0)).json).toEqual({ texts: ['x'], input_type: 'search_document', output_dimension: 2 });
  });

  it('fails with upstream_unavailable when the count of vectors differs from the texts', async () => {
    server().clear();
    server().enqueue({ headers: { 'content-type': 'application/json' }, body: JSON.stringify({ embeddings: [[0.1]] }) });
    expect((await failure({ model: 'cohere.embed-english-v3', input: ['a', 'b'] })).kind).toBe('upstream_unavailable');
  });
});

describe('embedding input', () => {
  it('rejects token arrays, which Bedrock models cannot take', async () => {
    server().clear();
    expect((await failure({ model: 'amazon.titan-embed-text-v2:0', input: [1, 2, 3] })).param).toBe('input');
  });

  it('maps a malformed answer to upstream_unavailable', async () => {
    server().clear();
    server().enqueue({ headers: { 'content-type': 'application/json' }, body: '{"vector": "nope"}' });
    expect((await failure({ model: 'amazon.titan-embed-text-v2:0', input: 'x' })).kind).toBe('upstream_unavailable');
  });
});
