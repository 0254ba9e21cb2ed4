import { readOpenAIInputs } from '../../embeddings/embedding-inputs.js';
import { deterministicVector, vectorToBase64 } from '../../embeddings/deterministic-vector.js';
import { badRequest } from '../../reply/mock-request-error.js';
import { jsonReply, type Reply } from '../../reply/reply-types.js';
import { optionalPositiveInteger, requireObject, requireString } from '../request-fields.js';
import type { RouteContext } from '../wire-format.js';

const maxDimensions = 16_384;

/** The native size of OpenAI's embedding models, used when `dimensions` is not given. */
export function defaultOpenAIDimensions(model: string): number {
  return model.includes('3-large') ? 3072 : 1536;
}

/** `POST /v1/embeddings` and Azure's deployment route. */
export function handleEmbeddings(context: RouteContext, deployment?: string): Reply {
  const body = requireObject(context.json);
  if (context.scenario.fixture !== undefined) throw badRequest('Mock fixtures replay only on chat routes, not on embeddings.');
  const model = deployment !== undefined && body['model'] === undefined ? deployment : requireString(body, 'model');
  const inputs = readOpenAIInputs(body['input']);
  const dimensions = optionalPositiveInteger(body, 'dimensions') ?? defaultOpenAIDimensions(model);
  if (dimensions > maxDimensions) throw badRequest(`'dimensions' must be at most ${maxDimensions}.`, 'dimensions');
  const format = body['encoding_format'] ?? 'float';
  if (format !== 'float' && format !== 'base64') {
    throw badRequest("'encoding_format' must be 'float' or 'base64'.", 'encoding_format');
  }
  const data = inputs.map((input, index) => {
    const vector = deterministicVector(input.seed, dimensions);
    return { object: 'embedding', index, embedding: format === 'base64' ? vectorToBase64(vector) : vector };
  });
  const promptTokens = inputs.reduce((sum, input) => sum + input.tokens, 0);
  return jsonReply(200, {
    object: 'list',
    data,
    model,
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
  });
}
