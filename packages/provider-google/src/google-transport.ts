import { SwitchyardError, type CallOptions, type UpstreamHeaders } from '@switchyard/core';
import { pickHeaders, sendJsonRequest, type HttpClient, type HttpResponse } from '@switchyard/provider-kit';
import type { GoogleMediaPolicy } from './convert-google-media.js';
import { googleUpstreamError } from './google-error.js';

/** The API methods this package calls on a model. */
export type GoogleMethod = 'generateContent' | 'streamGenerateContent' | 'embedContent' | 'batchEmbedContents' | 'predict';

/** Where and how one Google API is called: Gemini's API key or Vertex's OAuth token. */
export interface GoogleEndpoint {
  /** The provider id: "gemini" or "vertex_ai". */
  readonly provider: string;
  /** Which API this is: the Gemini API or Vertex AI (their embedding methods differ). */
  readonly api: 'gemini' | 'vertex';
  /** The URL of `method` on `model` (streamGenerateContent already carries `?alt=sse`). */
  url(model: string, method: GoogleMethod): string;
  /** The authentication headers for one request. */
  authHeaders(signal: AbortSignal | undefined): Promise<Record<string, string>>;
  /** Values that must never appear in errors. */
  secrets(): readonly string[];
}

export interface GoogleCallConfig {
  endpoint: GoogleEndpoint;
  http: HttpClient;
  /** Headers from the settings, sent on every request. */
  headers: Record<string, string>;
  timeoutMs: number | undefined;
  dropParams: boolean;
  media: GoogleMediaPolicy;
}

const modelPattern = /^(?:(?:models|tunedModels)\/)?[A-Za-z0-9][\w.@:-]*$/;

/** Checks a model id before it becomes part of a URL path. */
export function assertModelId(model: string): void {
  if (!modelPattern.test(model)) {
    throw new SwitchyardError('bad_request', `"${model.slice(0, 80)}" is not a valid Google model id`, { param: 'model' });
  }
}

const forwardedHeader = /^(retry-after|x-request-id|x-ratelimit-.*|x-gemini-.*|x-goog-.*)$/;

/**
 * The response headers a caller may care about (retry hints, request ids, Gemini's service tier), never the
 * framing, cookie and caching headers of the HTTP exchange itself.
 */
export function pickGoogleHeaders(headers: HttpResponse['headers']): UpstreamHeaders {
  return pickHeaders(headers, forwardedHeader);
}

/** POSTs a JSON body to a Google endpoint; any non-2xx answer is thrown as a SwitchyardError. */
export async function postGoogle(
  config: GoogleCallConfig,
  model: string,
  method: GoogleMethod,
  body: unknown,
  options: CallOptions = {},
): Promise<HttpResponse> {
  const { endpoint } = config;
  assertModelId(model);
  const headers = {
    ...config.headers,
    ...options.headers,
    'content-type': 'application/json',
    ...(await endpoint.authHeaders(options.signal)),
  };
  return sendJsonRequest(
    {
      http: config.http,
      provider: endpoint.provider,
      url: endpoint.url(model, method),
      headers,
      body: JSON.stringify(body),
      timeoutMs: config.timeoutMs,
      errorFromAnswer: (answer) => googleUpstreamError({ provider: endpoint.provider, ...answer, secrets: endpoint.secrets() }),
      // The status alone still describes the failure when the error body is cut.
      lostErrorBody: 'status',
    },
    options,
  );
}
