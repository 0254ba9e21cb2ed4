import type { ChatMessage } from '@switchyard/core';
import { countTextTokens, type EncodingName } from './encoders.js';

// OpenAI's chat format (openai-cookbook, "How to count tokens with tiktoken", for gpt-3.5-turbo-0613 onwards,
// gpt-4 and gpt-4o): every message costs 3 tokens of framing, a name 1 more, and every reply is primed with 3.
export const tokensPerMessage = 3;
export const tokensPerName = 1;
export const replyPrimingTokens = 3;
// An image part's size is unknown without fetching it: low detail is a flat 85 tokens; otherwise this assumes a
// 1024x1024 image at high detail (4 tiles x 170 + 85).
const lowDetailImageTokens = 85;
const defaultImageTokens = 765;

const roleCounts = new Map<string, number>();

/** Role names are a handful of short words; their counts are remembered to skip a tokenizer call per message. */
function roleTokens(role: string, encoding: EncodingName): number {
  const key = `${encoding}:${role}`;
  let count = roleCounts.get(key);
  if (count === undefined) {
    count = countTextTokens(role, encoding);
    if (roleCounts.size < 64) roleCounts.set(key, count);
  }
  return count;
}

type Part = { type?: unknown; text?: unknown; refusal?: unknown; image_url?: { detail?: unknown } };

function contentTokens(content: unknown, encoding: EncodingName): number {
  if (typeof content === 'string') return countTextTokens(content, encoding);
  if (!Array.isArray(content)) return 0;
  let tokens = 0;
  for (const part of content as Part[]) {
    if (typeof part.text === 'string') tokens += countTextTokens(part.text, encoding);
    else if (typeof part.refusal === 'string') tokens += countTextTokens(part.refusal, encoding);
    else if (part.type === 'image_url') {
      tokens += part.image_url?.detail === 'low' ? lowDetailImageTokens : defaultImageTokens;
    }
    // input_audio and file parts are not counted: their token cost depends on decoding the media.
  }
  return tokens;
}

function toolCallTokens(message: ChatMessage, encoding: EncodingName): number {
  if (message.role !== 'assistant' || !message.tool_calls) return 0;
  let tokens = 0;
  for (const call of message.tool_calls) {
    tokens += tokensPerMessage + countTextTokens(call.function.name, encoding);
    tokens += countTextTokens(call.function.arguments, encoding);
  }
  return tokens;
}

/** One message's tokens in OpenAI's chat format, framing included. */
export function messageTokens(message: ChatMessage, encoding: EncodingName): number {
  let tokens = tokensPerMessage + roleTokens(message.role, encoding);
  tokens += contentTokens(message.content, encoding);
  if (typeof message.name === 'string') tokens += tokensPerName + countTextTokens(message.name, encoding);
  return tokens + toolCallTokens(message, encoding);
}
