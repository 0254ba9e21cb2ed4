import type { IncomingMessage } from 'node:http';
import { SwitchyardError } from '@switchyard/core';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes a client may send past the limit before the connection is dropped instead of drained. */
const maxDrainBytes = 64 * 1024 * 1024;

function tooLarge(limitBytes: number): SwitchyardError {
  const mib = Math.round((limitBytes / (1024 * 1024)) * 100) / 100;
  return new SwitchyardError('payload_too_large', `Request body is larger than the ${mib} MiB limit (general_settings.max_request_size_mb).`);
}

/** Checks the content-type is JSON; a missing one is read as JSON too (curl with --data-binary sends none). */
export function assertJsonContentType(contentType: string | undefined): void {
  if (contentType === undefined || contentType === '') return;
  const semicolon = contentType.indexOf(';');
  const mediaType = (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
  if (mediaType === 'application/json' || mediaType.endsWith('+json')) return;
  throw new SwitchyardError('bad_request', `Unsupported content-type "${mediaType}": send the body as JSON with "Content-Type: application/json".`, {
    status: 415,
    code: 'unsupported_media_type',
  });
}

/**
 * Drops what is left of a body the gateway refused: the response goes out and the rest is read and discarded
 * (so the client can read the answer and keep its connection), up to a cap past which the socket is destroyed.
 */
export function discardRest(incoming: IncomingMessage): void {
  let discarded = 0;
  incoming.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > maxDrainBytes) incoming.socket.destroy();
  });
  incoming.resume();
}

/** Deeper JSON than any real request needs; past it, serialising the request upstream could overflow the stack. */
export const maxJsonDepth = 128;

/** Whether a parsed value nests deeper than `limit` (visits each node once, recursion bounded by the limit). */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (limit === 0) return true;
  if (Array.isArray(value)) {
    for (const item of value) if (nestsDeeperThan(item, limit - 1)) return true;
    return false;
  }
  for (const key in value) if (nestsDeeperThan((value as Record<string, unknown>)[key], limit - 1)) return true;
  return false;
}

function decodeJson(buffer: Buffer): unknown {
  let text: string;
  try {
    text = utf8.decode(buffer);
  } catch {
    throw new SwitchyardError('bad_request', 'Request body is not valid UTF-8.', { code: 'invalid_encoding' });
  }
  if (text.length === 0) throw new SwitchyardError('bad_request', 'Request body is empty: send a JSON object.', { code: 'invalid_json' });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? ` (${error.message})` : '';
    throw new SwitchyardError('bad_request', `Request body is not valid JSON${detail}.`, { code: 'invalid_json' });
  }
  if (nestsDeeperThan(value, maxJsonDepth)) {
    throw new SwitchyardError('bad_request', `Request body nests deeper than ${maxJsonDepth} levels.`, { code: 'invalid_json' });
  }
  return value;
}

/**
 * Reads a JSON body straight from the Node request, counting bytes as they arrive and stopping at the limit.
 * Rejects with a SwitchyardError: 413 over the limit, 400 for invalid UTF-8, empty or malformed JSON.
 */
export function readJsonBody(incoming: IncomingMessage, limitBytes: number): Promise<unknown> {
  const declared = Number(incoming.headers['content-length']);
  if (declared > limitBytes) {
    discardRest(incoming);
    return Promise.reject(tooLarge(limitBytes));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = (): void => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
      incoming.off('aborted', onAborted);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limitBytes) {
        cleanup();
        discardRest(incoming);
        reject(tooLarge(limitBytes));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      try {
        resolve(decodeJson(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)));
      } catch (error) {
        reject(error);
      }
    };
    const onError = (): void => {
      cleanup();
      reject(new SwitchyardError('bad_request', 'The request body could not be read.', { code: 'body_read_error' }));
    };
    const onAborted = onError;
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onError);
    incoming.on('aborted', onAborted);
  });
}
