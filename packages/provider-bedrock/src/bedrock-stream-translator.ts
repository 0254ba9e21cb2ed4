import type { ChatCompletionChunk, ChatCompletionDelta, FinishReason, Usage } from '@switchyard/core';
import type { BedrockStreamEvent } from './bedrock-api.js';
import { convertBedrockUsage } from './bedrock-usage.js';
import { mapBedrockFinishReason } from './map-bedrock-finish-reason.js';

export interface StreamTranslatorOptions {
  id: string;
  model: string;
  created: number;
  includeUsage: boolean;
  jsonToolName: string | undefined;
}

type Block =
  | { kind: 'tool'; index: number; argumentsSent: boolean }
  | { kind: 'json'; contentSent: boolean }
  | { kind: 'reasoning'; text: string; signature: string | undefined; redacted: string | undefined };

type Events = { [K in BedrockStreamEvent['type']]: Extract<BedrockStreamEvent, { type: K }>['value'] };

/**
 * Turns ConverseStream events into OpenAI chunks. A role chunk comes first; text deltas become content;
 * a toolUse block start becomes a tool call's first delta (index, id, name), its input fragments argument
 * deltas, and a block that ends with no input sends `{}`; reasoning deltas become `reasoning_content`, and each
 * finished reasoning block one `thinking_blocks` entry with its signature. messageStop gives the finish chunk;
 * usage (from metadata, which may come before or after messageStop) is sent last when asked for.
 * In JSON mode, text is held back until it is known whether the model calls the JSON tool: if it does, the
 * tool's input streams as content and the held text is dropped; if not, the text is sent at messageStop.
 */
export class ConverseStreamTranslator {
  readonly #options: StreamTranslatorOptions;
  readonly #blocks = new Map<number, Block>();
  #roleSent = false;
  #nextToolIndex = 0;
  #heldText = '';
  #jsonToolCalled = false;
  #stopped = false;
  #usage: Usage | undefined;

  constructor(options: StreamTranslatorOptions) {
    this.#options = options;
  }

  /** Whether messageStop arrived (a stream that ends without it was cut short). */
  get stopped(): boolean {
    return this.#stopped;
  }

  handle(event: BedrockStreamEvent): ChatCompletionChunk[] {
    const chunks: ChatCompletionChunk[] = [];
    switch (event.type) {
      case 'messageStart':
        this.#emit(chunks, {});
        break;
      case 'contentBlockStart':
        this.#blockStart(chunks, event.value);
        break;
      case 'contentBlockDelta':
        this.#blockDelta(chunks, event.value);
        break;
      case 'contentBlockStop':
        this.#blockStop(chunks, event.value.contentBlockIndex);
        break;
      case 'messageStop':
        this.#messageStop(chunks, event.value.stopReason);
        break;
      case 'metadata':
        if (event.value.usage) this.#usage = convertBedrockUsage(event.value.usage);
        break;
    }
    return chunks;
  }

  /** The chunks after the last event: the usage chunk, when usage was asked for and Bedrock reported it. */
  finish(): ChatCompletionChunk[] {
    if (!this.#options.includeUsage || !this.#usage) return [];
    return [this.#chunk([], this.#usage)];
  }

  #chunk(choices: ChatCompletionChunk['choices'], usage?: Usage): ChatCompletionChunk {
    const { id, model, created } = this.#options;
    return { id, object: 'chat.completion.chunk', created, model, choices, ...(usage ? { usage } : {}) };
  }

  #emit(chunks: ChatCompletionChunk[], delta: ChatCompletionDelta, finishReason: FinishReason | null = null): void {
    if (!this.#roleSent) {
      this.#roleSent = true;
      chunks.push(this.#chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]));
    }
    if (Object.keys(delta).length > 0 || finishReason !== null) {
      chunks.push(this.#chunk([{ index: 0, delta, finish_reason: finishReason }]));
    }
  }

  #blockStart(chunks: ChatCompletionChunk[], value: Events['contentBlockStart']): void {
    const toolUse = value.start?.toolUse;
    if (!toolUse) return;
    if (this.#options.jsonToolName !== undefined && toolUse.name === this.#options.jsonToolName) {
      this.#jsonToolCalled = true;
      this.#heldText = '';
      this.#blocks.set(value.contentBlockIndex, { kind: 'json', contentSent: false });
      return;
    }
    const index = this.#nextToolIndex++;
    this.#blocks.set(value.contentBlockIndex, { kind: 'tool', index, argumentsSent: false });
    this.#emit(chunks, { tool_calls: [{ index, id: toolUse.toolUseId, type: 'function', function: { name: toolUse.name, arguments: '' } }] });
  }

  #blockDelta(chunks: ChatCompletionChunk[], value: Events['contentBlockDelta']): void {
    const { delta, contentBlockIndex } = value;
    if (typeof delta.text === 'string' && delta.text !== '') this.#text(chunks, delta.text);
    const input = delta.toolUse?.input;
    const block = this.#blocks.get(contentBlockIndex);
    if (typeof input === 'string' && input !== '' && block) {
      if (block.kind === 'tool') {
        block.argumentsSent = true;
        this.#emit(chunks, { tool_calls: [{ index: block.index, function: { arguments: input } }] });
      } else if (block.kind === 'json') {
        block.contentSent = true;
        this.#emit(chunks, { content: input });
      }
    }
    if (delta.reasoningContent) this.#reasoning(chunks, contentBlockIndex, delta.reasoningContent);
  }

  #text(chunks: ChatCompletionChunk[], text: string): void {
    if (this.#options.jsonToolName === undefined) this.#emit(chunks, { content: text });
    else if (!this.#jsonToolCalled) this.#heldText += text;
  }

  #reasoning(chunks: ChatCompletionChunk[], blockIndex: number, reasoning: NonNullable<Events['contentBlockDelta']['delta']['reasoningContent']>): void {
    let block = this.#blocks.get(blockIndex);
    if (!block) {
      block = { kind: 'reasoning', text: '', signature: undefined, redacted: undefined };
      this.#blocks.set(blockIndex, block);
    }
    if (block.kind !== 'reasoning') return;
    if (typeof reasoning.text === 'string' && reasoning.text !== '') {
      block.text += reasoning.text;
      this.#emit(chunks, { reasoning_content: reasoning.text });
    }
    if (typeof reasoning.signature === 'string') block.signature = (block.signature ?? '') + reasoning.signature;
    if (typeof reasoning.redactedContent === 'string') block.redacted = (block.redacted ?? '') + reasoning.redactedContent;
  }

  #blockStop(chunks: ChatCompletionChunk[], blockIndex: number): void {
    const block = this.#blocks.get(blockIndex);
    this.#blocks.delete(blockIndex);
    if (!block) return;
    if (block.kind === 'tool' && !block.argumentsSent) {
      this.#emit(chunks, { tool_calls: [{ index: block.index, function: { arguments: '{}' } }] });
    } else if (block.kind === 'json' && !block.contentSent) {
      this.#emit(chunks, { content: '{}' });
    } else if (block.kind === 'reasoning') {
      const thinking =
        block.redacted !== undefined
          ? { type: 'redacted_thinking', data: block.redacted }
          : { type: 'thinking', thinking: block.text, ...(block.signature === undefined ? {} : { signature: block.signature }) };
      this.#emit(chunks, { thinking_blocks: [thinking] });
    }
  }

  #messageStop(chunks: ChatCompletionChunk[], stopReason: string | null | undefined): void {
    for (const blockIndex of [...this.#blocks.keys()]) this.#blockStop(chunks, blockIndex);
    if (this.#heldText !== '') this.#emit(chunks, { content: this.#heldText });
    this.#heldText = '';
    this.#stopped = true;
    this.#emit(chunks, {}, mapBedrockFinishReason(stopReason, this.#jsonToolCalled));
  }
}
