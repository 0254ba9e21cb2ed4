import type { IncomingMessage } from 'node:http';

/**
 * Reads a request body up to `limit` bytes; `undefined` when it is larger. A body declared larger is not read at
 * all; one that turns out larger is drained (up to four times the limit, then the connection goes) so the caller
 * can still read the refusal.
 */
export async function readRequestBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (size > limit * 4) return undefined;
    if (size <= limit) chunks.push(buffer);
  }
  return size > limit ? undefined : Buffer.concat(chunks);
}
