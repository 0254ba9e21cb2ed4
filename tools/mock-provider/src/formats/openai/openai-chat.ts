import { badRequest } from '../../reply/mock-request-error.js';
import type { Reply } from '../../reply/reply-types.js';
import { countTextCharacters, planAnswer } from '../../text/mock-answer.js';
import { forcedOpenAITool } from '../../tools/forced-tool.js';
import {
  optionalBoolean,
  optionalPositiveInteger,
  requireNonEmptyArray,
  requireObject,
  requireRoles,
  requireString,
} from '../request-fields.js';
import type { RouteContext } from '../wire-format.js';
import { replayOpenAIFixture } from './openai-fixture-replay.js';
import { generatedChunkStream, generatedCompletion } from './openai-generated-chat.js';

const roles = ['developer', 'system', 'user', 'assistant', 'tool', 'function'];

/** True when a Chat Completions body asks for a stream. */
export function isChatStream(json: unknown): boolean {
  return json !== null && typeof json === 'object' && (json as { stream?: unknown }).stream === true;
}

/** `POST /v1/chat/completions` and Azure's deployment route (where `model` may be left to the deployment). */
export function handleChatCompletions(context: RouteContext, deployment?: string): Reply {
  const body = requireObject(context.json);
  const model = deployment !== undefined && body['model'] === undefined ? deployment : requireString(body, 'model');
  const messages = requireNonEmptyArray(body, 'messages');
  requireRoles(messages, 'messages', roles);
  const stream = optionalBoolean(body, 'stream') === true;
  const maxTokens = optionalPositiveInteger(body, 'max_completion_tokens') ?? optionalPositiveInteger(body, 'max_tokens');
  const includeUsage = readIncludeUsage(body['stream_options']);
  if (context.scenario.fixture !== undefined) return replayOpenAIFixture(context.fixtures, context.scenario.fixture, stream);
  const characters = countTextCharacters(messages);
  const toolCall = forcedOpenAITool(body, context.scenario.toolCall);
  const answer = planAnswer(characters, context.scenario.chunks, maxTokens, toolCall);
  return stream ? generatedChunkStream(model, answer, includeUsage) : generatedCompletion(model, answer);
}

function readIncludeUsage(options: unknown): boolean {
  if (options === undefined || options === null) return false;
  if (typeof options !== 'object' || Array.isArray(options)) throw badRequest("'stream_options' must be an object.", 'stream_options');
  const includeUsage = (options as { include_usage?: unknown }).include_usage;
  if (includeUsage !== undefined && typeof includeUsage !== 'boolean') {
    throw badRequest("'stream_options.include_usage' must be a boolean.", 'stream_options.include_usage');
  }
  return includeUsage === true;
}
