import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient, releaseBody, type HttpClient } from './http-client.js';

interface StreamServer {
  url: string;
  connections: () => number;
  /** Ends the pending answers (they stay open after `[DONE]` until this is called). */
  endAll: () => void;
  server: Server;
}

/** `endAtOnce`: the answer ends right after `[DONE]`; otherwise it stays open until `endAll`. */
async function startStreamServer(endAtOnce = false): Promise<StreamServer> {
  let connections = 0;
  const open: Array<() => void> = [];
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write('data: {"a":1}\n\ndata: [DONE]\n\n');
    if (endAtOnce) response.end();
    else open.push(() => response.end());
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    connections: () => connections,
    endAll: () => open.splice(0).forEach((end) => end()),
    server,
  };
}

async function readFirstChunk(client: HttpClient, url: string) {
  const response = await client.send({ url, method: 'POST', body: '{}' });
  for await (const chunk of response.body.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
    expect(chunk.toString()).toContain('[DONE]');
    break;
  }
  return response.body;
}

describe('releaseBody', () => {
  let cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const step of cleanup.reverse()) await step();
    cleanup = [];
  });

  async function setUp(endAtOnce = false): Promise<{ stream: StreamServer; client: HttpClient }> {
    const stream = await startStreamServer(endAtOnce);
    // One connection per origin: a second request reuses the first socket only if the first body kept it.
    const client = createHttpClient({ connections: 1 });
    cleanup.push(() => new Promise((resolve) => stream.server.close(() => resolve())), () => client.close());
    cleanup.push(async () => stream.server.closeAllConnections());
    return { stream, client };
  }

  it('drains a body that ended in-band, so its connection serves the next request', async () => {
    const { stream, client } = await setUp();
    const body = await readFirstChunk(client, stream.url);
    releaseBody(body, true);
    expect(body.destroyed).toBe(false);
    const closed = new Promise((resolve) => body.once('close', resolve));
    stream.endAll();
    await closed;
    const second = await readFirstChunk(client, stream.url);
    releaseBody(second, true);
    stream.endAll();
    expect(stream.connections()).toBe(1);
  });

  it('destroys a body the caller gave up on, without an unhandled error', async () => {
    const { stream, client } = await setUp(true);
    const body = await readFirstChunk(client, stream.url);
    const closed = new Promise((resolve) => body.once('close', resolve));
    releaseBody(body, false);
    expect(body.destroyed).toBe(true);
    await closed;
  });
});

describe('createHttpClient', () => {
  it('sends to the path and query of the URL, a URL object too, and refuses other protocols', async () => {
    const seen: string[] = [];
    const server = createServer((request, response) => {
      seen.push(`${request.method} ${request.url}`);
      response.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const client = createHttpClient();
    try {
      for (const url of [`${base}/v1/chat/completions?api-version=1`, `${base}/v1/chat/completions?api-version=1`, new URL(`${base}/a b`)]) {
        const response = await client.send({ url, body: '{}' });
        expect(await response.body.text()).toBe('ok');
      }
      expect(seen).toEqual(['POST /v1/chat/completions?api-version=1', 'POST /v1/chat/completions?api-version=1', 'POST /a%20b']);
      await expect(client.send({ url: 'ftp://127.0.0.1/x' })).rejects.toMatchObject({ code: 'UND_ERR_INVALID_ARG' });
    } finally {
      await client.close();
      server.close();
    }
  });
});
