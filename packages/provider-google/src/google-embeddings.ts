import { SwitchyardError, type CallOptions, type EmbeddingRequest, type EmbeddingResult } from '@switchyard/core';
import { embeddingResponse, readJsonBody } from '@switchyard/provider-kit';
import { googleEmbedResponseSchema, vertexPredictResponseSchema } from './google-api.js';
import { postGoogle, type GoogleCallConfig } from './google-transport.js';

interface Vectors {
  vectors: number[][];
  promptTokens: number;
}

function textInputs(input: EmbeddingRequest['input']): string[] {
  const inputs = Array.isArray(input) ? input : [input];
  if (inputs.some((entry) => typeof entry !== 'string')) {
    throw new SwitchyardError('bad_request', 'Google embedding models take text, not token ids', { param: 'input' });
  }
  return inputs as string[];
}

function unexpected(provider: string, what: string): SwitchyardError {
  return new SwitchyardError('upstream_unavailable', `${provider} answered the embedding request with ${what}`, { status: 502, provider });
}

async function geminiVectors(config: GoogleCallConfig, request: EmbeddingRequest, inputs: string[], options: CallOptions): Promise<Vectors> {
  const provider = config.endpoint.provider;
  const dimensions = request.dimensions === undefined ? {} : { outputDimensionality: request.dimensions };
  const single = inputs.length === 1;
  const body = single
    ? { content: { parts: [{ text: inputs[0] }] }, ...dimensions }
    : { requests: inputs.map((text) => ({ model: modelResource(request.model), content: { parts: [{ text }] }, ...dimensions })) };
  const response = await postGoogle(config, request.model, single ? 'embedContent' : 'batchEmbedContents', body, options);
  const parsed = googleEmbedResponseSchema.safeParse(await readJsonBody(response, provider));
  if (!parsed.success) throw unexpected(provider, 'an unexpected body');
  const vectors = single && parsed.data.embedding ? [parsed.data.embedding.values] : (parsed.data.embeddings ?? []).map((entry) => entry.values);
  // The Gemini API reports no token counts for embeddings.
  return { vectors, promptTokens: 0 };
}

async function vertexVectors(config: GoogleCallConfig, request: EmbeddingRequest, inputs: string[], options: CallOptions): Promise<Vectors> {
  const provider = config.endpoint.provider;
  const body = {
    instances: inputs.map((content) => ({ content })),
    ...(request.dimensions === undefined ? {} : { parameters: { outputDimensionality: request.dimensions } }),
  };
  const response = await postGoogle(config, request.model, 'predict', body, options);
  const parsed = vertexPredictResponseSchema.safeParse(await readJsonBody(response, provider));
  if (!parsed.success) throw unexpected(provider, 'an unexpected body');
  const predictions = parsed.data.predictions;
  const promptTokens = predictions.reduce((sum, entry) => sum + (entry.embeddings.statistics?.token_count ?? 0), 0);
  return { vectors: predictions.map((entry) => entry.embeddings.values), promptTokens };
}

function modelResource(model: string): string {
  return model.startsWith('models/') || model.startsWith('tunedModels/') ? model : `models/${model}`;
}

/** Embeds text through Gemini's embedContent/batchEmbedContents or Vertex's predict, answering in OpenAI's shape. */
export async function googleEmbed(config: GoogleCallConfig, request: EmbeddingRequest, options: CallOptions = {}): Promise<EmbeddingResult> {
  const inputs = textInputs(request.input);
  const fetched = config.endpoint.api === 'vertex'
    ? await vertexVectors(config, request, inputs, options)
    : await geminiVectors(config, request, inputs, options);
  if (fetched.vectors.length !== inputs.length) {
    throw unexpected(config.endpoint.provider, `${fetched.vectors.length} vectors for ${inputs.length} inputs`);
  }
  const response = embeddingResponse({
    vectors: fetched.vectors,
    model: request.model,
    promptTokens: fetched.promptTokens,
    encodingFormat: request.encoding_format,
  });
  return { response, body: JSON.stringify(response) };
}
