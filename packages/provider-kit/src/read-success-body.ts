import type { HttpResponse } from './http-client.js';
import { transportError } from './upstream-error.js';

/** Reads a whole success body as bytes; a connection lost on the way is `upstream_unavailable` (or `timeout`). */
export async function readSuccessBytes(response: HttpResponse, provider: string): Promise<Buffer> {
  try {
    return Buffer.from(await response.body.arrayBuffer());
  } catch (error) {
    throw transportError(error, provider);
  }
}

/** Reads a whole success body as UTF-8 text; a connection lost on the way is `upstream_unavailable` (or `timeout`). */
export async function readSuccessText(response: HttpResponse, provider: string): Promise<string> {
  try {
    return await response.body.text();
  } catch (error) {
    throw transportError(error, provider);
  }
}
