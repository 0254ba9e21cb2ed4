import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/**
 * Writes a complete JSON response in one go. `body` is sent as given: pass-through upstream bytes are never
 * parsed or re-serialised here.
 */
export function sendJson(outgoing: ServerResponse, status: number, body: string | Uint8Array, headers?: OutgoingHttpHeaders): void {
  if (outgoing.headersSent || outgoing.destroyed) return;
  const length = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
  outgoing.writeHead(status, { ...headers, 'content-type': 'application/json', 'content-length': length });
  outgoing.end(body);
}
