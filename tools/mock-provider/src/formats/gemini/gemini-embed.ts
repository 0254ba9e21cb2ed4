import { textInput } from '../../embeddings/embedding-inputs.js';
import { deterministicVector } from '../../embeddings/deterministic-vector.js';
import { badRequest } from '../../reply/mock-request-error.js';
import { jsonReply, type Reply } from '../../reply/reply-types.js';
import { optionalPositiveInteger, requireNonEmptyArray, requireObject } from '../request-fields.js';

const defaultDimensions = 768;
const maxDimensions = 16_384;

/** The text of one EmbedContentRequest (its `content.parts[].text`) and its output size. */
function readEmbedRequest(value: unknown, label: string): { text: string; dimensions: number } {
  const request = requireObject(value, `'${label}'`);
  const content = request['content'];
  const parts = content !== null && typeof content === 'object' ? (content as { parts?: unknown }).parts : undefined;
  if (!Array.isArray(parts) || parts.length === 0) {
    throw badRequest(`'${label}.content.parts' is required and must be a non-empty array.`, `${label}.content.parts`);
  }
  const text = parts.map((part) => (part !== null && typeof part === 'object' ? String((part as { text?: unknown }).text ?? '') : '')).join('');
  const dimensions = optionalPositiveInteger(request, 'outputDimensionality', `${label}.outputDimensionality`) ?? defaultDimensions;
  if (dimensions > maxDimensions) throw badRequest(`'${label}.outputDimensionality' must be at most ${maxDimensions}.`);
  return { text, dimensions };
}

function embeddingOf(request: { text: string; dimensions: number }): { values: number[] } {
  return { values: deterministicVector(textInput(request.text).seed, request.dimensions) };
}

/** `:embedContent` → `{"embedding":{"values":[…]}}`. */
export function handleEmbedContent(json: unknown): Reply {
  return jsonReply(200, { embedding: embeddingOf(readEmbedRequest(json, 'request')) });
}

/** `:batchEmbedContents` → `{"embeddings":[{"values":[…]}, …]}`. */
export function handleBatchEmbedContents(json: unknown): Reply {
  const requests = requireNonEmptyArray(requireObject(json), 'requests');
  const embeddings = requests.map((request, index) => embeddingOf(readEmbedRequest(request, `requests[${index}]`)));
  return jsonReply(200, { embeddings });
}

/** Vertex `:predict` for text embedding models: `{instances:[{content}]}` → `{predictions:[{embeddings:{values}}]}`. */
export function handlePredictEmbeddings(json: unknown): Reply {
  const body = requireObject(json);
  const instances = requireNonEmptyArray(body, 'instances');
  const parameters = body['parameters'];
  const requested =
    parameters !== null && typeof parameters === 'object'
      ? optionalPositiveInteger(parameters as Record<string, unknown>, 'outputDimensionality', 'parameters.outputDimensionality')
      : undefined;
  const dimensions = requested ?? defaultDimensions;
  if (dimensions > maxDimensions) throw badRequest(`'parameters.outputDimensionality' must be at most ${maxDimensions}.`);
  const predictions = instances.map((instance, index) => {
    const content = instance !== null && typeof instance === 'object' ? (instance as { content?: unknown }).content : undefined;
    if (typeof content !== 'string') throw badRequest(`'instances[${index}].content' must be a string.`);
    const input = textInput(content);
    return {
      embeddings: { values: deterministicVector(input.seed, dimensions), statistics: { token_count: input.tokens, truncated: false } },
    };
  });
  return jsonReply(200, { predictions });
}
