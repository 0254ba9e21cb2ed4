import { SwitchyardError, type CallOptions, type UpstreamHeaders } from '@switchyard/core';
import { pickHeaders, sendJsonRequest, type HttpResponse } from '@switchyard/provider-kit';
import type { AnthropicRequestBody } from './anthropic-api.js';
import type { AnthropicConfig } from './anthropic-config.js';
import { anthropicErrorFromResponse } from './anthropic-error.js';

export function malformedResponse(provider: string, detail: string, cause?: unknown): SwitchyardError {
  return new SwitchyardError('upstream_unavailable', `Anthropic sent a malformed response: ${detail}.`, {
    status: 502,
    provider,
    ...(cause === undefined ? {} : { cause }),
  });
}

function lowerCaseKeys(headers: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) result[name.toLowerCase()] = value;
  return result;
}

function mergeBetas(...lists: Array<string | readonly string[] | undefined>): string | undefined {
  const betas = new Set<string>();
  for (const list of lists) {
    const entries = typeof list === 'string' ? list.split(',') : (list ?? []);
    for (const entry of entries) if (entry.trim() !== '') betas.add(entry.trim());
  }
  return betas.size > 0 ? [...betas].join(',') : undefined;
}

/** The request headers: version, configured and per-call headers, the API key, and every beta the request needs. */
export function anthropicHeaders(config: AnthropicConfig, betas: readonly string[], options: CallOptions, stream: boolean) {
  const configured = lowerCaseKeys(config.headers);
  const perCall = lowerCaseKeys(options.headers);
  const headers: Record<string, string> = {
    'anthropic-version': config.version,
    ...configured,
    ...perCall,
    'content-type': 'application/json',
    accept: stream ? 'text/event-stream' : 'application/json',
  };
  if (config.apiKey) headers['x-api-key'] = config.apiKey;
  else if (!headers['x-api-key'] && !headers.authorization) {
    throw new SwitchyardError('authentication', 'The Anthropic API key is missing. Pass apiKey or set the ANTHROPIC_API_KEY environment variable.', {
      provider: config.provider,
    });
  }
  const beta = mergeBetas(configured['anthropic-beta'], perCall['anthropic-beta'], betas);
  if (beta) headers['anthropic-beta'] = beta;
  else delete headers['anthropic-beta'];
  return headers;
}

const forwardedHeader = /^(request-id|retry-after|anthropic-ratelimit-.*|anthropic-organization-id)$/;

/** The response headers a caller may care about: the request id, retry-after and the rate-limit state. */
export function upstreamHeadersOf(headers: HttpResponse['headers']): UpstreamHeaders {
  return pickHeaders(headers, forwardedHeader);
}

/**
 * Posts a request to the Messages API. Resolves with the response once the upstream accepted it (2xx); an error
 * status or a transport failure rejects with the matching SwitchyardError.
 */
export async function sendAnthropicRequest(
  config: AnthropicConfig,
  prepared: { body: AnthropicRequestBody; betas: readonly string[] },
  options: CallOptions,
): Promise<HttpResponse> {
  const stream = prepared.body.stream === true;
  return sendJsonRequest(
    {
      http: config.httpClient,
      provider: config.provider,
      url: config.messagesUrl,
      headers: anthropicHeaders(config, prepared.betas, options, stream),
      body: JSON.stringify(prepared.body),
      timeoutMs: config.timeoutMs,
      errorFromAnswer: (answer) => anthropicErrorFromResponse(config.provider, answer.status, answer.headers, answer.bodyText),
    },
    options,
  );
}
