import type { CallOptions, SwitchyardError } from '@switchyard/core';
import type { HttpClient, HttpResponse } from './http-client.js';
import { readBodyText, transportError } from './upstream-error.js';

/** An upstream answer with an error status: its status, headers and the first 64 KiB of its body. */
export interface ErrorAnswer {
  status: number;
  headers: HttpResponse['headers'];
  bodyText: string;
}

export interface JsonRequest {
  http: HttpClient;
  /** The provider id that transport errors carry. */
  provider: string;
  url: string | URL;
  /** Every request header, the content type included: the provider decides the order of precedence, and signs. */
  headers: Record<string, string>;
  /** The JSON body, serialised (a signed request needs the exact bytes). */
  body: string;
  /** The provider's default per-attempt timeout; the call's `timeoutMs` wins. */
  timeoutMs: number | undefined;
  /** The provider's SwitchyardError for an error answer. */
  errorFromAnswer: (answer: ErrorAnswer) => SwitchyardError;
  /**
   * A connection lost while the error body is read: `transport` (the default) throws the transport error,
   * `status` builds the error from the status and headers with an empty body.
   */
  lostErrorBody?: 'transport' | 'status';
}

/**
 * POSTs a JSON request and resolves with the response once the upstream answered a success status (2xx). A
 * transport failure rejects with `timeout` or `upstream_unavailable`; an error status with the provider's error,
 * built from the answer's status, headers and body text.
 */
export async function sendJsonRequest(request: JsonRequest, options: CallOptions = {}): Promise<HttpResponse> {
  const timeoutMs = options.timeoutMs ?? request.timeoutMs;
  let response: HttpResponse;
  try {
    response = await request.http.send({
      url: request.url,
      method: 'POST',
      headers: request.headers,
      body: request.body,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
    });
  } catch (error) {
    throw transportError(error, request.provider);
  }
  if (response.status >= 200 && response.status < 300) return response;
  let bodyText = '';
  try {
    bodyText = await readBodyText(response.body);
  } catch (error) {
    if (request.lostErrorBody !== 'status') throw transportError(error, request.provider);
  }
  throw request.errorFromAnswer({ status: response.status, headers: response.headers, bodyText });
}
