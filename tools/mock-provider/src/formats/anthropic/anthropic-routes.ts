import type { IncomingHttpHeaders } from 'node:http';
import { badRequest, type ErrorSpec } from '../../reply/mock-request-error.js';
import type { Reply } from '../../reply/reply-types.js';
import { countTextCharacters, planAnswer } from '../../text/mock-answer.js';
import { forcedAnthropicTool } from '../../tools/forced-tool.js';
import {
  optionalBoolean,
  optionalPositiveInteger,
  requireNonEmptyArray,
  requireObject,
  requireRoles,
  requireString,
} from '../request-fields.js';
import type { Route, RouteContext } from '../wire-format.js';
import { replayAnthropicFixture } from './anthropic-fixture-replay.js';
import { anthropicFormat } from './anthropic-format.js';
import { generatedMessage, generatedMessageStream } from './anthropic-generated.js';

/** Accepts `x-api-key` (classic) or `Authorization: Bearer` (SDK 1.x), and requires `anthropic-version`. */
function checkAnthropicAccess(headers: IncomingHttpHeaders): ErrorSpec | undefined {
  const apiKey = headers['x-api-key'];
  const bearer = headers.authorization;
  const hasKey = (typeof apiKey === 'string' && apiKey !== '') || (typeof bearer === 'string' && /^Bearer \S/.test(bearer));
  if (!hasKey) return { kind: 'auth', message: 'x-api-key header is required' };
  const version = headers['anthropic-version'];
  if (typeof version !== 'string' || version === '') {
    return { kind: 'bad_request', message: 'anthropic-version: header is required' };
  }
  return undefined;
}

function handleMessages(context: RouteContext): Reply {
  const body = requireObject(context.json);
  const model = requireString(body, 'model');
  const maxTokens = optionalPositiveInteger(body, 'max_tokens');
  if (maxTokens === undefined) throw badRequest('max_tokens: Field required', 'max_tokens');
  const messages = requireNonEmptyArray(body, 'messages');
  requireRoles(messages, 'messages', ['user', 'assistant', 'system']);
  const stream = optionalBoolean(body, 'stream') === true;
  if (context.scenario.fixture !== undefined) return replayAnthropicFixture(context.fixtures, context.scenario.fixture, stream);
  const characters = countTextCharacters(body['system']) + countTextCharacters(messages);
  const toolCall = forcedAnthropicTool(body, context.scenario.toolCall);
  const answer = planAnswer(characters, context.scenario.chunks, maxTokens, toolCall);
  return stream ? generatedMessageStream(model, answer) : generatedMessage(model, answer);
}

export const anthropicRoutes: readonly Route[] = [
  {
    method: 'POST',
    pattern: /^\/v1\/messages$/,
    format: anthropicFormat,
    checkAccess: checkAnthropicAccess,
    isStream: (_params, json) => json !== null && typeof json === 'object' && (json as { stream?: unknown }).stream === true,
    handle: handleMessages,
  },
];
