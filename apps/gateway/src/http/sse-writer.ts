import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { OpenAIErrorBody } from '@switchyard/core';

/** Starts an SSE answer: headers go out at once so the client sees the stream open. */
export function startEventStream(outgoing: ServerResponse, headers: OutgoingHttpHeaders): void {
  outgoing.writeHead(200, {
    ...headers,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    'x-accel-buffering': 'no',
  });
  outgoing.flushHeaders();
}

/**
 * Writes one `data:` event. Resolves at once unless the socket's buffer is full, then once it drained (or the
 * client went away), so a slow client applies back-pressure to the upstream read.
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
