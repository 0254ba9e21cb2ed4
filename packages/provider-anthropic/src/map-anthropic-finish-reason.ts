import type { FinishReason } from '@switchyard/core';

const finishReasons = new Map<string, FinishReason>(Object.entries({
  end_turn: 'stop',
  stop_sequence: 'stop',
  // The server paused a long server-tool turn; the caller continues it by sending the answer back.
  pause_turn: 'stop',
  max_tokens: 'length',
  model_context_window_exceeded: 'length',
  // Compaction ended the turn early to summarise the context, as a token limit would.
  compaction: 'length',
  tool_use: 'tool_calls',
  refusal: 'content_filter',
  content_filtered: 'content_filter',
} satisfies Record<string, FinishReason>));

/**
 * Maps a Messages API `stop_reason` to OpenAI's `finish_reason`. `jsonToolAnswered` is true when the only tool
 * the model called is the one that carries a `response_format` answer: that is a finished answer, not a tool call.
 */
export function mapAnthropicFinishReason(stopReason: string | null | undefined, jsonToolAnswered = false): FinishReason {
  if (stopReason === 'tool_use' && jsonToolAnswered) return 'stop';
  return (stopReason ? finishReasons.get(stopReason) : undefined) ?? 'stop';
}
