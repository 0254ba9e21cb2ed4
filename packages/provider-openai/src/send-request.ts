import { SwitchyardError, type CallOptions, type UpstreamHeaders } from '@switchyard/core';
import { parseJsonBody, pickHeaders, sendJsonRequest, type HttpResponse } from '@switchyard/provider-kit';
import { errorFromAnswer } from './openai-error.js';
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
  return sendJsonRequest(
    {
      http: config.http,
      provider,
      url: call.url,
      headers: {
        'content-type': 'application/json',
        accept: call.stream ? 'text/event-stream' : 'application/json',
        ...config.headers,
        ...options.headers,
      },
      body: JSON.stringify(call.body),
      timeoutMs: config.timeoutMs,
      errorFromAnswer: (answer) => errorFromAnswer(provider, answer, config.apiKey),
      // The status alone still describes the failure when the error body is cut.
      lostErrorBody: 'status',
    },
    options,
  );
}

/** Parses an upstream JSON body, or throws `upstream_unavailable` when it is not the object it should be. */
export function parseUpstreamJson<T>(text: string, provider: string, required: string): T {
  const value = parseJsonBody(text, provider, () => {
    return new SwitchyardError('upstream_unavailable', `${provider} answered a body that is not valid JSON.`, { status: 502, provider });
  });
  if (typeof value !== 'object' || value === null || !Array.isArray((value as Record<string, unknown>)[required])) {
    throw new SwitchyardError('upstream_unavailable', `${provider} answered JSON without a "${required}" array.`, { status: 502, provider });
  }
  return value as T;
}

const forwardedHeaderPattern = /^(x-ratelimit-|retry-after|x-request-id$|openai-|apim-request-id$|x-ms-|x-groq-|cf-ray$)/;

/** The upstream response headers a caller may care about: rate limits, retry hints and request ids. */
export function pickUpstreamHeaders(headers: HttpResponse['headers']): UpstreamHeaders {
  return pickHeaders(headers, forwardedHeaderPattern);
}
