import { apiErrorFrom } from './api-error';

export type QueryValue = string | number | boolean | undefined | null;

export interface ApiClient {
  get<T>(path: string, query?: Record<string, QueryValue>): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  delete<T>(path: string): Promise<T>;
  /** The raw response of a POST, for streams; errors are thrown as ApiError like the others. */
  stream(path: string, body: unknown, signal?: AbortSignal): Promise<Response>;
}

/** `?a=1&b=x` from the defined, non-empty values only. */
export function queryString(query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(name, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/**
 * A client for the gateway's management API on the same origin, sending the signed-in key as a bearer token.
 * `onUnauthorized` runs on every 401 (the console then signs out).
 */
export function createApiClient(key: string, onUnauthorized: () => void = () => {}, baseUrl = ''): ApiClient {
  async function send(method: string, path: string, body: unknown, signal?: AbortSignal): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${key}`, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const init: RequestInit = { method, headers };
    if (body !== undefined) init.body = JSON.stringify(body);
    if (signal !== undefined) init.signal = signal;
    const response = await fetch(`${baseUrl}${path}`, init);
    if (response.ok) return response;
    const error = apiErrorFrom(response.status, await response.text());
    if (error.isUnauthorized) onUnauthorized();
    throw error;
  }
  async function json<T>(response: Response): Promise<T> {
    const text = await response.text();
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }
  return {
    get: async (path, query) => json(await send('GET', `${path}${queryString(query)}`, undefined)),
    post: async (path, body) => json(await send('POST', path, body ?? {})),
    delete: async (path) => json(await send('DELETE', path, undefined)),
    stream: (path, body, signal) => send('POST', path, body, signal),
  };
}
