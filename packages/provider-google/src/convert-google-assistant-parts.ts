import { SwitchyardError, type AssistantMessage } from '@switchyard/core';
import type { GooglePart } from './google-api.js';
import { decodeToolCallId } from './google-tool-call-id.js';

/**
 * Google's documented placeholder for a function call whose signature was lost (a history that started on
 * another model): Gemini 3 skips its signature check for it instead of rejecting the request.
 */
export const placeholderThoughtSignature = 'skip_thought_signature_validator';

export interface AssistantPartsOptions {
  /** `messages[i]`, for error messages. */
  param: string;
  /** Gemini 3 requires a thought signature on function calls; unsigned ones get the placeholder. */
  requireCallSignatures: boolean;
}

function parseArguments(text: string, param: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SwitchyardError('bad_request', `${param} is not valid JSON`, { param });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SwitchyardError('bad_request', `${param} must be a JSON object`, { param });
  }
  return parsed as Record<string, unknown>;
}

function contentText(message: AssistantMessage): string {
  const content = message.content;
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part) => (part.type === 'text' ? part.text : part.refusal)).join('');
}

interface ThinkingBlock {
  thinking: string;
  signature: string | undefined;
}

function thinkingBlocks(message: AssistantMessage): ThinkingBlock[] {
  return (message.thinking_blocks ?? []).flatMap((block) => {
    if (block.type !== 'thinking') return [];
    const thinking = typeof block['thinking'] === 'string' ? block['thinking'] : '';
    const signature = typeof block['signature'] === 'string' && block['signature'] !== '' ? block['signature'] : undefined;
    return [{ thinking, signature }];
  });
}

function toolCallParts(message: AssistantMessage, options: AssistantPartsOptions): GooglePart[] {
  return (message.tool_calls ?? []).map((call, index) => {
    const param = `${options.param}.tool_calls[${index}].function.arguments`;
    const part: GooglePart = { functionCall: { name: call.function.name, args: parseArguments(call.function.arguments, param) } };
    const signature = decodeToolCallId(call.id).thoughtSignature;
    if (signature) part.thoughtSignature = signature;
    else if (options.requireCallSignatures) part.thoughtSignature = placeholderThoughtSignature;
    return part;
  });
}

/**
 * Converts an assistant message into model parts, in the order Gemini produced them: thinking (thought parts
 * with their signatures, from `thinking_blocks`), then the text, then one functionCall part per tool call with
 * the signature carried in its id. A thinking block without text holds the signature of the text part.
 * `reasoning_content` alone is not sent back: Gemini needs signatures, not the thought text.
 */
export function convertAssistantParts(message: AssistantMessage, options: AssistantPartsOptions): GooglePart[] {
  const parts: GooglePart[] = [];
  let textSignature: string | undefined;
  for (const block of thinkingBlocks(message)) {
    if (block.thinking === '') textSignature ??= block.signature;
    else parts.push({ text: block.thinking, thought: true, ...(block.signature ? { thoughtSignature: block.signature } : {}) });
  }
  const text = contentText(message);
  if (text !== '') parts.push({ text, ...(textSignature ? { thoughtSignature: textSignature } : {}) });
  parts.push(...toolCallParts(message, options));
  return parts;
}
