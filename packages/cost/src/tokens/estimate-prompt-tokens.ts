import type { ChatCompletionRequest, EmbeddingRequest } from '@switchyard/core';
import { countTokens } from './count-tokens.js';
import { countTextTokens } from './encoders.js';
import { tokenizerForModel } from './tokenizer-for-model.js';

/**
 * Function definitions are sent to the model in a format OpenAI does not publish; their JSON text is counted
 * instead, which lands within a few tokens per tool of what OpenAI reports.
 */
function toolText(request: ChatCompletionRequest): string {
  let text = '';
  for (const tool of request.tools ?? []) text += JSON.stringify('function' in tool ? tool.function : tool);
  const format = request.response_format;
  if (format?.type === 'json_schema') text += JSON.stringify(format.json_schema);
  return text;
}

/**
 * The prompt tokens a chat request will use, for the router's context-window pre-check: messages with OpenAI's
 * framing, tool definitions and a JSON schema response format, in the request model's tokenizer.
 */
export function estimatePromptTokens(request: ChatCompletionRequest): number {
  const messages = countTokens(request.messages, request.model).tokens;
  const tools = toolText(request);
  return tools === '' ? messages : messages + countTokens(tools, request.model).tokens;
}

/** The tokens of an embedding input; inputs already given as token ids count as they are. */
export function estimateEmbeddingTokens(request: EmbeddingRequest): number {
  const input = request.input;
  if (typeof input === 'string') return countTokens(input, request.model).tokens;
  const choice = tokenizerForModel(request.model);
  let raw = 0;
  for (const item of input) {
    if (typeof item === 'string') raw += countTextTokens(item, choice.encoding);
    else if (Array.isArray(item)) raw += item.length;
    else raw += 1;
  }
  const textOnly = input.every((item) => typeof item === 'string');
  return choice.exact || !textOnly ? raw : Math.ceil(raw * choice.factor);
}

/** The shape of `@switchyard/router`'s TokenCounter, so the router's pre-call check can use the real tokenizer. */
export interface RequestTokenCounter {
  countChatTokens(request: ChatCompletionRequest): number;
  countEmbeddingTokens(request: EmbeddingRequest): number;
}

export const tokenizerTokenCounter: RequestTokenCounter = {
  countChatTokens: estimatePromptTokens,
  countEmbeddingTokens: estimateEmbeddingTokens,
};
