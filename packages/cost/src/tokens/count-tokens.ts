import type { ChatMessage } from '@switchyard/core';
import { countTextTokens, type EncodingName } from './encoders.js';
import { messageTokens, replyPrimingTokens } from './message-tokens.js';
import { tokenizerForModel } from './tokenizer-for-model.js';

export interface TokenCount {
  readonly tokens: number;
  readonly encoding: EncodingName;
  /** True when the model's tokenizer is not OpenAI's and the count is an o200k_base count scaled by a factor. */
  readonly approximate: boolean;
}

/** Text tokens in an encoding, or the framed tokens of a message list (reply priming included). */
export function rawTokens(input: string | readonly ChatMessage[], encoding: EncodingName): number {
  if (typeof input === 'string') return countTextTokens(input, encoding);
  let tokens = replyPrimingTokens;
  for (const message of input) tokens += messageTokens(message, encoding);
  return tokens;
}

/**
 * Counts the tokens of a text or a chat prompt for a model: exactly for OpenAI models (o200k_base or
 * cl100k_base, with OpenAI's per-message framing), approximately for other families (see `tokenizerForModel`).
 */
export function countTokens(input: string | readonly ChatMessage[], model: string): TokenCount {
  const choice = tokenizerForModel(model);
  const raw = rawTokens(input, choice.encoding);
  return {
    tokens: choice.exact ? raw : Math.ceil(raw * choice.factor),
    encoding: choice.encoding,
    approximate: !choice.exact,
  };
}
