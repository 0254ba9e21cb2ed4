import { SseParser, type HttpResponse, type SseEvent } from '@switchyard/provider-kit';
import type { ForwardContext } from './forward-context.js';
import { inspectJsonRpcResponse } from './call-report.js';

function frame(event: SseEvent): string {
  const lines = event.event === undefined ? [] : [`event: ${event.event}`];
  for (const line of event.data.split('\n')) lines.push(`data: ${line}`);
  return `${lines.join('\n')}\n\n`;
}

function inspect(context: ForwardContext, data: string): void {
  try {
    context.recorder.note(inspectJsonRpcResponse(JSON.parse(data)));
  } catch {
    // Not JSON: relayed as it is, nothing to note.
  }
}

/** Writes, and waits for the caller to take the bytes when its buffer is full (or for it to go away). */
async function write(context: ForwardContext, text: string): Promise<void> {
  const { res } = context;
  if (res.write(text) || res.destroyed) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/**
 * Relays an agent's SSE answer event by event, each written (and flushed) as soon as it is complete. Returns
 * when the agent's stream ended; throws what the agent's stream failed with.
 */
export async function relaySse(context: ForwardContext, upstream: HttpResponse): Promise<void> {
  const { res, recorder } = context;
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    'x-accel-buffering': 'no',
  });
  res.flushHeaders();
  const parser = new SseParser();
  const relay = async (events: SseEvent[]) => {
    for (const event of events) {
      recorder.events += 1;
      inspect(context, event.data);
      await write(context, frame(event));
    }
  };
  for await (const chunk of upstream.body) {
    if (res.destroyed) return;
    await relay(parser.push(chunk as Uint8Array));
  }
  await relay(parser.end());
}
