export interface SseEvent {
  /** The `event:` field; undefined when the message had none. */
  event: string | undefined;
  /** The `data:` lines joined with "\n". */
  data: string;
  id: string | undefined;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * An incremental server-sent-events parser that works on bytes: lines are cut at LF, CRLF or CR before they
 * are decoded, so a multi-byte character split across network chunks decodes correctly.
 */
export class SseParser {
  #pending: Buffer | undefined;
  #skipLf = false;
  #event: string | undefined;
  #data: string[] = [];
  #id: string | undefined;

  /** Feeds bytes; returns the events they completed. */
  push(chunk: Uint8Array): SseEvent[] {
    const events: SseEvent[] = [];
    let buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.#pending) buffer = Buffer.concat([this.#pending, buffer]);
    this.#pending = undefined;
    let start = 0;
    for (let index = 0; index < buffer.length; index++) {
      const byte = buffer[index];
      if (byte !== LF && byte !== CR) continue;
      if (byte === LF && this.#skipLf && index === start) {
        this.#skipLf = false;
        start = index + 1;
        continue;
      }
      this.#skipLf = byte === CR;
      this.#line(buffer.toString('utf8', start, index), events);
      start = index + 1;
    }
    if (start < buffer.length) {
      this.#pending = buffer.subarray(start);
      this.#skipLf = false;
    }
    return events;
  }

  /** Ends the stream: a final message without its blank line is still delivered. */
  end(): SseEvent[] {
    const events: SseEvent[] = [];
    if (this.#pending) this.#line(this.#pending.toString('utf8'), events);
    this.#pending = undefined;
    this.#dispatch(events);
    return events;
  }

  #line(line: string, events: SseEvent[]): void {
    if (line.length === 0) return this.#dispatch(events);
    if (line.charCodeAt(0) === 0x3a) return; // ":" starts a comment
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 0x20) value = value.slice(1);
    if (field === 'data') this.#data.push(value);
    else if (field === 'event') this.#event = value;
    else if (field === 'id') this.#id = value;
  }

  #dispatch(events: SseEvent[]): void {
    if (this.#data.length > 0) {
      events.push({ event: this.#event, data: this.#data.join('\n'), id: this.#id });
    }
    this.#data = [];
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
