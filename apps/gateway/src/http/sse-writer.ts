import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { OpenAIErrorBody } from '@switchyard/core';

/** Headers wait this long for the first event to travel with it before they are sent on their own. */
const headerFlushDelayMs = 50;

function flushHeadersIfIdle(outgoing: ServerResponse): void {
  if (!outgoing.headersSent && !outgoing.destroyed) outgoing.flushHeaders();
}

/**
 * Starts an SSE answer. It is called once the upstream accepted the stream, so the first event usually follows at
 * once and the headers go out with it (one write instead of two); a slow first token (a reasoning model) still
 * shows the client an open stream after 50 ms. Returns the timer to clear when the stream ends.
 */
export function startEventStream(outgoing: ServerResponse, headers: OutgoingHttpHeaders): NodeJS.Timeout {
  outgoing.writeHead(200, {
    ...headers,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    'x-accel-buffering': 'no',
  });
  return setTimeout(flushHeadersIfIdle, headerFlushDelayMs, outgoing);
}

/**
 * Writes one `data:` event at once, as its own write: nothing is held back or batched. Resolves at once unless the
 * socket's buffer is full, then once it drained (or the client went away), so a slow client applies back-pressure
 * to the upstream read.
 */
export function writeEvent(outgoing: ServerResponse, data: string): Promise<void> | undefined {
  if (outgoing.write(`data: ${data}\n\n`)) return undefined;
  if (outgoing.destroyed) return undefined;
  return new Promise((resolve) => {
    const done = (): void => {
      outgoing.off('drain', done);
      outgoing.off('close', done);
      resolve();
    };
    outgoing.on('drain', done);
    outgoing.on('close', done);
  });
}

/** Ends a stream normally: the `[DONE]` sentinel OpenAI's clients expect. */
export function endEventStream(outgoing: ServerResponse): void {
  if (!outgoing.writableEnded) outgoing.end('data: [DONE]\n\n');
}

/** Ends a stream that failed after it started: an in-band error event and no `[DONE]` (the SDKs raise APIError). */
export function failEventStream(outgoing: ServerResponse, error: OpenAIErrorBody): void {
  if (!outgoing.writableEnded) outgoing.end(`data: ${JSON.stringify(error)}\n\n`);
}
