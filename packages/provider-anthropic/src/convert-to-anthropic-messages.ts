import { SwitchyardError, type AssistantMessage, type ChatMessage, type ToolMessage } from '@switchyard/core';
import type { AnthropicRequestBlock, AnthropicRequestMessage } from './anthropic-api.js';
import {
  cacheControlOf,
  convertUserPart,
  textBlock,
  withCacheControl,
  type ConversionContext,
} from './anthropic-content-parts.js';

export interface AnthropicPrompt {
  system: AnthropicRequestBlock[] | undefined;
  messages: AnthropicRequestMessage[];
}

type TextParts = string | Array<{ type: string; text?: string; [key: string]: unknown }> | null | undefined;

function present(blocks: Array<AnthropicRequestBlock | undefined>): AnthropicRequestBlock[] {
  return blocks.filter((block): block is AnthropicRequestBlock => block !== undefined);
}

function textBlocks(content: TextParts): AnthropicRequestBlock[] {
  if (content == null) return [];
  if (typeof content === 'string') return present([textBlock(content)]);
  return present(content.map((part) => (part.type === 'text' && typeof part.text === 'string' ? textBlock(part.text, part) : undefined)));
}

/** LiteLLM's message-level `cache_control` marks the message's last block. */
function markLastBlock(blocks: AnthropicRequestBlock[], message: unknown): AnthropicRequestBlock[] {
  const last = blocks[blocks.length - 1];
  if (!last || !cacheControlOf(message)) return blocks;
  return [...blocks.slice(0, -1), withCacheControl(last, message)];
}

function parseToolArguments(text: string, param: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SwitchyardError('bad_request', 'Tool call arguments must be a JSON object; these are not valid JSON.', { param });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SwitchyardError('bad_request', 'Tool call arguments must be a JSON object.', { param });
  }
  return parsed as Record<string, unknown>;
}

/** Thinking blocks from an earlier answer, sent back with their signatures so multi-turn thinking continues. */
function thinkingBlocks(message: AssistantMessage): AnthropicRequestBlock[] {
  const blocks: AnthropicRequestBlock[] = [];
  for (const block of message.thinking_blocks ?? []) {
    if (block.type === 'thinking' && typeof block.thinking === 'string' && typeof block.signature === 'string') {
      blocks.push({ type: 'thinking', thinking: block.thinking, signature: block.signature });
    } else if (block.type === 'redacted_thinking' && typeof block.data === 'string') {
      blocks.push({ type: 'redacted_thinking', data: block.data });
    }
  }
  return blocks;
}

function assistantBlocks(message: AssistantMessage, index: number): AnthropicRequestBlock[] {
  const toolUses = (message.tool_calls ?? []).map((call, callIndex) => ({
    type: 'tool_use',
    id: call.id,
    name: call.function.name,
    input: parseToolArguments(call.function.arguments, `messages[${index}].tool_calls[${callIndex}].function.arguments`),
  }));
  return markLastBlock([...thinkingBlocks(message), ...textBlocks(message.content as TextParts), ...toolUses], message);
}

function toolResultBlock(message: ToolMessage): AnthropicRequestBlock {
  const content = typeof message.content === 'string' ? message.content : textBlocks(message.content as TextParts);
  return withCacheControl({ type: 'tool_result', tool_use_id: message.tool_call_id, content }, message);
}

function userBlocks(message: Extract<ChatMessage, { role: 'user' }>, index: number, context: ConversionContext) {
  const blocks =
    typeof message.content === 'string'
      ? present([textBlock(message.content)])
      : present(message.content.map((part, partIndex) => convertUserPart(part, `messages[${index}].content[${partIndex}]`, context)));
  return markLastBlock(blocks, message);
}

function append(messages: AnthropicRequestMessage[], role: 'user' | 'assistant', content: AnthropicRequestBlock[]): void {
  if (content.length === 0) return;
  const last = messages[messages.length - 1];
  // The API wants user and assistant turns to alternate: consecutive turns of one role become one turn.
  if (last?.role === role) last.content.push(...content);
  else messages.push({ role, content });
}

/** A final assistant turn is a prefill, which may not end in whitespace. */
function trimPrefill(messages: AnthropicRequestMessage[]): void {
  const last = messages[messages.length - 1];
  if (last?.role !== 'assistant') return;
  const block = last.content[last.content.length - 1];
  if (block?.type !== 'text' || typeof block.text !== 'string') return;
  const text = block.text.trimEnd();
  if (text === '') last.content.pop();
  else block.text = text;
  if (last.content.length === 0) messages.pop();
}

/**
 * Converts OpenAI messages to the Messages API: system and developer messages become the top-level system
 * prompt, tool results become user turns, consecutive turns of one role merge, and image URLs are resolved.
 */
export async function convertToAnthropicMessages(input: readonly ChatMessage[], context: ConversionContext): Promise<AnthropicPrompt> {
  const system: AnthropicRequestBlock[] = [];
  const messages: AnthropicRequestMessage[] = [];
  input.forEach((message, index) => {
    switch (message.role) {
      case 'system':
      case 'developer':
        system.push(...markLastBlock(textBlocks(message.content as TextParts), message));
        return;
      case 'user':
        return append(messages, 'user', userBlocks(message, index, context));
      case 'assistant':
        return append(messages, 'assistant', assistantBlocks(message, index));
      case 'tool':
        return append(messages, 'user', [toolResultBlock(message)]);
      case 'function':
        throw new SwitchyardError('bad_request', 'Function messages are not supported; send tool messages instead.', {
          param: `messages[${index}].role`,
        });
    }
  });
  trimPrefill(messages);
  if (messages.length === 0) {
    throw new SwitchyardError('bad_request', 'At least one user or assistant message with content is required.', {
      param: 'messages',
    });
  }
  await Promise.all(context.pending);
  return { system: system.length > 0 ? system : undefined, messages };
}
