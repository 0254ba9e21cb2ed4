import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseSseStream, SseParser } from './sse-parser.js';

async function* bytes(parts: string[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield Buffer.from(part);
}

async function collect(parts: string[]) {
  const events = [];
  for await (const event of parseSseStream(bytes(parts))) events.push(event);
  return events;
}

describe('SseParser', () => {
  it('parses events, names, ids and multi-line data', async () => {
    const events = await collect(['event: message_start\ndata: {"a":1}\n\n', 'id: 7\ndata: x\ndata: y\n\n']);
    expect(events).toEqual([
      { event: 'message_start', data: '{"a":1}', id: undefined },
      { event: undefined, data: 'x\ny', id: '7' },
    ]);
  });

  it('accepts CRLF, CR and comments', async () => {
    const events = await collect([': keep-alive\r\ndata: a\r\n\r\ndata: b\r\rdata: c\n\n']);
    expect(events.map((event) => event.data)).toEqual(['a', 'b', 'c']);
  });

  it('handles a CRLF split across chunks', async () => {
    const events = await collect(['data: a\r', '\n\r', '\ndata: b\r\n\r\n']);
    expect(events.map((event) => event.data)).toEqual(['a', 'b']);
  });

  it('decodes multi-byte characters split across chunks', async () => {
    const raw = Buffer.from('data: héllo 🌍\n\n');
    const parser = new SseParser();
    const events = [...parser.push(raw.subarray(0, 8)), ...parser.push(raw.subarray(8, 14)), ...parser.push(raw.subarray(14))];
    expect(events[0]?.data).toBe('héllo 🌍');
  });

  it('reads data lines with and without the space, and fields without a value', async () => {
    const events = await collect(['data:{"a":1}\n\ndata\ndata:\ndata: x\n\nevent\ndata: y\n\n']);
    expect(events).toEqual([
      { event: undefined, data: '{"a":1}', id: undefined },
      { event: undefined, data: '\n\nx', id: undefined },
      { event: '', data: 'y', id: undefined },
    ]);
  });

  it('delivers a last message that lacks its blank line', async () => {
    expect((await collect(['data: tail'])).map((event) => event.data)).toEqual(['tail']);
  });

  it('gives the same events however the bytes are cut', () => {
    const text = 'event: a\ndata: {"x":"ü"}\n\n: c\ndata: 2\r\n\r\ndata:3\rdata\r\rid: 9\ndata: [DONE]\n\n';
    const whole = new SseParser();
    const expected = [...whole.push(Buffer.from(text)), ...whole.end()];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: Buffer.byteLength(text) - 1 }), { maxLength: 6 }), (cuts) => {
        const buffer = Buffer.from(text);
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const parser = new SseParser();
        const events = [];
        let start = 0;
        for (const point of [...points, buffer.length]) {
          events.push(...parser.push(buffer.subarray(start, point)));
          start = point;
        }
        events.push(...parser.end());
        expect(events).toEqual(expected);
      }),
    );
  });
});
