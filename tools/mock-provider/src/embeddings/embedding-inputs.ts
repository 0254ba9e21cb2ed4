import { badRequest } from '../reply/mock-request-error.js';
import { estimateTokens } from '../text/mock-answer.js';

/** One input to embed: the text that seeds its vector and its token count. */
export interface EmbeddingInput {
  seed: string;
  tokens: number;
}

export function textInput(text: string): EmbeddingInput {
  return { seed: text, tokens: estimateTokens(text.length) };
}

/** OpenAI's `input`: a string, an array of strings, a token array or an array of token arrays. */
export function readOpenAIInputs(input: unknown): EmbeddingInput[] {
  if (typeof input === 'string') return [textInput(input)];
  if (!Array.isArray(input) || input.length === 0) {
    throw badRequest("'input' must be a non-empty string, array of strings, or array of token arrays.", 'input');
  }
  if (input.every((item) => typeof item === 'number')) return [tokenInput(input)];
  return input.map((item, index) => {
    if (typeof item === 'string') return textInput(item);
    if (Array.isArray(item) && item.length > 0 && item.every((token) => typeof token === 'number')) return tokenInput(item);
    throw badRequest(`'input[${index}]' must be a string or a non-empty array of token ids.`, `input[${index}]`);
  });
}

function tokenInput(tokens: readonly unknown[]): EmbeddingInput {
  return { seed: tokens.join(' '), tokens: tokens.length };
}
