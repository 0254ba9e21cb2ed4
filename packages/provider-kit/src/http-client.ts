import { Agent, request, type Dispatcher } from 'undici';

export interface HttpRequest {
  url: string | URL;
  method?: 'GET' | 'POST' | 'DELETE' | 'PUT' | 'PATCH';
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  signal?: AbortSignal;
  /** Time allowed for the response headers, and then between body chunks, in milliseconds. */
  timeoutMs?: number;
}

export type HttpResponseBody = Dispatcher.ResponseData['body'];

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body as Node's readable: async-iterate it for bytes, or call `.text()` / `.json()` once. */
  body: HttpResponseBody;
}

export interface HttpClient {
  send(req: HttpRequest): Promise<HttpResponse>;
  close(): Promise<void>;
}

export interface HttpClientOptions {
  /** Connections kept per upstream origin. */
  connections?: number;
  keepAliveTimeoutMs?: number;
  /** A dispatcher to use instead of the client's own pooled agent (tests, proxies). */
  dispatcher?: Dispatcher;
}

const defaultTimeoutMs = 600_000;

/**
 * An HTTP client on undici's pooled `request` with keep-alive. WHATWG fetch is avoided on purpose: on Node 20
 * it costs about five times the CPU per request (docs/decisions/0002-undici-request-on-the-hot-path.md).
 */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const dispatcher =
    options.dispatcher ??
    new Agent({
      connections: options.connections ?? 256,
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 60_000,
      keepAliveMaxTimeout: 600_000,
    });
  return {
    async send(req) {
      const timeout = req.timeoutMs ?? defaultTimeoutMs;
      const response = await request(req.url, {
        method: req.method ?? (req.body === undefined ? 'GET' : 'POST'),
        headers: req.headers ?? {},
        body: req.body ?? null,
        signal: req.signal ?? null,
        dispatcher,
        headersTimeout: timeout,
        bodyTimeout: timeout,
      });
      return { status: response.statusCode, headers: response.headers, body: response.body };
    },
    close: () => dispatcher.close(),
  };
}

/** How long the rest of a body is drained after its stream ended in-band before the connection is given up. */
const drainAfterEndMs = 5_000;

function ignore(): void {}

/**
 * Lets go of a response body the caller stopped reading (iterate it with `body.iterator({ destroyOnReturn: false })`
 * so that stopping does not destroy it). After an in-band end (`[DONE]`) the upstream is about to close the body:
 * what is left is read and dropped, so the connection goes back to the pool and no AbortError is built; a body still
 * open 5 s later is destroyed. Otherwise (a failure, a consumer that stopped early) the body is destroyed now.
 */
export function releaseBody(body: HttpResponseBody, endedInBand: boolean): void {
  if (body.readableEnded || body.destroyed) return;
  // Nothing reads the body any more: an error it emits from here on (the abort itself) has no one to go to.
  body.on('error', ignore);
  if (!endedInBand) {
    body.destroy();
    return;
  }
  const timer = setTimeout(() => body.destroy(), drainAfterEndMs);
  timer.unref();
  body.once('close', () => clearTimeout(timer));
  body.resume();
}

let sharedClient: HttpClient | undefined;

/** The process-wide client providers use unless given one. */
export function getDefaultHttpClient(): HttpClient {
  sharedClient ??= createHttpClient();
  return sharedClient;
}
