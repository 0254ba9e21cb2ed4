import type { IncomingHttpHeaders } from 'node:http';
import { MockRequestError, badRequest, type ErrorSpec } from '../../reply/mock-request-error.js';
import type { Reply } from '../../reply/reply-types.js';
import { countTextCharacters, planAnswer } from '../../text/mock-answer.js';
import { forcedGeminiTool } from '../../tools/forced-tool.js';
import { optionalPositiveInteger, requireNonEmptyArray, requireObject } from '../request-fields.js';
import type { Route, RouteContext } from '../wire-format.js';
import { handleBatchEmbedContents, handleEmbedContent, handlePredictEmbeddings } from './gemini-embed.js';
import { replayGeminiFixture } from './gemini-fixture-replay.js';
import { geminiFormat } from './gemini-format.js';
import { generatedContent, generatedContentStream } from './gemini-generated.js';

function checkApiKey(headers: IncomingHttpHeaders, query: Readonly<Record<string, string>>): ErrorSpec | undefined {
  const key = headers['x-goog-api-key'];
  if ((typeof key === 'string' && key !== '') || (query['key'] ?? '') !== '') return undefined;
  return { kind: 'auth', message: 'API key is missing. Pass a key in the x-goog-api-key header or the key query parameter.' };
}

function checkBearer(headers: IncomingHttpHeaders): ErrorSpec | undefined {
  if (/^Bearer \S/.test(headers.authorization ?? '')) return undefined;
  return { kind: 'auth', message: 'Request is missing required authentication credential. Expected OAuth 2 access token.' };
}

function handleGenerate(context: RouteContext, stream: boolean): Reply {
  const body = requireObject(context.json);
  const contents = requireNonEmptyArray(body, 'contents');
  const sse = context.query['alt'] === 'sse';
  if (context.scenario.fixture !== undefined) return replayGeminiFixture(context.fixtures, context.scenario.fixture, stream, sse);
  const config = body['generationConfig'] ?? body['generation_config'];
  const maxTokens =
    config !== null && typeof config === 'object'
      ? optionalPositiveInteger(config as Record<string, unknown>, 'maxOutputTokens', 'generationConfig.maxOutputTokens')
      : undefined;
  const characters = countTextCharacters(body['systemInstruction'] ?? body['system_instruction']) + countTextCharacters(contents);
  const toolCall = forcedGeminiTool(body, context.scenario.toolCall);
  const answer = planAnswer(characters, context.scenario.chunks, maxTokens, toolCall);
  const model = context.params['model'] ?? 'gemini';
  return stream ? generatedContentStream(model, answer, sse) : generatedContent(model, answer);
}

function handleModelMethod(context: RouteContext): Reply {
  const method = context.params['method'];
  if (method === 'generateContent') return handleGenerate(context, false);
  if (method === 'streamGenerateContent') return handleGenerate(context, true);
  if (context.scenario.fixture !== undefined) throw badRequest('Mock fixtures replay only on generateContent routes.');
  if (method === 'embedContent') return handleEmbedContent(context.json);
  if (method === 'batchEmbedContents') return handleBatchEmbedContents(context.json);
  if (method === 'predict') return handlePredictEmbeddings(context.json);
  throw new MockRequestError({ kind: 'not_found', message: `Method ":${method}" is not served by the mock provider.` });
}

const isStream = (params: Readonly<Record<string, string>>): boolean => params['method'] === 'streamGenerateContent';

export const geminiRoutes: readonly Route[] = [
  {
    method: 'POST',
    pattern: /^\/(?:v1|v1beta|v1alpha)\/models\/(?<model>[^/:]+):(?<method>[A-Za-z]+)$/,
    format: geminiFormat,
    checkAccess: checkApiKey,
    isStream,
    handle: handleModelMethod,
  },
  {
    method: 'POST',
    pattern:
      /^\/(?:v1|v1beta1)\/projects\/(?<project>[^/]+)\/locations\/(?<location>[^/]+)\/publishers\/google\/models\/(?<model>[^/:]+):(?<method>[A-Za-z]+)$/,
    format: geminiFormat,
    checkAccess: checkBearer,
    isStream,
    handle: handleModelMethod,
  },
];
