import { Agent, errors, type Dispatcher } from 'undici';

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

interface Target {
  origin: string;
  path: string;
}

/** Parsed request URLs: a provider sends to a handful of URLs, and parsing one costs more than the lookup. */
const targets = new Map<string, Target>();
const maxTargets = 1024;

/** The origin and path undici's `request(url)` would derive from a URL, parsed once per URL string. */
function targetOf(url: string | URL): Target {
  const cached = typeof url === 'string' ? targets.get(url) : undefined;
  if (cached) return cached;
  const parsed = typeof url === 'string' ? new URL(url) : url;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new errors.InvalidArgumentError('Invalid URL protocol: the URL must start with `http:` or `https:`.');
  }
  const target = { origin: parsed.origin, path: parsed.search ? `${parsed.pathname}${parsed.search}` : parsed.pathname };
  if (typeof url === 'string') {
    if (targets.size >= maxTargets) targets.clear();
    targets.set(url, target);
  }
  return target;
}

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
      const { origin, path } = targetOf(req.url);
      const response = await dispatcher.request({
        origin,
        path,
        method: req.method ?? (req.body === undefined ? 'GET' : 'POST'),
        headers: req.headers ?? {},
        body: req.body ?? null,
        signal: req.signal ?? null,
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
