import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { CapturedRequest, RecordedResponse, UpstreamBehaviour } from './conformance-types.js';

/** Decides how to answer one request; used instead of the queue when set. */
export type RecordedHandler = (request: CapturedRequest) => UpstreamBehaviour | Promise<UpstreamBehaviour>;

export interface RecordedServerOptions {
  /**
   * Sizes of the writes a string or byte body is cut into, used in turn. Odd sizes split SSE lines, JSON
   * tokens and multi-byte characters, so a provider's incremental parsing is exercised.
   */
  sliceSizes?: number[];
}

/** A node:http server on 127.0.0.1 that replays recorded upstream answers and records what it was sent. */
export interface RecordedServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  readonly origin: string;
  readonly port: number;
  /** The requests received since the last `clear()`, in arrival order. */
  readonly requests: readonly CapturedRequest[];
  /** Queues answers; each request takes the next one. With an empty queue a request gets a 500. */
  enqueue(...behaviours: UpstreamBehaviour[]): void;
  /** Answers every request through a handler instead of the queue (undefined restores the queue). */
  setHandler(handler: RecordedHandler | undefined): void;
  /** Resolves with the request at `index` (0-based since the last `clear()`) once it has arrived. */
  request(index: number): Promise<CapturedRequest>;
  /** Resolves once the connection that carried `request` has closed. */
  connectionClosed(request: CapturedRequest): Promise<void>;
  /** Forgets the captured requests, the queue and the handler. */
  clear(): void;
  /** Closes every connection, hanging ones included, and stops listening. */
  close(): Promise<void>;
}

const defaultSliceSizes = [1, 3, 7, 17, 41, 97, 211, 503];

/** Starts a recorded server on an ephemeral loopback port. */
export async function startRecordedServer(options: RecordedServerOptions = {}): Promise<RecordedServer> {
  const sliceSizes = options.sliceSizes ?? defaultSliceSizes;
  const state = new ServerState();
  const server = createServer((req, res) => {
    void state.accept(req, res, sliceSizes);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    get requests() {
      return state.requests;
    },
    enqueue: (...behaviours) => state.queue.push(...behaviours),
    setHandler: (handler) => {
      state.handler = handler;
    },
    request: (index) => state.waitForRequest(index),
    connectionClosed: (request) => state.closed.get(request) ?? Promise.reject(new Error('unknown request')),
    clear: () => state.clear(),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

class ServerState {
  requests: CapturedRequest[] = [];
  queue: UpstreamBehaviour[] = [];
  handler: RecordedHandler | undefined;
  readonly closed = new WeakMap<CapturedRequest, Promise<void>>();
  /** One close promise per socket: a kept-alive connection carries many requests but gets one listener. */
  readonly #socketClosed = new WeakMap<Socket, Promise<void>>();
  #waiters: Array<{ index: number; resolve: (request: CapturedRequest) => void }> = [];

  clear(): void {
    this.requests = [];
    this.queue = [];
    this.handler = undefined;
    this.#waiters = [];
  }

  waitForRequest(index: number): Promise<CapturedRequest> {
    const existing = this.requests[index];
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve) => this.#waiters.push({ index, resolve }));
  }

  #closeOf(socket: Socket): Promise<void> {
    let closed = this.#socketClosed.get(socket);
    if (!closed) {
      closed = socket.destroyed ? Promise.resolve() : new Promise<void>((resolve) => socket.once('close', () => resolve()));
      this.#socketClosed.set(socket, closed);
    }
    return closed;
  }

  async accept(req: IncomingMessage, res: ServerResponse, sliceSizes: number[]): Promise<void> {
    res.on('error', () => undefined);
    const closed = this.#closeOf(req.socket);
    const captured = await capture(req);
    this.closed.set(captured, closed);
    this.requests.push(captured);
    const index = this.requests.length - 1;
    for (const waiter of this.#waiters.filter((entry) => entry.index === index)) waiter.resolve(captured);
    this.#waiters = this.#waiters.filter((entry) => entry.index !== index);
    const behaviour = this.handler ? await this.handler(captured) : this.queue.shift();
    await perform(behaviour ?? missingResponse(captured), res, sliceSizes);
  }
}

async function capture(req: IncomingMessage): Promise<CapturedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  let json: unknown;
  try {
    json = body === '' ? undefined : JSON.parse(body);
  } catch {
    json = undefined;
  }
  return { method: req.method ?? 'GET', url: req.url ?? '/', headers: { ...req.headers }, body, json };
}

function missingResponse(request: CapturedRequest): RecordedResponse {
  const message = `recorded server: no response queued for ${request.method} ${request.url}`;
  return { status: 500, body: JSON.stringify({ error: { message, type: 'server_error', param: null, code: null } }) };
}

async function perform(behaviour: UpstreamBehaviour, res: ServerResponse, sliceSizes: number[]): Promise<void> {
  if ('hang' in behaviour) return;
  if ('reset' in behaviour) {
    res.socket?.destroy();
    return;
  }
  res.writeHead(behaviour.status ?? 200, { 'content-type': guessContentType(behaviour.body), ...behaviour.headers });
  res.flushHeaders();
  for (const part of bodyWrites(behaviour.body, sliceSizes)) {
    if (res.destroyed || !res.socket || res.socket.destroyed) return;
    res.write(part);
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (behaviour.after === 'hang') return;
  if (behaviour.after === 'reset') res.socket?.destroy();
  else res.end();
}

function bodyWrites(body: RecordedResponse['body'], sliceSizes: number[]): Uint8Array[] {
  if (Array.isArray(body)) return body.map((part) => (typeof part === 'string' ? Buffer.from(part) : part));
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const parts: Uint8Array[] = [];
  let offset = 0;
  for (let turn = 0; offset < bytes.length; turn++) {
    const size = Math.max(1, sliceSizes[turn % sliceSizes.length] ?? bytes.length);
    parts.push(bytes.subarray(offset, offset + size));
    offset += size;
  }
  return parts;
}

/** The content type a recorded body most likely had: JSON, server-sent events or bytes. */
export function guessContentType(body: RecordedResponse['body']): string {
  const first = Array.isArray(body) ? body[0] : body;
  const text = typeof first === 'string' ? first : Buffer.from(first ?? new Uint8Array()).subarray(0, 16).toString('utf8');
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'application/json';
  if (/^(data|event|id|:)/.test(start)) return 'text/event-stream';
  return 'application/octet-stream';
}
