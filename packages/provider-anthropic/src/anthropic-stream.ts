import type { ChatCompletionChunk, ChatCompletionDelta, FinishReason } from '@switchyard/core';
import type { SseEvent } from '@switchyard/provider-kit';
import {
  anthropicContentBlockDeltaSchema,
  anthropicContentBlockStartSchema,
  anthropicContentBlockStopSchema,
  anthropicFallbackBlockSchema,
  anthropicMessageDeltaSchema,
  anthropicMessageStartSchema,
  anthropicRedactedThinkingBlockSchema,
  anthropicStreamErrorSchema,
  anthropicToolUseBlockSchema,
  type AnthropicContentBlock,
  type AnthropicContentBlockDelta,
  type AnthropicStopDetails,
  type AnthropicUsage,
} from './anthropic-api.js';
import { anthropicStreamError } from './anthropic-error.js';
import { convertAnthropicUsage, mergeAnthropicUsage } from './anthropic-usage.js';
import { mapAnthropicFinishReason } from './map-anthropic-finish-reason.js';
import { malformedResponse } from './send-anthropic-request.js';

export interface StreamTranslatorOptions {
  provider: string;
  /** Seconds since the epoch, for every chunk's `created`. */
  created: number;
  /** `stream_options.include_usage`: end with a chunk that carries usage and no choices. */
  includeUsage: boolean;
  jsonToolName: string | undefined;
}

type Block =
  | { kind: 'text' | 'ignored' }
  | { kind: 'thinking'; thinking: string; signature: string }
  | { kind: 'tool'; toolIndex: number; input: unknown; sentArguments: boolean }
  | { kind: 'json'; input: unknown; sentArguments: boolean };

type Schema<T> = { safeParse(value: unknown): { success: true; data: T } | { success: false } };

function hasKeys(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.keys(value).length > 0;
}

/**
 * Turns Messages API stream events into OpenAI chunks. It enforces the event order (one message_start, blocks
 * inside the message, message_stop last), so a duplicated or spliced stream is refused rather than merged.
 */
export class AnthropicStreamTranslator {
  readonly #options: StreamTranslatorOptions;
  #state: 'before' | 'open' | 'stopped' = 'before';
  #id = '';
  #model = '';
  #usage: AnthropicUsage = {};
  #stopReason: string | null | undefined;
  #stopDetails: AnthropicStopDetails | null | undefined;
  #blocks = new Map<number, Block>();
  #toolCount = 0;
  #jsonAnswered = false;

  constructor(options: StreamTranslatorOptions) {
    this.#options = options;
  }

  /** The chunks one event produces. Throws a SwitchyardError for an error event or a broken stream. */
  push(event: SseEvent): ChatCompletionChunk[] {
    const data = this.#json(event.data);
    const type = typeof data.type === 'string' ? data.type : event.event;
    switch (type) {
      case 'message_start':
        return this.#messageStart(data);
      case 'content_block_start':
        return this.#blockStart(this.#parse(anthropicContentBlockStartSchema, data, type));
      case 'content_block_delta':
        return this.#blockDelta(this.#parse(anthropicContentBlockDeltaSchema, data, type));
      case 'content_block_stop':
        return this.#blockStop(this.#parse(anthropicContentBlockStopSchema, data, type).index);
      case 'message_delta':
        return this.#messageDelta(data);
      case 'message_stop':
        return this.#messageStop();
      case 'error': {
        const parsed = anthropicStreamErrorSchema.safeParse(data);
        throw anthropicStreamError(this.#options.provider, parsed.success ? parsed.data.error : { type: 'api_error' });
      }
      default:
        // ping, and event kinds newer than this translator.
        return [];
    }
  }

  /** Call when the body ended: a stream cut before message_stop is an upstream failure, not an answer. */
  end(): void {
    if (this.#state !== 'stopped') throw malformedResponse(this.#options.provider, 'the stream ended before message_stop');
  }

  #json(text: string): Record<string, unknown> {
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch (error) {
      throw malformedResponse(this.#options.provider, 'a stream event is not JSON', error);
    }
    throw malformedResponse(this.#options.provider, 'a stream event is not a JSON object');
  }

  #parse<T>(schema: Schema<T>, data: unknown, type: string): T {
    if (this.#state !== 'open') throw malformedResponse(this.#options.provider, `${type} arrived outside a message`);
    const parsed = schema.safeParse(data);
    if (!parsed.success) throw malformedResponse(this.#options.provider, `a ${type} event is malformed`);
    return parsed.data;
  }

  #chunk(delta: ChatCompletionDelta, finishReason: FinishReason | null = null): ChatCompletionChunk {
    return {
      id: this.#id,
      object: 'chat.completion.chunk',
      created: this.#options.created,
      model: this.#model,
      choices: [{ index: 0, delta, finish_reason: finishReason }],
    };
  }

  #messageStart(data: unknown): ChatCompletionChunk[] {
    if (this.#state !== 'before') throw malformedResponse(this.#options.provider, 'a second message_start arrived in one stream');
    const parsed = anthropicMessageStartSchema.safeParse(data);
    if (!parsed.success) throw malformedResponse(this.#options.provider, 'the message_start event is malformed');
    this.#state = 'open';
    this.#id = parsed.data.message.id;
    this.#model = parsed.data.message.model;
    this.#usage = parsed.data.message.usage ?? {};
    return [this.#chunk({ role: 'assistant', content: '' })];
  }

  #blockStart(event: { index: number; content_block: AnthropicContentBlock }): ChatCompletionChunk[] {
    if (this.#blocks.has(event.index)) throw malformedResponse(this.#options.provider, `content block ${event.index} started twice`);
    const block = event.content_block;
    switch (block.type) {
      case 'text': {
        this.#blocks.set(event.index, { kind: 'text' });
        return typeof block.text === 'string' && block.text !== '' ? [this.#chunk({ content: block.text })] : [];
      }
      case 'thinking': {
        const thinking = typeof block.thinking === 'string' ? block.thinking : '';
        const signature = typeof block.signature === 'string' ? block.signature : '';
        this.#blocks.set(event.index, { kind: 'thinking', thinking, signature });
        return thinking !== '' ? [this.#chunk({ reasoning_content: thinking })] : [];
      }
      case 'redacted_thinking': {
        this.#blocks.set(event.index, { kind: 'ignored' });
        const data = this.#block(anthropicRedactedThinkingBlockSchema, block).data;
        return [this.#chunk({ thinking_blocks: [{ type: 'redacted_thinking', data }] })];
      }
      case 'tool_use':
        return this.#toolStart(event.index, block);
      case 'fallback':
        // The server fell back to another model; what follows comes from it.
        this.#model = this.#block(anthropicFallbackBlockSchema, block).to.model;
        this.#blocks.set(event.index, { kind: 'ignored' });
        return [];
      default:
        // Server-side tool use and results ran at Anthropic; they are not the caller's tool calls.
        this.#blocks.set(event.index, { kind: 'ignored' });
        return [];
    }
  }

  #block<T>(schema: Schema<T>, block: AnthropicContentBlock): T {
    const parsed = schema.safeParse(block);
    if (!parsed.success) throw malformedResponse(this.#options.provider, `a ${block.type} block is malformed`);
    return parsed.data;
  }

  #toolStart(index: number, block: AnthropicContentBlock): ChatCompletionChunk[] {
    const toolUse = this.#block(anthropicToolUseBlockSchema, block);
    if (toolUse.name === this.#options.jsonToolName) {
      this.#jsonAnswered = true;
      this.#blocks.set(index, { kind: 'json', input: toolUse.input, sentArguments: false });
      return [];
    }
    const toolIndex = this.#toolCount++;
    this.#blocks.set(index, { kind: 'tool', toolIndex, input: toolUse.input, sentArguments: false });
    const call = { index: toolIndex, id: toolUse.id, type: 'function' as const, function: { name: toolUse.name, arguments: '' } };
    return [this.#chunk({ tool_calls: [call] })];
  }

  #blockDelta(event: AnthropicContentBlockDelta): ChatCompletionChunk[] {
    const block = this.#blocks.get(event.index);
    if (!block) throw malformedResponse(this.#options.provider, `a delta arrived for content block ${event.index}, which never started`);
    const delta = event.delta;
    if (block.kind === 'text' && delta.type === 'text_delta' && delta.text) return [this.#chunk({ content: delta.text })];
    if (block.kind === 'thinking') {
      if (delta.type === 'signature_delta' && delta.signature) block.signature += delta.signature;
      if (delta.type !== 'thinking_delta' || !delta.thinking) return [];
      block.thinking += delta.thinking;
      return [this.#chunk({ reasoning_content: delta.thinking })];
    }
    if ((block.kind === 'tool' || block.kind === 'json') && delta.type === 'input_json_delta' && delta.partial_json) {
      block.sentArguments = true;
      if (block.kind === 'json') return [this.#chunk({ content: delta.partial_json })];
      return [this.#chunk({ tool_calls: [{ index: block.toolIndex, function: { arguments: delta.partial_json } }] })];
    }
    return [];
  }

  #blockStop(index: number): ChatCompletionChunk[] {
    const block = this.#blocks.get(index);
    if (!block) throw malformedResponse(this.#options.provider, `content block ${index} stopped without starting`);
    this.#blocks.set(index, { kind: 'ignored' });
    if (block.kind === 'thinking') {
      return [this.#chunk({ thinking_blocks: [{ type: 'thinking', thinking: block.thinking, signature: block.signature }] })];
    }
    if ((block.kind !== 'tool' && block.kind !== 'json') || block.sentArguments) return [];
    // A tool without arguments streams no input at all; OpenAI clients expect a JSON object.
    const input = hasKeys(block.input) ? JSON.stringify(block.input) : '{}';
    if (block.kind === 'json') return [this.#chunk({ content: input })];
    return [this.#chunk({ tool_calls: [{ index: block.toolIndex, function: { arguments: input } }] })];
  }

  #messageDelta(data: unknown): ChatCompletionChunk[] {
    const event = this.#parse(anthropicMessageDeltaSchema, data, 'message_delta');
    if (event.delta.stop_reason !== undefined) this.#stopReason = event.delta.stop_reason;
    if (event.delta.stop_details !== undefined) this.#stopDetails = event.delta.stop_details;
    this.#usage = mergeAnthropicUsage(this.#usage, event.usage);
    return [];
  }

  #messageStop(): ChatCompletionChunk[] {
    if (this.#state !== 'open') throw malformedResponse(this.#options.provider, 'message_stop arrived outside a message');
    this.#state = 'stopped';
    const finishReason = mapAnthropicFinishReason(this.#stopReason, this.#jsonAnswered && this.#toolCount === 0);
    const explanation = this.#stopReason === 'refusal' ? this.#stopDetails?.explanation : undefined;
    const chunks = [this.#chunk(explanation ? { refusal: explanation } : {}, finishReason)];
    if (this.#options.includeUsage) chunks.push({ ...this.#chunk({}), choices: [], usage: convertAnthropicUsage(this.#usage) });
    return chunks;
  }
}
