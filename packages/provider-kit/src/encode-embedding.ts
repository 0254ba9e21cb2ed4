import type { Embedding, EmbeddingResponse } from '@switchyard/core';

/** Encodes a vector as OpenAI does for `encoding_format: "base64"`: little-endian float32 bytes, base64. */
export function encodeEmbeddingBase64(vector: readonly number[]): string {
  const bytes = Buffer.alloc(vector.length * 4);
  vector.forEach((value, index) => bytes.writeFloatLE(value, index * 4));
  return bytes.toString('base64');
}

export interface EmbeddingResponseInput {
  /** One vector per input, in input order. */
  vectors: readonly number[][];
  /** The model id the caller asked for. */
  model: string;
  promptTokens: number;
  /** The request's `encoding_format`: `base64` encodes every vector, anything else keeps the floats. */
  encodingFormat: string | undefined;
}

/** An OpenAI embeddings response for vectors a translating provider fetched. */
export function embeddingResponse(input: EmbeddingResponseInput): EmbeddingResponse {
  const base64 = input.encodingFormat === 'base64';
  const data: Embedding[] = input.vectors.map((vector, index) => ({
    object: 'embedding',
    index,
    embedding: base64 ? encodeEmbeddingBase64(vector) : vector,
  }));
  return {
    object: 'list',
    data,
    model: input.model,
    usage: { prompt_tokens: input.promptTokens, total_tokens: input.promptTokens },
  };
}
