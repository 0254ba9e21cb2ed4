import type { ChatStreamPart } from '@switchyard/core';
import { countTokens } from '@switchyard/cost';

/**
 * The completion tokens of the parts a stream relayed before it was cut short (its usage never came): content,
 * reasoning and tool calls, counted with @switchyard/cost's tokenizer for the model. Parsed only here, on abort,
 * so the relay itself pays nothing but keeping the parts.
 */
export function streamedOutputTokens(parts: readonly ChatStreamPart[], model: string): number {
  const text: string[] = [];
  for (const part of parts) {
    for (const { delta } of part.chunk.choices) {
      if (typeof delta.content === 'string') text.push(delta.content);
      if (typeof delta.reasoning_content === 'string') text.push(delta.reasoning_content);
      for (const call of delta.tool_calls ?? []) {
        if (call.function?.name !== undefined) text.push(call.function.name);
        if (call.function?.arguments !== undefined) text.push(call.function.arguments);
      }
    }
  }
  return text.length === 0 ? 0 : countTokens(text.join(''), model).tokens;
}
