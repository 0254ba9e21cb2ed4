export interface SseEvent {
  /** The `event:` field; undefined when the message had none. */
  event: string | undefined;
  /** The `data:` lines joined with "\n". */
  data: string;
  id: string | undefined;
}

const LF = 0x0a;
const CR = 0x0d;
const COLON = 0x3a;
const SPACE = 0x20;

/** Whether `buffer[start..]` begins with `data:`, the line nearly every event is made of. */
function isDataLine(buffer: Buffer, start: number, end: number): boolean {
  return end - start >= 5 && buffer[start] === 0x64 && buffer[start + 1] === 0x61 && buffer[start + 2] === 0x74 && buffer[start + 3] === 0x61 && buffer[start + 4] === COLON;
}

/**
 * An incremental server-sent-events parser that works on bytes: lines are cut at LF, CRLF or CR before they
 * are decoded, so a multi-byte character split across network chunks decodes correctly. Line ends are found with
 * Buffer.indexOf (native); a chunk without CR takes the LF-only path, and `data:` lines are decoded straight from
 * the bytes after the field name.
 */
export class SseParser {
  #pending: Buffer | undefined;
  #skipLf = false;
  #event: string | undefined;
  #data: string | undefined;
  #id: string | undefined;

  /** Feeds bytes; returns the events they completed. */
  push(chunk: Uint8Array): SseEvent[] {
    const events: SseEvent[] = [];
    let buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.#pending) buffer = Buffer.concat([this.#pending, buffer]);
    this.#pending = undefined;
    let start = 0;
    if (this.#skipLf && buffer.length > 0) {
      if (buffer[0] === LF) start = 1;
      this.#skipLf = false;
    }
    start = buffer.indexOf(CR, start) === -1 ? this.#cutAtLf(buffer, start, events) : this.#cutAtAny(buffer, start, events);
    if (start < buffer.length) {
      this.#pending = buffer.subarray(start);
      this.#skipLf = false;
    }
    return events;
  }

  /** Ends the stream: a final message without its blank line is still delivered. */
  end(): SseEvent[] {
    const events: SseEvent[] = [];
    if (this.#pending) this.#line(this.#pending, 0, this.#pending.length, events);
    this.#pending = undefined;
    this.#dispatch(events);
    return events;
  }

  /** The common case: lines end in LF only. Returns where the unfinished line starts. */
  #cutAtLf(buffer: Buffer, from: number, events: SseEvent[]): number {
    let start = from;
    let index = buffer.indexOf(LF, start);
    while (index !== -1) {
      this.#line(buffer, start, index, events);
      start = index + 1;
      index = buffer.indexOf(LF, start);
    }
    return start;
  }

  /** Lines ending in LF, CRLF or CR (a CRLF split across chunks is joined through `#skipLf`). */
  #cutAtAny(buffer: Buffer, from: number, events: SseEvent[]): number {
    let start = from;
    for (let index = start; index < buffer.length; index++) {
      const byte = buffer[index];
      if (byte !== LF && byte !== CR) continue;
      if (byte === LF && this.#skipLf && index === start) {
        this.#skipLf = false;
        start = index + 1;
        continue;
      }
      this.#skipLf = byte === CR;
      this.#line(buffer, start, index, events);
      start = index + 1;
    }
    return start;
  }

  #line(buffer: Buffer, start: number, end: number, events: SseEvent[]): void {
    if (start === end) return this.#dispatch(events);
    if (isDataLine(buffer, start, end)) {
      const from = buffer[start + 5] === SPACE ? start + 6 : start + 5;
      return this.#addData(buffer.toString('utf8', from, end));
    }
    if (buffer[start] === COLON) return; // ":" starts a comment
    const line = buffer.toString('utf8', start, end);
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === SPACE) value = value.slice(1);
    if (field === 'data') this.#addData(value);
    else if (field === 'event') this.#event = value;
    else if (field === 'id') this.#id = value;
  }

  #addData(value: string): void {
    this.#data = this.#data === undefined ? value : `${this.#data}\n${value}`;
  }

  #dispatch(events: SseEvent[]): void {
    if (this.#data !== undefined) {
      events.push({ event: this.#event, data: this.#data, id: this.#id });
    }
    this.#data = undefined;
    this.#event = undefined;
  }
}

/** Parses a byte stream into SSE events as they complete. */
export async function* parseSseStream(source: AsyncIterable<Uint8Array>): AsyncGenerator<SseEvent> {
  const parser = new SseParser();
  for await (const chunk of source) {
    for (const event of parser.push(chunk)) yield event;
  }
  for (const event of parser.end()) yield event;
}
