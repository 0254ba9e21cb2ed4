import type { ChatMessage } from '@switchyard/core';
import { encodeChat as encodeChatO200k, encode as encodeO200k } from 'gpt-tokenizer/encoding/o200k_base';
import { encode as encodeCl100k } from 'gpt-tokenizer/encoding/cl100k_base';
import { describe, expect, it } from 'vitest';
import { countTokens } from './count-tokens.js';
import { tokenizerForModel } from './tokenizer-for-model.js';

const conversation: ChatMessage[] = [
  { role: 'system', content: 'You are a terse assistant. Answer in one sentence.' },
  { role: 'user', content: 'What is the capital of France, and what river runs through it?' },
  { role: 'assistant', content: 'Paris, on the Seine.' },
  { role: 'user', content: 'And its population?' },
];

describe('tokenizerForModel', () => {
  it('picks o200k_base for GPT-4o, GPT-4.1, GPT-5 and the o-series', () => {
    for (const model of ['gpt-4o', 'azure/gpt-4o-mini', 'gpt-4.1-nano-2025-04-14', 'gpt-5', 'openai/o3-mini', 'o1']) {
      expect(tokenizerForModel(model), model).toEqual({ encoding: 'o200k_base', exact: true, factor: 1 });
    }
  });

  it('picks cl100k_base for GPT-4, GPT-3.5 and the older embeddings', () => {
    for (const model of ['gpt-4', 'gpt-4-turbo', 'gpt-3.5-turbo', 'azure/gpt-35-turbo', 'text-embedding-3-small']) {
      expect(tokenizerForModel(model), model).toEqual({ encoding: 'cl100k_base', exact: true, factor: 1 });
    }
  });

  it('approximates other families', () => {
    expect(tokenizerForModel('anthropic.claude-3-haiku-20240307-v1:0')).toMatchObject({ exact: false, factor: 1.25 });
    expect(tokenizerForModel('gemini/gemini-2.5-pro')).toMatchObject({ exact: false, factor: 1.1 });
    expect(tokenizerForModel('groq/llama-3.3-70b-versatile')).toMatchObject({ exact: false, factor: 1.2 });
    expect(tokenizerForModel('openai/o1ish-custom')).toMatchObject({ exact: false });
  });
});

describe('countTokens', () => {
  it('counts text in the model encoding', () => {
    const text = 'Tokenizers split unicode: こんにちは世界、今日はいい天気ですね। नमस्ते दुनिया';
    expect(countTokens(text, 'gpt-4o')).toEqual({ tokens: encodeO200k(text).length, encoding: 'o200k_base', approximate: false });
    expect(countTokens(text, 'gpt-4').tokens).toBe(encodeCl100k(text).length);
    expect(encodeO200k(text).length).not.toBe(encodeCl100k(text).length);
  });

  it("counts a chat as OpenAI's chat format does", () => {
    expect(countTokens(conversation, 'gpt-4o').tokens).toBe(encodeChatO200k(conversation as never, 'gpt-4o').length);
  });

  it('adds a token for a name and counts tool calls', () => {
    const plain = countTokens([{ role: 'user', content: 'hi' }], 'gpt-4o').tokens;
    const named = countTokens([{ role: 'user', content: 'hi', name: 'alice' }], 'gpt-4o').tokens;
    expect(named - plain).toBe(1 + encodeO200k('alice').length);
    const call: ChatMessage = {
      role: 'assistant',
      content: null,
      tool_calls: [{ id: 'c1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }],
    };
    expect(countTokens([call], 'gpt-4o').tokens).toBeGreaterThan(countTokens([{ ...call, tool_calls: [] }], 'gpt-4o').tokens);
  });

  it('counts images by detail and text parts by their text', () => {
    const image = (detail?: 'low' | 'high'): ChatMessage => ({
      role: 'user',
      content: [
        { type: 'text', text: 'What is this?' },
        { type: 'image_url', image_url: { url: 'https://example.invalid/a.png', ...(detail ? { detail } : {}) } },
      ],
    });
    const textOnly = countTokens([{ role: 'user', content: 'What is this?' }], 'gpt-4o').tokens;
    expect(countTokens([image('low')], 'gpt-4o').tokens - textOnly).toBe(85);
    expect(countTokens([image('high')], 'gpt-4o').tokens - textOnly).toBe(765);
    expect(countTokens([image()], 'gpt-4o').tokens - textOnly).toBe(765);
  });

  it('treats special-token text as text instead of throwing', () => {
    expect(countTokens('<|endoftext|> and <|im_start|>', 'gpt-4o').tokens).toBeGreaterThan(2);
  });

  it('scales the o200k_base count for approximate families', () => {
    const raw = countTokens(conversation, 'gpt-4o').tokens;
    expect(countTokens(conversation, 'claude-sonnet-4-5')).toEqual({
      tokens: Math.ceil(raw * 1.25),
      encoding: 'o200k_base',
      approximate: true,
    });
  });

  it('counts nothing for empty text', () => {
    expect(countTokens('', 'gpt-4o').tokens).toBe(0);
    expect(countTokens([], 'gpt-4o').tokens).toBe(3);
  });
});

describe('the count cache', () => {
  it('gives the same count for a remembered text and keeps counting new ones', () => {
    const long = 'A system prompt that every turn of a conversation sends again. '.repeat(4);
    const first = countTokens(long, 'gpt-4o').tokens;
    expect(countTokens(long, 'gpt-4o').tokens).toBe(first);
    expect(first).toBe(encodeO200k(long).length);
    for (let i = 0; i < 1100; i++) countTokens(`${long} ${i}`, 'gpt-4o');
    expect(countTokens(long, 'gpt-4o').tokens).toBe(first);
    expect(countTokens(long, 'gpt-4').tokens).toBe(encodeCl100k(long).length);
  });
});
