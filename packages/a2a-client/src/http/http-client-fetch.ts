import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { HttpClient, HttpRequest } from '@switchyard/provider-kit';
import { agentRequestHeaders } from './agent-headers.js';

type Method = NonNullable<HttpRequest['method']>;
const methods = new Set<string>(['GET', 'POST', 'DELETE', 'PUT', 'PATCH']);

function headerRecord(init: ConstructorParameters<typeof Headers>[0]): Record<string, string> {
  const record: Record<string, string> = {};
  new Headers(init).forEach((value, name) => {
    record[name] = value;
  });
  return record;
}

function requestBody(body: RequestInit['body']): string | Uint8Array | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  throw new TypeError('Only string and byte bodies are supported.');
}

function responseHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

const nullBodyStatuses = new Set([101, 204, 205, 304]);

/**
 * A `fetch` for the SDK's transports that goes through provider-kit's pooled undici client, adding the agent's
 * configured headers to every request. Only what the SDK sends is supported: string bodies and plain methods.
 */
export function createHttpClientFetch(http: HttpClient, agentHeaders: Readonly<Record<string, string>>): typeof fetch {
  return async (input, init = {}) => {
    const url = input instanceof Request ? input.url : String(input);
    const method = (init.method ?? 'GET').toUpperCase();
    if (!methods.has(method)) throw new TypeError(`Unsupported method ${method}.`);
    const body = requestBody(init.body);
    const response = await http.send({
      url,
      method: method as Method,
      headers: agentRequestHeaders(agentHeaders, headerRecord(init.headers)),
      ...(body === undefined ? {} : { body }),
      ...(init.signal ? { signal: init.signal } : {}),
      // The client's own deadline (CallDeadline) times every call; undici's timeouts would only cut it shorter.
      timeoutMs: 0,
    });
    const stream = nullBodyStatuses.has(response.status)
      ? null
      : (Readable.toWeb(response.body) as NodeReadableStream<Uint8Array> as unknown as ReadableStream<Uint8Array>);
    if (stream === null) response.body.resume();
    return new Response(stream, { status: response.status, headers: responseHeaders(response.headers) });
  };
}
