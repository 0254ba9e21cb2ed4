import {
  SwitchyardError,
  streamPartFromChunk,
  type CallOptions,
  type ChatCompletionRequest,
  type ChatStream,
  type ChatStreamPart,
} from '@switchyard/core';
import { parseSseStream, transportError, type HttpResponse } from '@switchyard/provider-kit';
import { googleGenerateContentResponseSchema } from './google-api.js';
import { buildGoogleRequest } from './google-request.js';
import { GoogleStreamTranslator } from './google-stream-translator.js';
import { assertModelId, pickGoogleHeaders, postGoogle, type GoogleCallConfig } from './google-transport.js';

function malformedEvent(provider: string, what: string): SwitchyardError {
  return new SwitchyardError('upstream_unavailable', `${provider} sent a stream event that ${what}`, { status: 502, provider });
}

function parseEvent(data: string, provider: string) {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    throw malformedEvent(provider, 'is not JSON');
  }
  const parsed = googleGenerateContentResponseSchema.safeParse(json);
  if (!parsed.success) throw malformedEvent(provider, 'is not a GenerateContentResponse');
  return parsed.data;
}

async function* translate(response: HttpResponse, translator: GoogleStreamTranslator, provider: string): AsyncGenerator<ChatStreamPart> {
  try {
    for await (const event of parseSseStream(response.body)) {
      const data = event.data.trim();
      if (data === '' || data === '[DONE]') continue;
      for (const chunk of translator.push(parseEvent(data, provider))) yield streamPartFromChunk(chunk);
    }
    for (const chunk of translator.finish()) yield streamPartFromChunk(chunk);
  } catch (error) {
    throw transportError(error, provider);
  } finally {
    // Releases the connection when the consumer stops early or the stream failed.
    if (!response.body.destroyed) response.body.destroy();
  }
}

/**
 * Streams a chat completion through `:streamGenerateContent?alt=sse`. The promise settles once Google answered
 * the request: an error status rejects it, and failures after that throw from the iterator.
 */
export async function googleStreamChat(config: GoogleCallConfig, request: ChatCompletionRequest, options: CallOptions = {}): Promise<ChatStream> {
  // Checked before the body is built, which may fetch media.
  assertModelId(request.model);
  const body = await buildGoogleRequest(request, {
    model: request.model,
    dropParams: config.dropParams,
    policy: config.media,
    signal: options.signal,
  });
  const provider = config.endpoint.provider;
  const response = await postGoogle(config, request.model, 'streamGenerateContent', body, options);
  const translator = new GoogleStreamTranslator({
    provider,
    model: request.model,
    includeUsage: request.stream_options?.include_usage === true,
    secrets: config.endpoint.secrets(),
  });
  const parts = translate(response, translator, provider);
  return { upstreamHeaders: pickGoogleHeaders(response.headers), [Symbol.asyncIterator]: () => parts };
}
