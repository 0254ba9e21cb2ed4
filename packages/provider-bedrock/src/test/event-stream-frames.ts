import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';

const codec = new EventStreamCodec(toUtf8, fromUtf8);
const padding = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function stringHeader(value: string) {
  return { type: 'string' as const, value };
}

/** An `event` frame as Bedrock sends it, with the random-length `p` padding field real payloads carry. */
export function encodeEvent(eventType: string, payload: Record<string, unknown>, paddingLength = 7): Uint8Array {
  return codec.encode({
    headers: {
      ':message-type': stringHeader('event'),
      ':event-type': stringHeader(eventType),
      ':content-type': stringHeader('application/json'),
    },
    body: fromUtf8(JSON.stringify({ ...payload, p: padding.slice(0, paddingLength % padding.length) })),
  });
}

/** An `exception` frame, for example `throttlingException` mid-stream. */
export function encodeException(exceptionType: string, message: string): Uint8Array {
  return codec.encode({
    headers: {
      ':message-type': stringHeader('exception'),
      ':exception-type': stringHeader(exceptionType),
      ':content-type': stringHeader('application/json'),
    },
    body: fromUtf8(JSON.stringify({ message })),
  });
}

/** Encodes `.chunks.txt` lines (`{"<eventType>": {...}}`) as the binary frames ConverseStream sent. */
export function framesFromChunks(lines: readonly string[]): Uint8Array[] {
  return lines.map((line, index) => {
    const parsed = JSON.parse(line) as Record<string, Record<string, unknown>>;
    const [eventType, payload] = Object.entries(parsed)[0] ?? [];
    if (eventType === undefined || payload === undefined) throw new Error(`not an event line: ${line}`);
    return encodeEvent(eventType, payload, 3 + ((index * 11) % 40));
  });
}

/** Concatenates frames into one body. */
export function concatFrames(frames: readonly Uint8Array[]): Uint8Array {
  return Buffer.concat(frames.map((frame) => Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength)));
}
