import type { ChatCompletionRequest, EmbeddingRequest } from '@switchyard/core';

/**
 * Estimates a request's prompt tokens for the context-window pre-call check and tpm accounting. The default is a
 * cheap characters / 4 estimate; the cost package's real tokenizer can replace it.
 */
export interface TokenCounter {
  countChatTokens(request: ChatCompletionRequest): number;
  countEmbeddingTokens(request: EmbeddingRequest): number;
}

const charsPerToken = 4;

function contentChars(content: unknown): number {
  if (typeof content === 'string') return content.length;
  if (!Array.isArray(content)) return 0;
  let chars = 0;
  for (const part of content as Array<{ text?: unknown }>) if (typeof part.text === 'string') chars += part.text.length;
  return chars;
}

/**
 * Counts only text, so it underestimates rather than rejects a request that would fit: an upstream
 * context-window error still falls back.
 */
export const charEstimateTokenCounter: TokenCounter = {
  countChatTokens(request) {
    let chars = 0;
    for (const message of request.messages) chars += contentChars(message.content);
    return Math.ceil(chars / charsPerToken);
  },
  countEmbeddingTokens(request) {
    const input = request.input;
    if (typeof input === 'string') return Math.ceil(input.length / charsPerToken);
    let tokens = 0;
    for (const item of input) {
      if (typeof item === 'string') tokens += Math.ceil(item.length / charsPerToken);
      else if (Array.isArray(item)) tokens += item.length;
      else tokens += 1;
    }
    return tokens;
  },
};
