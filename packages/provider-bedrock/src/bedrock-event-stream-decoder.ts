import { EventStreamCodec, type Message, type MessageHeaders } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import { SwitchyardError } from '@switchyard/core';

/** One decoded event-stream message: its `:message-type`, the event or exception name, and the payload text. */
export interface EventStreamFrame {
  /** `event`, `exception` or `error`. */
  messageType: string;
  /** `:event-type` for events, `:exception-type` for exceptions, `:error-code` for errors. */
  name: string;
  /** The payload as UTF-8 text (JSON for Bedrock), or `:error-message` for an error frame. */
  payload: string;
}

/** A message's 4-byte length prefix, 4-byte headers length, prelude CRC and trailing CRC. */
const minimumMessageLength = 16;
/** Bedrock's messages are small; anything this large is a corrupt length prefix, not a message to wait for. */
const maximumMessageLength = 16 * 1024 * 1024;

const codec = new EventStreamCodec(toUtf8, fromUtf8);

function malformed(detail: string, cause?: unknown): SwitchyardError {
  return new SwitchyardError('upstream_unavailable', `Bedrock sent a malformed event stream: ${detail}.`, {
    status: 502,
    provider: 'bedrock',
    ...(cause === undefined ? {} : { cause }),
  });
}

function decode(bytes: Uint8Array): Message {
  try {
    return codec.decode(bytes);
  } catch (error) {
    throw malformed(error instanceof Error ? error.message : 'undecodable message', error);
  }
}

function headerString(headers: MessageHeaders, name: string): string {
  const header = headers[name];
  return header?.type === 'string' ? header.value : '';
}

function toFrame(message: Message): EventStreamFrame {
  const messageType = headerString(message.headers, ':message-type') || 'event';
  if (messageType === 'error') {
    return {
      messageType,
      name: headerString(message.headers, ':error-code'),
      payload: headerString(message.headers, ':error-message'),
    };
  }
  const name = headerString(message.headers, messageType === 'exception' ? ':exception-type' : ':event-type');
  return { messageType, name, payload: toUtf8(message.body) };
}

/**
 * Splits an AWS event stream (`application/vnd.amazon.eventstream`) into messages as bytes arrive: a message may
 * be cut across network chunks and one chunk may hold several messages. Each complete message is checked
 * (lengths, both CRC32s) and parsed by @smithy/eventstream-codec; a corrupt one throws an upstream_unavailable
 * SwitchyardError.
 */
export class EventStreamDecoder {
  #buffer: Uint8Array = new Uint8Array(0);

  /** Feeds bytes; returns the frames they completed. */
  push(chunk: Uint8Array): EventStreamFrame[] {
    this.#buffer = this.#buffer.length === 0 ? chunk : concat(this.#buffer, chunk);
    const frames: EventStreamFrame[] = [];
    let offset = 0;
    while (this.#buffer.length - offset >= 4) {
      const view = new DataView(this.#buffer.buffer, this.#buffer.byteOffset + offset, 4);
      const length = view.getUint32(0, false);
      if (length < minimumMessageLength || length > maximumMessageLength) {
        throw malformed(`message length ${length} is out of range`);
      }
      if (this.#buffer.length - offset < length) break;
      frames.push(toFrame(decode(this.#buffer.subarray(offset, offset + length))));
      offset += length;
    }
    this.#buffer = offset === this.#buffer.length ? new Uint8Array(0) : this.#buffer.subarray(offset);
    return frames;
  }

  /** Bytes received that do not yet make a whole message (non-zero at the end of the body means truncation). */
  get pendingBytes(): number {
    return this.#buffer.length;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
}

/** Decodes a whole event-stream byte source into frames as they complete. */
export async function* decodeEventStream(source: AsyncIterable<Uint8Array>): AsyncGenerator<EventStreamFrame> {
  const decoder = new EventStreamDecoder();
  for await (const chunk of source) {
    for (const frame of decoder.push(chunk)) yield frame;
  }
  if (decoder.pendingBytes > 0) throw malformed(`the body ended inside a message (${decoder.pendingBytes} bytes)`);
}
