import type { ServerResponse } from 'node:http';
import type { BodyReply, Frame, Reply, StreamReply } from './reply-types.js';

export interface ReplyTiming {
  /** Delay before the first byte (status line included). */
  firstTokenMs: number;
  /** Delay between two stream frames. */
  chunkMs: number;
}

const noDelay: ReplyTiming = { firstTokenMs: 0, chunkMs: 0 };

/** Writes a reply, applying the delays. Pending timers are dropped when the response closes early. */
export function sendReply(res: ServerResponse, reply: Reply, timing: ReplyTiming = noDelay): void {
  let timer: NodeJS.Timeout | undefined;
  const later = (delay: number, action: () => void): void => {
    if (delay === 0) {
      action();
      return;
    }
    timer = setTimeout(() => {
      timer = undefined;
      if (!res.destroyed) action();
    }, delay);
  };
  if (timing.firstTokenMs > 0 || timing.chunkMs > 0) res.once('close', () => clearTimeout(timer));
  if (reply.kind === 'body') {
    later(timing.firstTokenMs, () => writeBody(res, reply));
    return;
  }
  later(timing.firstTokenMs, () => {
    res.writeHead(reply.status, reply.headers);
    writeFrames(res, reply, 0, timing.chunkMs, later);
  });
}

function writeBody(res: ServerResponse, reply: BodyReply): void {
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body) : reply.body;
  res.writeHead(reply.status, { ...reply.headers, 'content-length': body.byteLength });
  if (reply.truncate === true) {
    res.write(body.subarray(0, Math.floor(body.byteLength / 2)), () => res.destroy());
    return;
  }
  res.end(body);
}

function writeFrames(
  res: ServerResponse,
  reply: StreamReply,
  start: number,
  chunkMs: number,
  later: (delay: number, action: () => void) => void,
): void {
  const frames = reply.frames;
  const end = chunkMs === 0 ? frames.length : Math.min(start + 1, frames.length);
  for (let index = start; index < end; index++) {
    if (index === frames.length - 1) {
      finish(res, reply, frames[index] as Frame);
      return;
    }
    res.write(frames[index] as Frame);
  }
  if (end >= frames.length) finish(res, reply, undefined);
  else later(chunkMs, () => writeFrames(res, reply, end, chunkMs, later));
}

function finish(res: ServerResponse, reply: StreamReply, last: Frame | undefined): void {
  if (reply.closeAfter !== true) {
    res.end(last);
    return;
  }
  // Close only once the last frame is flushed, so the client reads every frame before the connection drops.
  if (last === undefined) res.destroy();
  else res.write(last, () => res.destroy());
}
