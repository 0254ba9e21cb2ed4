import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlowUpstream {
  /** `http://127.0.0.1:PORT/v1`, for a deployment's api_base. */
  baseUrl: string;
  /** Streams whose connection closed before the upstream finished them (the gateway aborted them). */
  readonly abortedStreams: number;
  readonly startedStreams: number;
  close(): Promise<void>;
}

const chunk = (content: string): string =>
  `data: ${JSON.stringify({ id: 'chatcmpl-slow', object: 'chat.completion.chunk', created: 1_700_000_000, model: 'slow', choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;

/**
 * An OpenAI-compatible upstream that streams one chunk every `intervalMs` for a long time and notes when the
 * client side of a stream goes away early: the upstream's view of a gateway abort.
 */
export async function startSlowUpstream(intervalMs = 50, chunks = 400): Promise<SlowUpstream> {
  let abortedStreams = 0;
  let startedStreams = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      startedStreams++;
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      let sent = 0;
      const timer = setInterval(() => {
        res.write(chunk(`token${sent} `));
        if (++sent === chunks) {
          clearInterval(timer);
          res.end('data: [DONE]\n\n');
        }
      }, intervalMs);
      res.on('close', () => {
        clearInterval(timer);
        if (!res.writableFinished) abortedStreams++;
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    get abortedStreams() {
      return abortedStreams;
    },
    get startedStreams() {
      return startedStreams;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
