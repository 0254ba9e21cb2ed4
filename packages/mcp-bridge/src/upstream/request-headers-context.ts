import { AsyncLocalStorage } from 'node:async_hooks';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';

/**
 * Per-request upstream headers. One upstream session is shared by every caller, so headers that belong to one
 * request (`extra_headers`, `x-mcp-<server>-*`) ride in async context to the fetch of that request only.
 */
const requestHeaders = new AsyncLocalStorage<Readonly<Record<string, string>>>();

export function withRequestHeaders<T>(headers: Readonly<Record<string, string>>, run: () => Promise<T>): Promise<T> {
  return Object.keys(headers).length === 0 ? requestHeaders.exit(run) : requestHeaders.run(headers, run);
}

/** Runs outside any request's context (connecting, which also opens the long-lived GET stream). */
export function withoutRequestHeaders<T>(run: () => Promise<T>): Promise<T> {
  return requestHeaders.exit(run);
}

/** A fetch that adds the current request's headers on top of what the transport sends. */
export function createContextualFetch(base: FetchLike = fetch): FetchLike {
  return (url, init) => {
    const extra = requestHeaders.getStore();
    if (!extra) return base(url, init);
    const headers = new Headers(init?.headers);
    for (const [name, value] of Object.entries(extra)) headers.set(name, value);
    return base(url, { ...init, headers });
  };
}
