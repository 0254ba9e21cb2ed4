import type { FinishReason } from '@switchyard/core';

const finishReasons: Readonly<Record<string, FinishReason>> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  max_tokens: 'length',
  model_context_window_exceeded: 'length',
  tool_use: 'tool_calls',
  guardrail_intervened: 'content_filter',
  content_filtered: 'content_filter',
};

/**
 * Maps a Converse `stopReason` to OpenAI's `finish_reason`. In JSON mode the forced JSON tool is the answer,
 * not a call for the client to run, so `tool_use` becomes `stop` once that tool was called. Unknown reasons
 * (malformed_model_output, malformed_tool_use, ones added later) become `stop`, as LiteLLM does.
 */
export function mapBedrockFinishReason(stopReason: string | null | undefined, jsonToolCalled = false): FinishReason {
  const mapped = (stopReason ? finishReasons[stopReason] : undefined) ?? 'stop';
  return mapped === 'tool_calls' && jsonToolCalled ? 'stop' : mapped;
}
