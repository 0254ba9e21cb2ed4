import type { GoogleMethod } from './google-transport.js';

/** Strips trailing slashes from a base URL. */
export function trimBase(url: string): string {
  return url.replace(/\/+$/, '');
}

/** The `:method` suffix of a model URL; streaming asks for server-sent events. */
export function methodSuffix(method: GoogleMethod): string {
  return method === 'streamGenerateContent' ? `:${method}?alt=sse` : `:${method}`;
}
