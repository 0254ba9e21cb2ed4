import { SwitchyardError, type CallOptions, type UpstreamHeaders } from '@switchyard/core';
import { headerValue, joinUrl, pickHeaders, sendJsonRequest, type ErrorAnswer, type HttpClient, type HttpResponse } from '@switchyard/provider-kit';
import type { BedrockConnection } from './bedrock-credentials.js';
import { bedrockError, parseBedrockErrorBody } from './bedrock-error.js';
import type { ImageFetchPolicy, UrlFetcher } from './bedrock-media.js';
import { signRequest } from './bedrock-sigv4.js';

/** Everything a configured Bedrock provider needs to make calls. */
export interface BedrockContext {
  connection: BedrockConnection;
  httpClient: HttpClient;
  /** Extra headers for every upstream request (settings.headers). */
  headers: Record<string, string> | undefined;
  timeoutMs: number | undefined;
  dropParams: boolean;
  imagePolicy: ImageFetchPolicy;
  fetcher: UrlFetcher;
}

export const providerId = 'bedrock';

/** Headers a caller may not set: the transport computes them, and they are signed. */
const reservedHeader = /^(authorization|host|content-type|content-length|accept|x-amz-.*)$/i;

function extraHeaders(...sources: Array<Record<string, string> | undefined>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const source of sources) {
    for (const [name, value] of Object.entries(source ?? {})) {
      if (!reservedHeader.test(name)) headers[name.toLowerCase()] = value;
    }
  }
  return headers;
}

async function authorizedHeaders(context: BedrockContext, url: URL, body: string, headers: Record<string, string>): Promise<Record<string, string>> {
  const auth = context.connection.auth;
  if (SwitchyardError.isInstance(auth)) throw auth;
  if (auth.type === 'bearer') return { ...headers, authorization: `Bearer ${auth.token}` };
  return signRequest({
    method: 'POST',
    url,
    headers,
    body,
    credentials: auth.credentials,
    region: context.connection.region,
    service: 'bedrock',
  });
}

/** The response headers worth handing to a caller: AWS request ids, Bedrock's token counts and latency. */
export function pickUpstreamHeaders(headers: HttpResponse['headers']): UpstreamHeaders {
  return pickHeaders(headers, (name) => name.startsWith('x-amzn-') || name === 'retry-after');
}

function errorFromAnswer(context: BedrockContext, answer: ErrorAnswer): SwitchyardError {
  const parsed = parseBedrockErrorBody(answer.bodyText);
  return bedrockError({
    status: answer.status,
    errorType: headerValue(answer.headers, 'x-amzn-errortype') ?? parsed.errorType,
    message: parsed.message,
    headers: answer.headers,
    secrets: context.connection.secrets,
  });
}

/**
 * POSTs a JSON body to a Bedrock runtime path, authenticated with SigV4 or the API key, through the pooled
 * HttpClient. Resolves with the response once Bedrock accepted the request (2xx); any other status becomes the
 * matching SwitchyardError, and transport failures (refused, reset, timed out, aborted) theirs.
 */
export async function postToBedrock(
  context: BedrockContext,
  path: string,
  body: string,
  accept: string,
  options: CallOptions = {},
): Promise<HttpResponse> {
  const url = new URL(joinUrl(context.connection.endpoint, path));
  const headers = { ...extraHeaders(context.headers, options.headers), 'content-type': 'application/json', accept };
  return sendJsonRequest(
    {
      http: context.httpClient,
      provider: providerId,
      url,
      headers: await authorizedHeaders(context, url, body, headers),
      body,
      timeoutMs: context.timeoutMs,
      errorFromAnswer: (answer) => errorFromAnswer(context, answer),
    },
    options,
  );
}
