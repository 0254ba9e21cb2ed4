import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

function statusFor(code: string | undefined): number {
  if (code === 'HPE_HEADER_OVERFLOW') return 431;
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  return 400;
}

function messageFor(status: number): string {
  if (status === 431) return 'Request headers are too large.';
  if (status === 408) return 'The request was not received in time.';
  return 'The request is not valid HTTP.';
}

/**
 * Answers a request Node could not parse (header flood, malformed HTTP, request timeout) with an OpenAI-shaped
 * error and closes that connection; the server keeps serving everyone else.
 */
export function handleClientError(error: Error & { code?: string }, socket: Duplex): void {
  // A socket with a response under way cannot take a raw error answer without corrupting it.
  const busy = ((socket as Duplex & { _httpMessage?: unknown })._httpMessage ?? null) !== null;
  if (error.code === 'ECONNRESET' || !socket.writable || busy) {
    socket.destroy();
    return;
  }
  const status = statusFor(error.code);
  const body = JSON.stringify({
    error: { message: messageFor(status), type: 'invalid_request_error', param: null, code: status === 431 ? 'headers_too_large' : 'bad_http_request' },
  });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
