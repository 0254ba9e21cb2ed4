import type { ChatCompletionChunk, ChatStreamBatch } from '@switchyard/core';
import { countTokens } from '@switchyard/cost';

/** Adds a chunk's output text (content, reasoning, tool call names and arguments) to `text`. */
function addOutput(chunk: ChatCompletionChunk, text: string[]): void {
  for (const { delta } of chunk.choices) {
    if (typeof delta.content === 'string') text.push(delta.content);
    if (typeof delta.reasoning_content === 'string') text.push(delta.reasoning_content);
    for (const call of delta.tool_calls ?? []) {
      if (call.function?.name !== undefined) text.push(call.function.name);
      if (call.function?.arguments !== undefined) text.push(call.function.arguments);
    }
  }
}

/**
 * The completion tokens of the batches a stream relayed before it was cut short (its usage never came): content,
 * reasoning and tool calls, counted with @switchyard/cost's tokenizer for the model. Parsed only here, on abort,
 * so the relay itself pays nothing but keeping the batches.
 */
export function streamedOutputTokens(batches: readonly ChatStreamBatch[], model: string): number {
  const text: string[] = [];
  for (const batch of batches) {
    for (const part of batch.parts) addOutput(part.chunk, text);
  }
  return text.length === 0 ? 0 : countTokens(text.join(''), model).tokens;
}
