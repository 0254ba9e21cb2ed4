import { describe, expect, it } from 'vitest';
import { streamPartFromChunk, streamPartFromJson } from './chat-stream-part.js';

const usageChunk = {
  id: 'c1',
  object: 'chat.completion.chunk' as const,
  created: 1,
  model: 'm',
  choices: [],
  usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 },
};

describe('stream parts', () => {
  it('keeps upstream JSON text byte for byte and parses lazily', () => {
    const text = '{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[],"usage":{"prompt_tokens":3,"completion_tokens":4,"total_tokens":7}}';
    const part = streamPartFromJson(text);
    expect(part.json).toBe(text);
    expect(part.usage?.total_tokens).toBe(7);
    expect(part.chunk.id).toBe('c1');
  });

  it('reports no usage for a chunk without it', () => {
    const part = streamPartFromJson('{"id":"c","choices":[{"index":0,"delta":{"content":"hi"}}],"usage":null}');
    expect(part.usage).toBeUndefined();
    expect(streamPartFromJson('{"id":"c","choices":[]}').usage).toBeUndefined();
    // A nested usage does not count; the top-level one is null (the last key wins in JSON.parse too).
    expect(streamPartFromJson('{"x_groq":{"usage":{"total_tokens":7}},"usage":null}').usage).toBeUndefined();
    expect(streamPartFromJson('{"usage":{"total_tokens":7},"usage":null}').usage).toBeUndefined();
  });

  it('finds usage however the upstream spaced it', () => {
    expect(streamPartFromJson('{"choices":[],"usage": {"total_tokens":7}}').usage?.total_tokens).toBe(7);
    expect(streamPartFromJson('{"choices":[],"usage":{"total_tokens":8} }').usage?.total_tokens).toBe(8);
  });

  it('serialises a built chunk on demand', () => {
    const part = streamPartFromChunk(usageChunk);
    expect(JSON.parse(part.json)).toEqual(usageChunk);
    expect(part.usage?.prompt_tokens).toBe(3);
  });
});
