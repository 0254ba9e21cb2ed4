import type { ChatCompletion, ChatCompletionChunkChoice, ChatStreamPart, FinishReason, Usage } from '@switchyard/core';

/** A tool call with its arguments still as the JSON text the model wrote. */
export interface AggregatedToolCall {
  id: string;
  name: string;
  arguments: string;
}

/** What a chat answer amounts to for choice 0, whether it was streamed or not. */
export interface ChatOutcome {
  /** The assistant text, or null when there was none (an empty string counts as none). */
  text: string | null;
  /** `reasoning_content`, or null when there was none. */
  reasoning: string | null;
  toolCalls: AggregatedToolCall[];
  finishReason: FinishReason | null;
  usage: Usage | undefined;
}

export interface AggregatedStream extends ChatOutcome {
  parts: ChatStreamPart[];
  /** Broken stream rules (tool-call delta order, usage before the last part, malformed chunks). */
  violations: string[];
}

interface ToolCallState {
  id: string;
  name: string;
  arguments: string;
  choice: number;
  index: number;
}

/**
 * Folds stream parts into one outcome and checks the rules an OpenAI client relies on: the first delta of a
 * tool call carries its id and name and later deltas only argument fragments; usage comes on the last part only.
 */
export class StreamAggregator {
  readonly parts: ChatStreamPart[] = [];
  readonly violations: string[] = [];
  #text = '';
  #reasoning = '';
  #toolCalls = new Map<string, ToolCallState>();
  #finishReason: FinishReason | null = null;
  #usageParts: number[] = [];
  #usage: Usage | undefined;

  push(part: ChatStreamPart): void {
    const position = this.parts.length;
    this.parts.push(part);
    const chunk = part.chunk;
    if (!Array.isArray(chunk.choices)) {
      this.violations.push(`part ${position}: "choices" is not an array`);
      return;
    }
    for (const choice of chunk.choices) this.#choice(choice, position);
    if (part.usage) {
      this.#usageParts.push(position);
      this.#usage = part.usage;
    }
  }

  finish(): AggregatedStream {
    const last = this.parts.length - 1;
    const early = this.#usageParts.filter((position) => position !== last);
    const violations = [...this.violations];
    if (early.length > 0) violations.push(`usage appeared before the last part (parts ${early.join(', ')} of ${last + 1})`);
    const toolCalls = [...this.#toolCalls.values()]
      .filter((call) => call.choice === 0)
      .sort((a, b) => a.index - b.index)
      .map(({ id, name, arguments: args }) => ({ id, name, arguments: args }));
    return {
      parts: this.parts,
      violations,
      text: this.#text === '' ? null : this.#text,
      reasoning: this.#reasoning === '' ? null : this.#reasoning,
      toolCalls,
      finishReason: this.#finishReason,
      usage: this.#usage,
    };
  }

  #choice(choice: ChatCompletionChunkChoice, position: number): void {
    const delta = choice.delta ?? {};
    if (choice.index === 0) {
      if (typeof delta.content === 'string') this.#text += delta.content;
      if (typeof delta.reasoning_content === 'string') this.#reasoning += delta.reasoning_content;
      if (choice.finish_reason) this.#finishReason = choice.finish_reason;
    }
    for (const toolDelta of delta.tool_calls ?? []) {
      const key = `${choice.index}:${toolDelta.index}`;
      const existing = this.#toolCalls.get(key);
      const fragment = toolDelta.function?.arguments ?? '';
      if (!existing) {
        if (!toolDelta.id || !toolDelta.function?.name) {
          this.violations.push(`part ${position}: the first delta of tool call ${key} lacks its id or name`);
        }
        const name = toolDelta.function?.name ?? '';
        this.#toolCalls.set(key, { id: toolDelta.id ?? '', name, arguments: fragment, choice: choice.index, index: toolDelta.index });
        continue;
      }
      if (isPresent(toolDelta.id) || isPresent(toolDelta.function?.name)) {
        this.violations.push(`part ${position}: a later delta of tool call ${key} repeats its id or name`);
      }
      existing.arguments += fragment;
    }
  }
}

function isPresent(value: string | null | undefined): boolean {
  return typeof value === 'string' && value !== '';
}

/** Reads a whole stream and aggregates it; an error thrown by the stream propagates. */
export async function aggregateStream(stream: AsyncIterable<ChatStreamPart>): Promise<AggregatedStream> {
  const aggregator = new StreamAggregator();
  for await (const part of stream) aggregator.push(part);
  return aggregator.finish();
}

/** The same outcome for a non-streamed completion. */
export function completionOutcome(completion: ChatCompletion): ChatOutcome {
  const choice = completion.choices.find((entry) => entry.index === 0) ?? completion.choices[0];
  const message = choice?.message;
  const text = typeof message?.content === 'string' && message.content !== '' ? message.content : null;
  const reasoning = typeof message?.reasoning_content === 'string' && message.reasoning_content !== '' ? message.reasoning_content : null;
  return {
    text,
    reasoning,
    toolCalls: (message?.tool_calls ?? []).map((call) => ({
      id: call.id,
      name: call.function.name,
      arguments: call.function.arguments,
    })),
    finishReason: choice?.finish_reason ?? null,
    usage: completion.usage,
  };
}
