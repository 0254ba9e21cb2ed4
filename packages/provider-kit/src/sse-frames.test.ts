import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SseFrameSplitter, type SseFramesRead } from './sse-frames.js';
import type { SseEvent } from './sse-parser.js';

const chunk = (content: string) => JSON.stringify({ id: 'c', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content } }], usage: null });
const usageOnly = JSON.stringify({ id: 'c', object: 'chat.completion.chunk', choices: [], usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 } });
const frame = (json: string) => `data: ${json}\n\n`;
const text = (sse: string | Uint8Array) => (typeof sse === 'string' ? sse : Buffer.from(sse).toString('utf8'));

/** Feeds the reads; returns what came back: the frames' SSE and JSON texts, parsed events' data, and `done`. */
function split(reads: readonly string[], splitter = new SseFrameSplitter()) {
  const out = { sse: '', jsons: [] as string[], parsed: [] as string[], done: false };
  const take = (read: SseFramesRead | SseEvent[]): void => {
    if (Array.isArray(read)) {
      for (const event of read) out.parsed.push(event.data);
      return;
    }
    if (read.batch !== undefined) {
      out.sse += text(read.batch.sse(false));
      out.jsons.push(...read.batch.parts.map((part) => part.json));
    }
    out.done ||= read.done;
  };
  for (const read of reads) {
    if (out.done) break;
    take(splitter.push(Buffer.from(read)));
  }
  if (!out.done) take(splitter.end());
  return out;
}

describe('SseFrameSplitter', () => {
  it('hands over a read of plain frames as its bytes, up to [DONE]', () => {
    const body = frame(chunk('a')) + frame(chunk('b'));
    const out = split([`${body}data: [DONE]\n\ndata: ignored\n\n`]);
    expect(out).toEqual({ sse: body, jsons: [chunk('a'), chunk('b')], parsed: [], done: true });
  });

  it('keeps an unfinished event for the next read, wherever the reads are cut', () => {
    const events = [chunk('héllo 🌍'), chunk('b'), usageOnly, chunk('c')];
    const body = `${events.map(frame).join('')}data: [DONE]\n\n`;
    const bytes = Buffer.from(body);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 6 }), (cuts) => {
        const splitter = new SseFrameSplitter();
        const reads: SseFramesRead[] = [];
        let from = 0;
        for (const cut of [...cuts.sort((one, other) => one - other), bytes.length]) {
          reads.push(splitter.push(bytes.subarray(from, cut)) as SseFramesRead);
          from = cut;
        }
        const sse = reads.map((read) => (read.batch === undefined ? '' : text(read.batch.sse(false)))).join('');
        expect(sse).toBe(events.map(frame).join(''));
        expect(reads.at(-1)?.done).toBe(true);
      }),
    );
  });

  it('reads usage from the usage frame only, and leaves the usage-only chunk out on request', () => {
    const body = frame(chunk('a')) + frame(usageOnly);
    const read = new SseFrameSplitter().push(Buffer.from(body)) as SseFramesRead;
    expect(read.batch?.usage).toEqual({ prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 });
    expect(text(read.batch!.sse(true))).toBe(frame(chunk('a')));
    expect(text(read.batch!.sse(false))).toBe(body);
    const withChoices = JSON.stringify({ id: 'c', choices: [{ index: 0, delta: {} }], usage: { total_tokens: 7 } });
    const kept = new SseFrameSplitter().push(Buffer.from(frame(withChoices) + frame(chunk('z')))) as SseFramesRead;
    expect(kept.batch?.usage).toEqual({ total_tokens: 7 });
    expect(text(kept.batch!.sse(true))).toBe(frame(withChoices) + frame(chunk('z')));
  });

  it('parses a read that may hold an in-band error, comments, event fields, multi-line data or CR line ends', () => {
    const error = '{"error":{"message":"boom"}}';
    expect(split([frame(chunk('a')) + frame(error)])).toMatchObject({ sse: '', parsed: [chunk('a'), error] });
    expect(split([`: keep-alive\n\n${frame(chunk('a'))}`, frame(chunk('b'))])).toMatchObject({ sse: frame(chunk('b')), parsed: [chunk('a')] });
    expect(split([`event: x\ndata: {"a":1}\n\n`]).parsed).toEqual(['{"a":1}']);
    expect(split([`data: {"a":\ndata: 1}\n\n`]).parsed).toEqual(['{"a":\n1}']);
    expect(split([`data: {"a":1}\r\n\r\n`, frame(chunk('b'))]).parsed).toEqual(['{"a":1}', chunk('b')]);
    expect(split(['data: x\n\n']).parsed).toEqual(['x']);
  });

  it('delivers a last event without its blank line, parsed, and parses every read when asked to', () => {
    expect(split([`${frame(chunk('a'))}data: {"b":1}`])).toMatchObject({ sse: frame(chunk('a')), parsed: ['{"b":1}'] });
    expect(split([frame(chunk('a'))], new SseFrameSplitter({ parseAll: true }))).toMatchObject({ sse: '', parsed: [chunk('a')] });
  });
});
