import { describe, expect, it } from 'vitest';
import { chunksFromFixture, readChunksFixture, readFixture, sseFromChunks } from './fixtures.js';

const fixtures = new URL('./__fixtures__/', import.meta.url);

describe('fixtures', () => {
  it('reads a fixture from a URL or a path and splits chunk files into lines', () => {
    const text = readFixture(fixtures, 'sample.chunks.txt');
    expect(readFixture(fixtures.pathname, 'sample.chunks.txt')).toBe(text);
    expect(chunksFromFixture(text)).toEqual(['{"type":"message_start","n":1}', '{"type":"ping"}']);
    expect(readChunksFixture(fixtures, 'sample.chunks.txt')).toHaveLength(2);
  });

  it('frames lines as OpenAI-style data events with [DONE]', () => {
    expect(sseFromChunks(['{"a":1}', '{"b":2}'], { done: true })).toBe('data: {"a":1}\n\ndata: {"b":2}\n\ndata: [DONE]\n\n');
  });

  it('names events after their type with the separator asked for', () => {
    expect(sseFromChunks(['{"type":"ping"}'], { event: true, separator: '\r\n\r\n' })).toBe(
      'event: ping\r\ndata: {"type":"ping"}\r\n\r\n',
    );
  });

  it('refuses to name an event whose line has no type', () => {
    expect(() => sseFromChunks(['{"a":1}'], { event: true })).toThrow(/no string "type"/);
  });
});
