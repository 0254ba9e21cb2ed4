import type { OutgoingHttpHeaders } from 'node:http';

/** One write on the wire: an SSE event or a binary event-stream frame. */
export type Frame = string | Uint8Array;

/** A complete answer sent in one write with a content-length. */
export interface BodyReply {
  kind: 'body';
  status: number;
  headers: OutgoingHttpHeaders;
  body: string | Uint8Array;
  /** Send only the first half of the body, then close the socket (the `midstream` fault on a non-stream call). */
  truncate?: boolean;
}

/** A streamed answer: each frame is its own `res.write`. */
export interface StreamReply {
  kind: 'stream';
  status: number;
  headers: OutgoingHttpHeaders;
  frames: readonly Frame[];
  /** Close the socket after the last frame instead of ending the response (Gemini's `midstream` fault). */
  closeAfter?: boolean;
}

export type Reply = BodyReply | StreamReply;

export function jsonReply(status: number, value: unknown, headers: OutgoingHttpHeaders = {}): BodyReply {
  return {
    kind: 'body',
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof value === 'string' ? value : JSON.stringify(value),
  };
}

export const sseHeaders: Readonly<OutgoingHttpHeaders> = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
};
