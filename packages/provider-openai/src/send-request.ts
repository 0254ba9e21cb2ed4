import { SwitchyardError, type CallOptions, type UpstreamHeaders } from '@switchyard/core';
import { transportError, type HttpResponse } from '@switchyard/provider-kit';
import { errorFromResponse } from './openai-error.js';
import type { ResolvedOpenAIConfig } from './openai-settings.js';

export interface UpstreamCall {
  url: string;
  body: Record<string, unknown>;
  stream: boolean;
}

/**
 * Sends a JSON request and resolves once the upstream answered with a success status; an error status is read
 * and thrown as a SwitchyardError, a transport failure as `timeout` or `upstream_unavailable`.
 */
export async function sendRequest(config: ResolvedOpenAIConfig, call: UpstreamCall, options: CallOptions = {}): Promise<HttpResponse> {
  const provider = config.preset.id;
  const timeoutMs = options.timeoutMs ?? config.timeoutMs;
  let response: HttpResponse;
  try {
    response = await config.http.send({
      url: call.url,
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: call.stream ? 'text/event-stream' : 'application/json',
        ...config.headers,
        ...options.headers,
      },
      body: JSON.stringify(call.body),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
    });
  } catch (error) {
    throw transportError(error, provider);
  }
  if (response.status >= 200 && response.status < 300) return response;
  throw await errorFromResponse(provider, response, config.apiKey);
}

/** Reads a whole success body as bytes; a connection lost on the way is `upstream_unavailable` (or `timeout`). */
export async function readBodyBytes(response: HttpResponse, provider: string): Promise<Buffer> {
  try {
    return Buffer.from(await response.body.arrayBuffer());
  } catch (error) {
    throw transportError(error, provider);
  }
}

/** Parses an upstream JSON body, or throws `upstream_unavailable` when it is not the object it should be. */
export function parseUpstreamJson<T>(text: string, provider: string, required: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SwitchyardError('upstream_unavailable', `${provider} answered a body that is not valid JSON.`, { status: 502, provider });
  }
  if (typeof value !== 'object' || value === null || !Array.isArray((value as Record<string, unknown>)[required])) {
    throw new SwitchyardError('upstream_unavailable', `${provider} answered JSON without a "${required}" array.`, { status: 502, provider });
  }
  return value as T;
}

const forwardedHeaderPattern = /^(x-ratelimit-|retry-after|x-request-id$|openai-|apim-request-id$|x-ms-|x-groq-|cf-ray$)/;

/** The upstream response headers a caller may care about: rate limits, retry hints and request ids. */
export function pickUpstreamHeaders(headers: HttpResponse['headers']): UpstreamHeaders {
  const picked: Record<string, string | string[] | undefined> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (forwardedHeaderPattern.test(name)) picked[name] = value;
  }
  return picked;
}
