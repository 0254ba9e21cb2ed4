export interface Embedding {
  object: 'embedding';
  index: number;
  /** A float vector, or a base64 string when `encoding_format: "base64"` was asked for. */
  embedding: number[] | string;
}

export interface EmbeddingResponse {
  object: 'list';
  data: Embedding[];
  model: string;
  usage: { prompt_tokens: number; total_tokens: number };
  [key: string]: unknown;
}
