import type { ChatCompletion, ChatCompletionMessage, ToolCall } from '@switchyard/core';
import type { BedrockConverseResponse, BedrockResponseBlock } from './bedrock-api.js';
import { resolveJsonAnswer } from './bedrock-json-mode.js';
import { convertBedrockUsage } from './bedrock-usage.js';
import { mapBedrockFinishReason } from './map-bedrock-finish-reason.js';

export interface CompletionContext {
  id: string;
  model: string;
  created: number;
  jsonToolName: string | undefined;
}

type ThinkingBlock = { type: string; [key: string]: unknown };

interface CollectedBlocks {
  text: string;
  toolUses: Array<{ id: string; name: string; input: unknown }>;
  reasoning: string;
  thinkingBlocks: ThinkingBlock[];
}

function collect(blocks: readonly BedrockResponseBlock[]): CollectedBlocks {
  const collected: CollectedBlocks = { text: '', toolUses: [], reasoning: '', thinkingBlocks: [] };
  for (const block of blocks) {
    if (typeof block.text === 'string') collected.text += block.text;
    if (block.toolUse) collected.toolUses.push({ id: block.toolUse.toolUseId, name: block.toolUse.name, input: block.toolUse.input });
    const reasoningText = block.reasoningContent?.reasoningText;
    if (reasoningText) {
      collected.reasoning += reasoningText.text;
      const signature = reasoningText.signature ?? undefined;
      collected.thinkingBlocks.push({ type: 'thinking', thinking: reasoningText.text, ...(signature ? { signature } : {}) });
    }
    const redacted = block.reasoningContent?.redactedContent;
    if (typeof redacted === 'string') collected.thinkingBlocks.push({ type: 'redacted_thinking', data: redacted });
  }
  return collected;
}

/**
 * Converts a Converse response to an OpenAI completion: text blocks joined; toolUse blocks as tool calls with
 * their input as JSON arguments; reasoningContent as `reasoning_content` plus `thinking_blocks` (signature and
 * redacted data kept for the next turn); JSON mode's tool input as the content.
 */
export function toChatCompletion(response: BedrockConverseResponse, context: CompletionContext): ChatCompletion {
  const collected = collect(response.output.message.content);
  const answer = resolveJsonAnswer({ text: collected.text, toolUses: collected.toolUses }, context.jsonToolName);
  const toolCalls: ToolCall[] = answer.toolUses.map((use) => ({
    id: use.id,
    type: 'function',
    function: { name: use.name, arguments: JSON.stringify(use.input ?? {}) },
  }));
  const message: ChatCompletionMessage = {
    role: 'assistant',
    content: answer.content,
    refusal: null,
    ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
    ...(collected.reasoning !== '' ? { reasoning_content: collected.reasoning } : {}),
    ...(collected.thinkingBlocks.length > 0 ? { thinking_blocks: collected.thinkingBlocks } : {}),
  };
  return {
    id: context.id,
    object: 'chat.completion',
    created: context.created,
    model: context.model,
    choices: [
      { index: 0, message, finish_reason: mapBedrockFinishReason(response.stopReason, answer.jsonToolCalled), logprobs: null },
    ],
    ...(response.usage ? { usage: convertBedrockUsage(response.usage) } : {}),
  };
}
