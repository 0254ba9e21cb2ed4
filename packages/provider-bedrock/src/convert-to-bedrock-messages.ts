import { SwitchyardError, type AssistantMessage, type ChatMessage, type ToolMessage, type UserMessage } from '@switchyard/core';
import type { BedrockCachePoint, BedrockContentBlock, BedrockMessage, BedrockSystemBlock } from './bedrock-api.js';
import { documentBlock, imageBlock, type ImageFetchPolicy, type UrlFetcher } from './bedrock-media.js';

export interface ConvertMessagesOptions {
  fetcher: UrlFetcher;
  imagePolicy: ImageFetchPolicy;
  signal?: AbortSignal | undefined;
}

export interface ConvertedMessages {
  system: BedrockSystemBlock[];
  messages: BedrockMessage[];
}

const cachePoint: BedrockCachePoint = { cachePoint: { type: 'default' } };

function hasCacheControl(value: unknown): boolean {
  const control = (value as { cache_control?: unknown } | null)?.cache_control;
  return control !== undefined && control !== null && control !== false;
}

type TextOrParts = string | Array<{ type: 'text'; text: string }>;

/** Text content as blocks: empty text is left out (Bedrock rejects blank text blocks). */
function textBlocks(content: TextOrParts): Array<{ text: string } | BedrockCachePoint> {
  if (typeof content === 'string') return content === '' ? [] : [{ text: content }];
  return content.flatMap((part) => [
    ...(part.text === '' ? [] : [{ text: part.text }]),
    ...(hasCacheControl(part) ? [cachePoint] : []),
  ]);
}

function withMessageCachePoint<T>(message: unknown, blocks: T[]): Array<T | BedrockCachePoint> {
  return hasCacheControl(message) ? [...blocks, cachePoint] : blocks;
}

async function userBlocks(
  message: UserMessage,
  index: number,
  options: ConvertMessagesOptions,
  counter: { documents: number },
): Promise<BedrockContentBlock[]> {
  if (typeof message.content === 'string') return textBlocks(message.content);
  const blocks: BedrockContentBlock[] = [];
  for (const [partIndex, part] of message.content.entries()) {
    const param = `messages[${index}].content[${partIndex}]`;
    if (part.type === 'text') {
      if (part.text !== '') blocks.push({ text: part.text });
    } else if (part.type === 'image_url') {
      blocks.push(await imageBlock(part.image_url.url, param, options.fetcher, options.imagePolicy, options.signal));
    } else if (part.type === 'file') blocks.push(documentBlock(part.file, ++counter.documents, param));
    else throw new SwitchyardError('bad_request', 'Bedrock Converse does not accept audio input.', { param });
    if (hasCacheControl(part)) blocks.push(cachePoint);
  }
  return blocks;
}

function reasoningBlocks(message: AssistantMessage): BedrockContentBlock[] {
  return (message.thinking_blocks ?? []).flatMap((block): BedrockContentBlock[] => {
    if (block.type === 'thinking') {
      const text = typeof block['thinking'] === 'string' ? block['thinking'] : '';
      const signature = typeof block['signature'] === 'string' ? block['signature'] : undefined;
      return [{ reasoningContent: { reasoningText: { text, ...(signature === undefined ? {} : { signature }) } } }];
    }
    if (block.type === 'redacted_thinking' && typeof block['data'] === 'string') {
      return [{ reasoningContent: { redactedContent: block['data'] } }];
    }
    return [];
  });
}

function toolInput(text: string, param: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new SwitchyardError('bad_request', 'Tool call arguments must be valid JSON.', { param });
  }
}

/**
 * An assistant turn: thinking blocks first (signatures kept, so multi-turn thinking round-trips), then text,
 * then tool calls. `reasoning_content` without `thinking_blocks` carries no signature and is not sent back.
 */
function assistantBlocks(message: AssistantMessage, index: number): BedrockContentBlock[] {
  const content = message.content ?? [];
  const parts = typeof content === 'string' ? [{ type: 'text' as const, text: content }] : content;
  const text = parts.flatMap((part) => {
    const value = part.type === 'text' ? part.text : part.refusal;
    return [...(value === '' ? [] : [{ text: value }]), ...(hasCacheControl(part) ? [cachePoint] : [])];
  });
  const toolUses = (message.tool_calls ?? []).map((call, callIndex) => ({
    toolUse: {
      toolUseId: call.id,
      name: call.function.name,
      input: toolInput(call.function.arguments, `messages[${index}].tool_calls[${callIndex}].function.arguments`),
    },
  }));
  return [...reasoningBlocks(message), ...text, ...toolUses];
}

/** A tool message as a toolResult block; `is_error: true` or `status: "error"` marks a failed tool. */
function toolResultBlock(message: ToolMessage): BedrockContentBlock {
  const content = textBlocks(message.content).filter((block): block is { text: string } => 'text' in block);
  const failed = message['is_error'] === true || message['status'] === 'error';
  return {
    toolResult: {
      toolUseId: message.tool_call_id,
      content: content.length > 0 ? content : [{ text: '' }],
      ...(failed ? { status: 'error' as const } : {}),
    },
  };
}

async function turnOf(
  message: ChatMessage,
  index: number,
  options: ConvertMessagesOptions,
  counter: { documents: number },
): Promise<BedrockMessage | undefined> {
  switch (message.role) {
    case 'user':
      return { role: 'user', content: withMessageCachePoint(message, await userBlocks(message, index, options, counter)) };
    case 'assistant':
      return { role: 'assistant', content: withMessageCachePoint(message, assistantBlocks(message, index)) };
    case 'tool':
      return { role: 'user', content: withMessageCachePoint(message, [toolResultBlock(message)]) };
    case 'function':
      throw new SwitchyardError('bad_request', 'Legacy function messages are not supported; send tool messages.', {
        param: `messages[${index}].role`,
      });
    default:
      return undefined;
  }
}

/**
 * Converts OpenAI messages to Converse: system and developer messages (wherever they stand) become `system`
 * blocks; tool results become toolResult blocks in a user turn; consecutive turns of one role are merged, since
 * Converse needs user and assistant to alternate; `cache_control` on a part, message or system entry adds a
 * `cachePoint` after it. A turn left with no content (an empty assistant message) is dropped.
 */
export async function convertToBedrockMessages(
  messages: readonly ChatMessage[],
  options: ConvertMessagesOptions,
): Promise<ConvertedMessages> {
  const system: BedrockSystemBlock[] = [];
  const turns: BedrockMessage[] = [];
  const counter = { documents: 0 };
  for (const [index, message] of messages.entries()) {
    if (message.role === 'system' || message.role === 'developer') {
      system.push(...withMessageCachePoint(message, textBlocks(message.content)));
      continue;
    }
    const turn = await turnOf(message, index, options, counter);
    if (!turn || turn.content.every((block) => 'cachePoint' in block)) continue;
    const previous = turns[turns.length - 1];
    if (previous && previous.role === turn.role) previous.content.push(...turn.content);
    else turns.push(turn);
  }
  return { system, messages: turns };
}
