import { BoundedCache } from '../../reply/bounded-cache.js';
import { jsonReply, sseHeaders, type BodyReply, type StreamReply } from '../../reply/reply-types.js';
import { answerKey, type MockAnswer } from '../../text/mock-answer.js';

/** Fixed so that generated answers are byte-for-byte deterministic. */
export const mockCreated = 1_700_000_000;
const completionId = 'chatcmpl-mock';
const toolCallId = 'call_mock';
const frameCache = new BoundedCache<string[]>();

function usageOf(answer: MockAnswer) {
  return {
    prompt_tokens: answer.promptTokens,
    completion_tokens: answer.completionTokens,
    total_tokens: answer.promptTokens + answer.completionTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

function finishReason(answer: MockAnswer): 'stop' | 'length' | 'tool_calls' {
  if (answer.toolCall !== undefined) return 'tool_calls';
  return answer.truncated ? 'length' : 'stop';
}

function messageOf(answer: MockAnswer): object {
  const call = answer.toolCall;
  if (call === undefined) return { role: 'assistant', content: answer.text, refusal: null, annotations: [] };
  const toolCalls = [{ id: toolCallId, type: 'function', function: { name: call.name, arguments: call.argumentsJson } }];
  return { role: 'assistant', content: null, refusal: null, tool_calls: toolCalls, annotations: [] };
}

/** The deltas after the role chunk: text pieces, or the tool call's head and its argument pieces. */
function deltasOf(answer: MockAnswer): object[] {
  const call = answer.toolCall;
  if (call === undefined) return answer.pieces.map((piece) => ({ content: piece }));
  const head = { tool_calls: [{ index: 0, id: toolCallId, type: 'function', function: { name: call.name, arguments: '' } }] };
  return [head, ...answer.pieces.map((piece) => ({ tool_calls: [{ index: 0, function: { arguments: piece } }] }))];
}

export function generatedCompletion(model: string, answer: MockAnswer): BodyReply {
  return jsonReply(200, {
    id: completionId,
    object: 'chat.completion',
    created: mockCreated,
    model,
    choices: [
      {
        index: 0,
        message: messageOf(answer),
        logprobs: null,
        finish_reason: finishReason(answer),
      },
    ],
    usage: usageOf(answer),
    service_tier: 'default',
    system_fingerprint: null,
  });
}

/** The role chunk, one chunk per delta and the finish chunk; with include_usage every chunk has `usage: null`. */
function answerFrames(model: string, answer: MockAnswer, includeUsage: boolean): string[] {
  const key = `${includeUsage}|${answerKey(answer)}|${model}`;
  return frameCache.get(key, () => {
    const frame = (delta: object, finish: string | null): string =>
      `data: ${JSON.stringify({
        id: completionId,
        object: 'chat.completion.chunk',
        created: mockCreated,
        model,
        system_fingerprint: null,
        choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
        ...(includeUsage ? { usage: null } : {}),
      })}\n\n`;
    return [
      frame({ role: 'assistant', content: answer.toolCall === undefined ? '' : null, refusal: null }, null),
      ...deltasOf(answer).map((delta) => frame(delta, null)),
      frame({}, finishReason(answer)),
    ];
  });
}

export function generatedChunkStream(model: string, answer: MockAnswer, includeUsage: boolean): StreamReply {
  const frames = answerFrames(model, answer, includeUsage);
  const tail = ['data: [DONE]\n\n'];
  if (includeUsage) {
    const usageChunk = {
      id: completionId,
      object: 'chat.completion.chunk',
      created: mockCreated,
      model,
      system_fingerprint: null,
      choices: [],
      usage: usageOf(answer),
    };
    tail.unshift(`data: ${JSON.stringify(usageChunk)}\n\n`);
  }
  return { kind: 'stream', status: 200, headers: sseHeaders, frames: [...frames, ...tail] };
}
