import { describe, expect, it } from 'vitest';
import { decodeEventStream, EventStreamDecoder } from './bedrock-event-stream-decoder.js';
import { concatFrames, encodeEvent, encodeException } from './test/event-stream-frames.js';

async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

async function collect(source: AsyncIterable<Uint8Array>) {
  const frames = [];
  for await (const frame of decodeEventStream(source)) frames.push(frame);
  return frames;
}

const body = concatFrames([
  encodeEvent('messageStart', { role: 'assistant' }),
  encodeEvent('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'héllo 🌍' } }),
  encodeEvent('messageStop', { stopReason: 'end_turn' }),
]);

describe('EventStreamDecoder', () => {
  it('decodes frames whatever the chunk boundaries (every size from 1 byte to the whole body)', async () => {
    for (const size of [1, 2, 3, 5, 7, 13, 64, body.length]) {
      const frames = await collect(chunksOf(body, size));
      expect(frames.map((frame) => frame.name)).toEqual(['messageStart', 'contentBlockDelta', 'messageStop']);
      expect(frames.every((frame) => frame.messageType === 'event')).toBe(true);
      const delta = JSON.parse(frames[1]?.payload ?? '') as { delta: { text: string }; p: string };
      expect(delta.delta.text).toBe('héllo 🌍');
    }
  });

  it('returns several frames from one chunk and keeps the remainder for the next', () => {
    const decoder = new EventStreamDecoder();
    const first = decoder.push(body.subarray(0, body.length - 10));
    expect(first.map((frame) => frame.name)).toEqual(['messageStart', 'contentBlockDelta']);
    expect(decoder.pendingBytes).toBeGreaterThan(0);
    expect(decoder.push(body.subarray(body.length - 10)).map((frame) => frame.name)).toEqual(['messageStop']);
    expect(decoder.pendingBytes).toBe(0);
  });

  it('reads exception frames with their type and message', () => {
    const [frame] = new EventStreamDecoder().push(encodeException('throttlingException', 'Too many requests'));
    expect(frame).toEqual({ messageType: 'exception', name: 'throttlingException', payload: '{"message":"Too many requests"}' });
  });

  it('rejects a frame whose CRC does not match', () => {
    const corrupt = Uint8Array.from(encodeEvent('messageStop', { stopReason: 'end_turn' }));
    corrupt[corrupt.length - 6] = (corrupt[corrupt.length - 6] ?? 0) ^ 0xff;
    expect(() => new EventStreamDecoder().push(corrupt)).toThrow(/checksum/);
  });

  it('rejects a length prefix that cannot be a message', () => {
    expect(() => new EventStreamDecoder().push(Uint8Array.from([0, 0, 0, 3, 1, 2, 3, 4]))).toThrow(/out of range/);
    expect(() => new EventStreamDecoder().push(Uint8Array.from([0x7f, 0, 0, 0]))).toThrow(/out of range/);
  });

  it('fails when the body ends inside a message', async () => {
    await expect(collect(chunksOf(body.subarray(0, body.length - 1), 50))).rejects.toThrow(/ended inside a message/);
  });
});
