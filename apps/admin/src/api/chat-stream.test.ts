import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { applyChunk, takeSseData } from './chat-stream';

describe('takeSseData', () => {
  it('returns the data of complete events and keeps the unfinished rest', () => {
    expect(takeSseData('data: {"a":1}\n\ndata: [DONE]\n\ndata: {"b"')).toEqual({ data: ['{"a":1}', '[DONE]'], rest: 'data: {"b"' });
    expect(takeSseData(': comment\r\n\r\nevent: x\r\ndata:one\r\ndata: two\r\n\r\n')).toEqual({ data: ['one\ntwo'], rest: '' });
  });
});

describe('applyChunk', () => {
  it('passes text deltas and usage, and stops at [DONE]', () => {
    const seen: string[] = [];
    const usage: unknown[] = [];
    const events = { onText: (delta: string) => seen.push(delta), onUsage: (value: unknown) => usage.push(value) };
    expect(applyChunk('{"choices":[{"delta":{"content":"Hel"}}]}', events)).toBe(false);
    expect(applyChunk('{"choices":[{"delta":{"role":"assistant"}}]}', events)).toBe(false);
    expect(applyChunk('{"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":2}}', events)).toBe(false);
    expect(applyChunk(' [DONE]', events)).toBe(true);
    expect([seen, usage]).toEqual([['Hel'], [{ prompt_tokens: 3, completion_tokens: 2 }]]);
  });

  it('throws an in-band error event as an ApiError with its message', () => {
    expect(() => applyChunk('{"error":{"message":"upstream failed","type":"api_error"}}', { onText: () => {} })).toThrow(ApiError);
    expect(() => applyChunk('{"error":{"message":"upstream failed"}}', { onText: () => {} })).toThrow('upstream failed');
  });
});
