import { SwitchyardError, type CallOptions, type EmbeddingRequest, type EmbeddingResult } from '@switchyard/core';
import { embeddingResponse, headerValue, parseJsonBody, readSuccessText } from '@switchyard/provider-kit';
import { z } from 'zod';
import { modelPath, normalizeModelId } from './bedrock-model-id.js';
import { pickUpstreamHeaders, postToBedrock, providerId, type BedrockContext } from './bedrock-transport.js';
import { rejectUnlessDropped } from './bedrock-unsupported.js';

const titanResponseSchema = z.looseObject({
  embedding: z.array(z.number()),
  inputTextTokenCount: z.number().int().nonnegative().optional(),
});

const cohereResponseSchema = z.looseObject({
  embeddings: z.union([z.array(z.array(z.number())), z.looseObject({ float: z.array(z.array(z.number())) })]),
});

/** Cohere embed takes at most 96 texts per call; Titan takes one. */
const cohereBatchSize = 96;
const titanConcurrency = 4;

interface Batch {
  vectors: number[][];
  tokens: number;
  headers: Record<string, string | string[] | undefined>;
}

function inputsOf(request: EmbeddingRequest): string[] {
  if (typeof request.input === 'string') return [request.input];
  if (request.input.every((item): item is string => typeof item === 'string')) return request.input;
  throw new SwitchyardError('bad_request', 'Bedrock embedding models take text input, not token arrays.', { param: 'input' });
}

function malformedEmbedding(): SwitchyardError {
  return new SwitchyardError('upstream_unavailable', 'Bedrock returned a malformed embedding response.', { status: 502, provider: providerId });
}

function parseJson<T>(text: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(parseJsonBody(text, providerId, malformedEmbedding));
  if (!parsed.success) throw malformedEmbedding();
  return parsed.data;
}

async function invoke<T>(context: BedrockContext, modelId: string, body: unknown, schema: z.ZodType<T>, options: CallOptions) {
  const response = await postToBedrock(context, modelPath(modelId, 'invoke'), JSON.stringify(body), 'application/json', options);
  const headerTokens = Number(headerValue(response.headers, 'x-amzn-bedrock-input-token-count'));
  const value = parseJson(await readSuccessText(response, providerId), schema);
  return { value, headerTokens: Number.isFinite(headerTokens) ? headerTokens : 0, headers: response.headers };
}

/** Titan text embeddings: one call per input (`inputText`, plus `dimensions` and `normalize` on v2). */
async function titanBatches(context: BedrockContext, modelId: string, request: EmbeddingRequest, inputs: string[], options: CallOptions): Promise<Batch[]> {
  const isV1 = /titan-embed-(text-v1|g1-text)/.test(modelId);
  if (isV1 && request.dimensions !== undefined) {
    rejectUnlessDropped('dimensions', 'Titan text embeddings v1 has a fixed size.', context.dropParams);
  }
  const extra = {
    ...(request.dimensions !== undefined && !isV1 ? { dimensions: request.dimensions } : {}),
    ...(typeof request['normalize'] === 'boolean' ? { normalize: request['normalize'] } : {}),
  };
  const batches: Batch[] = new Array<Batch>(inputs.length);
  for (let start = 0; start < inputs.length; start += titanConcurrency) {
    const slice = inputs.slice(start, start + titanConcurrency);
    const results = await Promise.all(slice.map((inputText) => invoke(context, modelId, { inputText, ...extra }, titanResponseSchema, options)));
    results.forEach(({ value, headerTokens, headers }, offset) => {
      batches[start + offset] = { vectors: [value.embedding], tokens: value.inputTextTokenCount ?? headerTokens, headers };
    });
  }
  return batches;
}

/** Cohere embed: `texts` in batches of 96 with `input_type` (default search_document), `output_dimension` on v4. */
async function cohereBatches(context: BedrockContext, modelId: string, request: EmbeddingRequest, inputs: string[], options: CallOptions): Promise<Batch[]> {
  const isV4 = modelId.includes('embed-v4');
  if (!isV4 && request.dimensions !== undefined) {
    rejectUnlessDropped('dimensions', 'Cohere embed v3 has a fixed size.', context.dropParams);
  }
  const inputType = typeof request['input_type'] === 'string' ? request['input_type'] : 'search_document';
  const batches: Batch[] = [];
  for (let start = 0; start < inputs.length; start += cohereBatchSize) {
    const body = {
      texts: inputs.slice(start, start + cohereBatchSize),
      input_type: inputType,
      ...(isV4 && request.dimensions !== undefined ? { output_dimension: request.dimensions } : {}),
    };
    const { value, headerTokens, headers } = await invoke(context, modelId, body, cohereResponseSchema, options);
    const vectors = Array.isArray(value.embeddings) ? value.embeddings : value.embeddings.float;
    if (vectors.length !== body.texts.length) {
      throw new SwitchyardError('upstream_unavailable', 'Bedrock returned a different number of embeddings than texts.', { status: 502, provider: providerId });
    }
    batches.push({ vectors, tokens: headerTokens, headers });
  }
  return batches;
}

/** Embeddings through InvokeModel for Amazon Titan text embeddings and Cohere embed, as an OpenAI response. */
export async function bedrockEmbed(context: BedrockContext, request: EmbeddingRequest, options: CallOptions = {}): Promise<EmbeddingResult> {
  const modelId = normalizeModelId(request.model);
  const inputs = inputsOf(request);
  let batches: Batch[];
  if (modelId.includes('titan-embed')) batches = await titanBatches(context, modelId, request, inputs, options);
  else if (modelId.includes('cohere.embed')) batches = await cohereBatches(context, modelId, request, inputs, options);
  else {
    throw new SwitchyardError('bad_request', `${modelId} is not a Bedrock embedding model Switchyard supports (Titan text or Cohere embed).`, {
      param: 'model',
    });
  }
  const vectors = batches.flatMap((batch) => batch.vectors);
  const promptTokens = batches.reduce((sum, batch) => sum + batch.tokens, 0);
  const response = embeddingResponse({ vectors, model: request.model, promptTokens, encodingFormat: request.encoding_format });
  return { response, body: JSON.stringify(response), upstreamHeaders: pickUpstreamHeaders(batches[batches.length - 1]?.headers ?? {}) };
}
