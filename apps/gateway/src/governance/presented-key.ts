import type { IncomingHttpHeaders } from 'node:http';

/** The key a client presented: `Authorization: Bearer`, or the `x-api-key` / `api-key` headers other SDKs use. */
export function presentedKey(headers: IncomingHttpHeaders): string | undefined {
  const authorization = headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(.+)$/i.exec(authorization);
    return match ? match[1]!.trim() : undefined;
  }
  const apiKey = headers['x-api-key'] ?? headers['api-key'];
  return typeof apiKey === 'string' ? apiKey.trim() : undefined;
}
