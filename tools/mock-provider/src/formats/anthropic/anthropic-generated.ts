import { BoundedCache } from '../../reply/bounded-cache.js';
import { jsonReply, sseHeaders, type BodyReply, type StreamReply } from '../../reply/reply-types.js';
import { answerKey, type MockAnswer } from '../../text/mock-answer.js';
import { anthropicEvent, mockRequestId } from './anthropic-format.js';

const messageId = 'msg_mock';
const toolUseId = 'toolu_mock';
const frameCache = new BoundedCache<string[]>();
const headers = { ...sseHeaders, 'request-id': mockRequestId };

function stopReason(answer: MockAnswer): string {
  if (answer.toolCall !== undefined) return 'tool_use';
  return answer.truncated ? 'max_tokens' : 'end_turn';
}

function contentOf(answer: MockAnswer): object[] {
  const call = answer.toolCall;
  if (call === undefined) return [{ type: 'text', text: answer.text }];
  return [{ type: 'tool_use', id: toolUseId, name: call.name, input: call.input }];
}

/** content_block_start and the deltas: text, or a tool_use block fed by input_json_delta. */
function contentFrames(answer: MockAnswer): string[] {
  const call = answer.toolCall;
  const block = call === undefined ? { type: 'text', text: '' } : { type: 'tool_use', id: toolUseId, name: call.name, input: {} };
  const delta = (piece: string) =>
    call === undefined ? { type: 'text_delta', text: piece } : { type: 'input_json_delta', partial_json: piece };
  return [
    anthropicEvent('content_block_start', JSON.stringify({ type: 'content_block_start', index: 0, content_block: block })),
    anthropicEvent('ping', '{"type":"ping"}'),
    ...answer.pieces.map((piece) =>
      anthropicEvent('content_block_delta', JSON.stringify({ type: 'content_block_delta', index: 0, delta: delta(piece) })),
    ),
  ];
}

function inputUsage(answer: MockAnswer) {
  return { input_tokens: answer.promptTokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
}

export function generatedMessage(model: string, answer: MockAnswer): BodyReply {
  return jsonReply(
    200,
    {
      id: messageId,
      type: 'message',
      role: 'assistant',
      model,
      content: contentOf(answer),
      stop_reason: stopReason(answer),
      stop_sequence: null,
      usage: { ...inputUsage(answer), output_tokens: answer.completionTokens, service_tier: 'standard' },
    },
    { 'request-id': mockRequestId },
  );
}

/** From content_block_start to message_stop: the same for every request with the same answer. */
function blockFrames(answer: MockAnswer): string[] {
  return frameCache.get(answerKey(answer), () => [
    ...contentFrames(answer),
    anthropicEvent('content_block_stop', '{"type":"content_block_stop","index":0}'),
    anthropicEvent(
      'message_delta',
      JSON.stringify({
        type: 'message_delta',
        delta: { stop_reason: stopReason(answer), stop_sequence: null },
        usage: { output_tokens: answer.completionTokens },
      }),
    ),
    anthropicEvent('message_stop', '{"type":"message_stop"}'),
  ]);
}

export function generatedMessageStream(model: string, answer: MockAnswer): StreamReply {
  const start = {
    type: 'message_start',
    message: {
      id: messageId,
      type: 'message',
      role: 'assistant',
      model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { ...inputUsage(answer), output_tokens: 1 },
    },
  };
  const frames = [anthropicEvent('message_start', JSON.stringify(start)), ...blockFrames(answer)];
  return { kind: 'stream', status: 200, headers, frames };
}
