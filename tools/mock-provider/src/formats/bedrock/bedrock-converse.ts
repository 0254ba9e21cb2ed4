import type { FixtureFiles } from '../../fixtures/fixture-library.js';
import { recordedErrorStatus } from '../../fixtures/recorded-error-status.js';
import { BoundedCache } from '../../reply/bounded-cache.js';
import { badRequest } from '../../reply/mock-request-error.js';
import { jsonReply, type Reply } from '../../reply/reply-types.js';
import { answerKey, countTextCharacters, planAnswer, type MockAnswer } from '../../text/mock-answer.js';
import { forcedBedrockTool } from '../../tools/forced-tool.js';
import { optionalPositiveInteger, requireNonEmptyArray, requireObject, requireRoles } from '../request-fields.js';
import type { RouteContext } from '../wire-format.js';
import { eventFrame, recordedLineFrame } from './bedrock-event-stream.js';
import { bedrockEventStreamType, bedrockRequestId } from './bedrock-format.js';

const frameCache = new BoundedCache<Uint8Array[]>();
const toolUseId = 'tooluse_mock';
const streamHeaders = { 'content-type': bedrockEventStreamType, 'x-amzn-requestid': bedrockRequestId };

function usageOf(answer: MockAnswer) {
  return {
    inputTokens: answer.promptTokens,
    outputTokens: answer.completionTokens,
    totalTokens: answer.promptTokens + answer.completionTokens,
  };
}

function stopReason(answer: MockAnswer): string {
  if (answer.toolCall !== undefined) return 'tool_use';
  return answer.truncated ? 'max_tokens' : 'end_turn';
}

function contentOf(answer: MockAnswer): object[] {
  const call = answer.toolCall;
  return call === undefined ? [{ text: answer.text }] : [{ toolUse: { toolUseId, name: call.name, input: call.input } }];
}

/** Text deltas, or a contentBlockStart naming the tool followed by its input as string fragments. */
function contentFrames(answer: MockAnswer): Uint8Array[] {
  const call = answer.toolCall;
  if (call === undefined) {
    return answer.pieces.map((text) => eventFrame('contentBlockDelta', { contentBlockIndex: 0, delta: { text } }));
  }
  return [
    eventFrame('contentBlockStart', { contentBlockIndex: 0, start: { toolUse: { toolUseId, name: call.name } } }),
    ...answer.pieces.map((input) => eventFrame('contentBlockDelta', { contentBlockIndex: 0, delta: { toolUse: { input } } })),
  ];
}

function generatedConverse(answer: MockAnswer): Reply {
  return jsonReply(
    200,
    {
      output: { message: { role: 'assistant', content: contentOf(answer) } },
      stopReason: stopReason(answer),
      usage: usageOf(answer),
      metrics: { latencyMs: 0 },
    },
    { 'x-amzn-requestid': bedrockRequestId },
  );
}

/** messageStart, the text deltas, contentBlockStop and messageStop; the usage `metadata` frame comes last. */
function generatedConverseStream(answer: MockAnswer): Reply {
  const frames = frameCache.get(answerKey(answer), () => [
    eventFrame('messageStart', { role: 'assistant' }),
    ...contentFrames(answer),
    eventFrame('contentBlockStop', { contentBlockIndex: 0 }),
    eventFrame('messageStop', { stopReason: stopReason(answer) }),
  ]);
  const metadata = eventFrame('metadata', { usage: usageOf(answer), metrics: { latencyMs: 0 } });
  return { kind: 'stream', status: 200, headers: streamHeaders, frames: [...frames, metadata] };
}

function replayBedrockFixture(context: RouteContext, stem: string, stream: boolean): Reply {
  return context.fixtures.replay('bedrock', stem, stream, (files: FixtureFiles): Reply | undefined => {
    if (stream) {
      if (files.chunks === undefined) return undefined;
      return { kind: 'stream', status: 200, headers: streamHeaders, frames: files.chunks.map(recordedLineFrame) };
    }
    if (files.json === undefined) return undefined;
    return jsonReply(recordedErrorStatus(files.json), files.json, { 'x-amzn-requestid': bedrockRequestId });
  });
}

/** `/model/{modelId}/converse` and `/converse-stream`. */
export function handleConverse(context: RouteContext, stream: boolean): Reply {
  const body = requireObject(context.json);
  const messages = requireNonEmptyArray(body, 'messages');
  requireRoles(messages, 'messages', ['user', 'assistant']);
  messages.forEach((message, index) => {
    if (!Array.isArray((message as { content?: unknown }).content)) {
      throw badRequest(`'messages[${index}].content' is required and must be an array of content blocks.`);
    }
  });
  if (context.scenario.fixture !== undefined) return replayBedrockFixture(context, context.scenario.fixture, stream);
  const config = body['inferenceConfig'];
  const maxTokens =
    config !== null && typeof config === 'object'
      ? optionalPositiveInteger(config as Record<string, unknown>, 'maxTokens', 'inferenceConfig.maxTokens')
      : undefined;
  const characters = countTextCharacters(body['system']) + countTextCharacters(messages);
  const toolCall = forcedBedrockTool(body, context.scenario.toolCall);
  const answer = planAnswer(characters, context.scenario.chunks, maxTokens, toolCall);
  return stream ? generatedConverseStream(answer) : generatedConverse(answer);
}
