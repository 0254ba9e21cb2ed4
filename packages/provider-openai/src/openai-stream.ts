import { SwitchyardError, streamPartFromJson, type CallOptions, type ChatCompletionRequest, type ChatStream, type ChatStreamPart } from '@switchyard/core';
import { parseSseStream, transportError, type HttpResponseBody } from '@switchyard/provider-kit';
import { prepareForCall } from './openai-chat.js';
import { inBandStreamError } from './openai-error.js';
import type { ResolvedOpenAIConfig } from './openai-settings.js';
import { createChunkRewriter } from './response-quirks.js';
import { pickUpstreamHeaders, sendRequest } from './send-request.js';
import { upstreamURL } from './upstream-url.js';

/** A chat stream that also says which parameters `dropParams` removed. */
export interface OpenAIChatStream extends ChatStream {
  readonly droppedParams: readonly string[];
}

function malformed(provider: string): SwitchyardError {
  return new SwitchyardError('upstream_unavailable', `${provider} sent a stream event that is not a JSON object.`, { status: 502, provider });
}

async function* streamParts(config: ResolvedOpenAIConfig, body: HttpResponseBody): AsyncGenerator<ChatStreamPart> {
  const provider = config.preset.id;
  const rewrite = createChunkRewriter(config.preset.quirks);
  try {
    for await (const event of parseSseStream(body)) {
      const data = event.data;
      if (data === '[DONE]') return;
      if (data === '') continue;
      if (event.event === 'error' || data.includes('"error"')) {
        const error = inBandStreamError(data, provider, config.apiKey);
        if (error) throw error;
        if (event.event === 'error') throw malformed(provider);
      }
      if (data.charCodeAt(0) !== 0x7b) throw malformed(provider);
      try {
        yield rewrite ? rewrite(data) : streamPartFromJson(data);
      } catch (error) {
        if (error instanceof SyntaxError) throw malformed(provider);
        throw error;
      }
    }
  } catch (error) {
    throw transportError(error, provider);
  }
}

/**
 * A streamed chat call: resolves once the upstream answered 200, then yields each event's JSON text as the
 * upstream sent it (`streamPartFromJson`), so the gateway forwards it without re-serialising. Stops at `[DONE]`.
 */
export async function openAIStreamChat(
  config: ResolvedOpenAIConfig,
  request: ChatCompletionRequest,
  options: CallOptions = {},
): Promise<OpenAIChatStream> {
  const prepared = prepareForCall(config, request, true);
  const url = upstreamURL(config, 'chat/completions', request.model);
  const response = await sendRequest(config, { url, body: prepared.body, stream: true }, options);
  return {
    upstreamHeaders: pickUpstreamHeaders(response.headers),
    droppedParams: prepared.dropped,
    [Symbol.asyncIterator]: () => streamParts(config, response.body),
  };
}
