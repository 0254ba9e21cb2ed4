import type { ChatCompletion, ChatCompletionMessage, ToolCall } from '@switchyard/core';
import {
  anthropicRedactedThinkingBlockSchema,
  anthropicTextBlockSchema,
  anthropicThinkingBlockSchema,
  anthropicToolUseBlockSchema,
  type AnthropicContentBlock,
  type AnthropicMessage,
} from './anthropic-api.js';
import { convertAnthropicUsage } from './anthropic-usage.js';
import { mapAnthropicFinishReason } from './map-anthropic-finish-reason.js';
import { malformedResponse } from './send-anthropic-request.js';

interface Collected {
  text: string;
  reasoning: string;
  thinkingBlocks: Array<{ type: string; [key: string]: unknown }>;
  toolCalls: ToolCall[];
  jsonAnswered: boolean;
}

function parseBlock<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }, block: unknown, provider: string): T {
  const parsed = schema.safeParse(block);
  if (!parsed.success) throw malformedResponse(provider, `a ${(block as AnthropicContentBlock).type} block is malformed`);
  return parsed.data;
}

function collect(message: AnthropicMessage, jsonToolName: string | undefined, provider: string): Collected {
  const out: Collected = { text: '', reasoning: '', thinkingBlocks: [], toolCalls: [], jsonAnswered: false };
  for (const block of message.content) {
    if (block.type === 'text') out.text += parseBlock(anthropicTextBlockSchema, block, provider).text;
    else if (block.type === 'thinking') {
      const thinking = parseBlock(anthropicThinkingBlockSchema, block, provider);
      out.reasoning += thinking.thinking;
      out.thinkingBlocks.push({ type: 'thinking', thinking: thinking.thinking, signature: thinking.signature ?? '' });
    } else if (block.type === 'redacted_thinking') {
      out.thinkingBlocks.push({ type: 'redacted_thinking', data: parseBlock(anthropicRedactedThinkingBlockSchema, block, provider).data });
    } else if (block.type === 'tool_use') {
      const toolUse = parseBlock(anthropicToolUseBlockSchema, block, provider);
      const input = JSON.stringify(toolUse.input ?? {});
      if (toolUse.name === jsonToolName) {
        out.text += input;
        out.jsonAnswered = true;
      } else out.toolCalls.push({ id: toolUse.id, type: 'function', function: { name: toolUse.name, arguments: input } });
    }
    // Server-side tool blocks (web search, code execution, MCP, advisor) ran at Anthropic and a fallback block only
    // names the model that answered (the response's model already is that one): nothing to return for them.
  }
  return out;
}

export interface CompletionContext {
  provider: string;
  /** Seconds since the epoch. */
  created: number;
  jsonToolName: string | undefined;
}

/**
 * Converts a Messages API response to a chat completion: text blocks joined, thinking as `reasoning_content`
 * with the signed blocks in `thinking_blocks`, client tool calls as `tool_calls`, and the response_format tool's
 * input as the content.
 */
export function toChatCompletion(message: AnthropicMessage, context: CompletionContext): ChatCompletion {
  const collected = collect(message, context.jsonToolName, context.provider);
  const refusal = message.stop_reason === 'refusal' ? (message.stop_details?.explanation ?? null) : null;
  const assistant: ChatCompletionMessage = {
    role: 'assistant',
    content: collected.text === '' ? null : collected.text,
    refusal,
    ...(collected.toolCalls.length > 0 ? { tool_calls: collected.toolCalls } : {}),
    ...(collected.reasoning !== '' ? { reasoning_content: collected.reasoning } : {}),
    ...(collected.thinkingBlocks.length > 0 ? { thinking_blocks: collected.thinkingBlocks } : {}),
  };
  const jsonOnly = collected.jsonAnswered && collected.toolCalls.length === 0;
  return {
    id: message.id,
    object: 'chat.completion',
    created: context.created,
    model: message.model,
    choices: [{ index: 0, message: assistant, finish_reason: mapAnthropicFinishReason(message.stop_reason, jsonOnly), logprobs: null }],
    usage: convertAnthropicUsage(message.usage ?? {}),
  };
}
