import { SwitchyardError, type CallOptions } from '@switchyard/core';
import { readBodyText, transportError, type HttpClient, type HttpResponse } from '@switchyard/provider-kit';
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
  const timeoutMs = options.timeoutMs ?? config.timeoutMs;
  let response: HttpResponse;
  try {
    response = await config.http.send({
      url: endpoint.url(model, method),
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
    });
  } catch (error) {
    throw transportError(error, endpoint.provider);
  }
  if (response.status >= 200 && response.status < 300) return response;
  let bodyText = '';
  try {
    bodyText = await readBodyText(response.body);
  } catch {
    // the status alone still describes the failure
  }
  throw googleUpstreamError({
    provider: endpoint.provider,
    status: response.status,
    headers: response.headers,
    bodyText,
    secrets: endpoint.secrets(),
  });
}

/** Reads a whole success body and parses it once; a body that is not JSON is an upstream failure. */
export async function readGoogleJson(response: HttpResponse, provider: string): Promise<unknown> {
  let text: string;
  try {
    text = await response.body.text();
  } catch (error) {
    throw transportError(error, provider);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SwitchyardError('upstream_unavailable', `${provider} answered with a body that is not JSON`, { status: 502, provider });
  }
}
