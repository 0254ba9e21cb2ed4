import { describe, expect, it } from 'vitest';
import { embeddingResponse, encodeEmbeddingBase64 } from './encode-embedding.js';

describe('encodeEmbeddingBase64', () => {
  it('encodes little-endian float32 bytes as base64, as OpenAI does', () => {
    expect(encodeEmbeddingBase64([0.5])).toBe(Buffer.from(new Float32Array([0.5]).buffer).toString('base64'));
    const bytes = Buffer.from(encodeEmbeddingBase64([1, -2.5, 0.25]), 'base64');
    expect([bytes.readFloatLE(0), bytes.readFloatLE(4), bytes.readFloatLE(8)]).toEqual([1, -2.5, 0.25]);
    expect(encodeEmbeddingBase64([])).toBe('');
  });
});

describe('embeddingResponse', () => {
  it('lists one embedding per vector in input order, with the usage', () => {
    expect(embeddingResponse({ vectors: [[1, 2], [3]], model: 'm', promptTokens: 7, encodingFormat: undefined })).toEqual({
      object: 'list',
      data: [
        { object: 'embedding', index: 0, embedding: [1, 2] },
        { object: 'embedding', index: 1, embedding: [3] },
      ],
      model: 'm',
      usage: { prompt_tokens: 7, total_tokens: 7 },
    });
  });

  it('encodes every vector for encoding_format base64 only', () => {
    const encoded = embeddingResponse({ vectors: [[0.5]], model: 'm', promptTokens: 0, encodingFormat: 'base64' });
    expect(encoded.data[0]?.embedding).toBe(encodeEmbeddingBase64([0.5]));
    const floats = embeddingResponse({ vectors: [[0.5]], model: 'm', promptTokens: 0, encodingFormat: 'float' });
    expect(floats.data[0]?.embedding).toEqual([0.5]);
  });
});
