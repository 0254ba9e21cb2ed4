import { textInput } from '../../embeddings/embedding-inputs.js';
import { deterministicVector } from '../../embeddings/deterministic-vector.js';
import { badRequest } from '../../reply/mock-request-error.js';
import { jsonReply, type Reply } from '../../reply/reply-types.js';
import { optionalPositiveInteger, requireNonEmptyArray, requireObject } from '../request-fields.js';
import type { RouteContext } from '../wire-format.js';
import { bedrockRequestId } from './bedrock-format.js';

const maxDimensions = 16_384;

function checkDimensions(dimensions: number, field: string): number {
  if (dimensions > maxDimensions) throw badRequest(`'${field}' must be at most ${maxDimensions}.`);
  return dimensions;
}

function headers(tokens: number): Record<string, string> {
  return { 'x-amzn-requestid': bedrockRequestId, 'x-amzn-bedrock-input-token-count': String(tokens) };
}

/** Titan text embeddings: `{inputText, dimensions?}` → `{embedding, embeddingsByType, inputTextTokenCount}`. */
function titanEmbedding(modelId: string, json: unknown): Reply {
  const body = requireObject(json);
  const text = body['inputText'];
  if (typeof text !== 'string' || text === '') throw badRequest("'inputText' is required and must be a non-empty string.");
  const fallback = modelId.includes('titan-embed-text-v1') || modelId.includes('titan-embed-g1') ? 1536 : 1024;
  const dimensions = checkDimensions(optionalPositiveInteger(body, 'dimensions') ?? fallback, 'dimensions');
  const input = textInput(text);
  const embedding = deterministicVector(input.seed, dimensions);
  return jsonReply(
    200,
    { embedding, embeddingsByType: { float: embedding }, inputTextTokenCount: input.tokens },
    headers(input.tokens),
  );
}

/** Cohere embeddings: `{texts, input_type, embedding_types?}` → floats, or by type when types are asked for. */
function cohereEmbedding(json: unknown): Reply {
  const body = requireObject(json);
  const texts = requireNonEmptyArray(body, 'texts');
  if (!texts.every((text): text is string => typeof text === 'string')) throw badRequest("'texts' must be an array of strings.");
  const types = body['embedding_types'];
  if (types !== undefined && !(Array.isArray(types) && types.length > 0 && types.every((type) => type === 'float'))) {
    throw badRequest("The mock provider supports only 'float' in 'embedding_types'.");
  }
  const dimensions = checkDimensions(optionalPositiveInteger(body, 'output_dimension') ?? 1024, 'output_dimension');
  const inputs = texts.map(textInput);
  const embeddings = inputs.map((input) => deterministicVector(input.seed, dimensions));
  const tokens = inputs.reduce((sum, input) => sum + input.tokens, 0);
  const byType = types !== undefined;
  return jsonReply(
    200,
    {
      id: 'mock-embed',
      texts,
      embeddings: byType ? { float: embeddings } : embeddings,
      response_type: byType ? 'embeddings_by_type' : 'embeddings_floats',
    },
    headers(tokens),
  );
}

/** `/model/{modelId}/invoke` for `amazon.titan-embed-*` and `cohere.embed-*`. */
export function handleInvokeEmbeddings(context: RouteContext): Reply {
  const modelId = context.params['modelId'] ?? '';
  if (context.scenario.fixture !== undefined) throw badRequest('Mock fixtures replay only on converse routes.');
  if (modelId.includes('amazon.titan-embed')) return titanEmbedding(modelId, context.json);
  if (modelId.includes('cohere.embed')) return cohereEmbedding(context.json);
  throw badRequest(`The mock provider serves /invoke only for amazon.titan-embed-* and cohere.embed-* models, not "${modelId}".`);
}
