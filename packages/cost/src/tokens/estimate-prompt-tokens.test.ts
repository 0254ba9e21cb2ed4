import type { ChatCompletionRequest } from '@switchyard/core';
import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import { describe, expect, it } from 'vitest';
import { countTokens } from './count-tokens.js';
import { estimateEmbeddingTokens, estimatePromptTokens, tokenizerTokenCounter } from './estimate-prompt-tokens.js';

const request: ChatCompletionRequest = {
  model: 'gpt-4o',
  messages: [
    { role: 'system', content: 'You are a helpful assistant.' },
    { role: 'user', content: 'Book me a table for two in Lyon tomorrow at 8pm.' },
  ],
};

const tool = {
  type: 'function' as const,
  function: {
    name: 'book_table',
    description: 'Books a restaurant table',
    parameters: { type: 'object', properties: { city: { type: 'string' }, people: { type: 'integer' } } },
  },
};

describe('estimatePromptTokens', () => {
  it('counts the messages', () => {
    expect(estimatePromptTokens(request)).toBe(countTokens(request.messages, 'gpt-4o').tokens);
  });

  it('adds tool definitions and a JSON schema response format', () => {
    const withTool = estimatePromptTokens({ ...request, tools: [tool] });
    expect(withTool - estimatePromptTokens(request)).toBe(encode(JSON.stringify(tool.function)).length);
    const schema = { name: 'booking', schema: { type: 'object' } };
    const withFormat = estimatePromptTokens({ ...request, response_format: { type: 'json_schema', json_schema: schema } });
    expect(withFormat - estimatePromptTokens(request)).toBe(encode(JSON.stringify(schema)).length);
  });

  it('uses the tokenizer of the request model', () => {
    const claude = estimatePromptTokens({ ...request, model: 'anthropic/claude-sonnet-4-5' });
    expect(claude).toBe(Math.ceil(estimatePromptTokens(request) * 1.25));
  });

  it('serves as the router token counter', () => {
    expect(tokenizerTokenCounter.countChatTokens(request)).toBe(estimatePromptTokens(request));
  });
});

describe('estimateEmbeddingTokens', () => {
  it('counts strings and takes token arrays as they are', () => {
    const model = 'text-embedding-3-small';
    expect(estimateEmbeddingTokens({ model, input: 'hello world' })).toBe(2);
    expect(estimateEmbeddingTokens({ model, input: ['hello world', 'hello'] })).toBe(3);
    expect(estimateEmbeddingTokens({ model, input: [1, 2, 3] })).toBe(3);
    expect(estimateEmbeddingTokens({ model, input: [[1, 2], [3]] })).toBe(3);
    expect(tokenizerTokenCounter.countEmbeddingTokens({ model, input: 'hello world' })).toBe(2);
  });

  it('scales text for approximate families', () => {
    expect(estimateEmbeddingTokens({ model: 'gemini/text-embedding-004', input: ['hello world'] })).toBe(Math.ceil(2 * 1.1));
  });
});
