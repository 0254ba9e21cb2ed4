import { SwitchyardError, streamPartFromJson, type CallOptions, type ChatCompletionRequest, type ChatStream, type ChatStreamPart } from '@switchyard/core';
import { releaseBody, SseParser, transportError, type HttpResponseBody, type SseEvent } from '@switchyard/provider-kit';
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

/** What one SSE event becomes: a part, nothing (an empty event), or the end of the stream (`[DONE]`). */
type EventOutcome = ChatStreamPart | undefined | typeof streamEnd;
const streamEnd = Symbol('[DONE]');

function partOf(config: ResolvedOpenAIConfig, rewrite: ReturnType<typeof createChunkRewriter>, event: SseEvent): EventOutcome {
  const provider = config.preset.id;
  const data = event.data;
  if (data === '[DONE]') return streamEnd;
  if (data === '') return undefined;
  if (event.event === 'error' || data.includes('"error"')) {
    const error = inBandStreamError(data, provider, config.apiKey);
    if (error) throw error;
    if (event.event === 'error') throw malformed(provider);
  }
  if (data.charCodeAt(0) !== 0x7b) throw malformed(provider);
  try {
    return rewrite ? rewrite(data) : streamPartFromJson(data);
  } catch (error) {
    if (error instanceof SyntaxError) throw malformed(provider);
    throw error;
  }
}

/**
 * The parts of a stream body: one generator over the body's chunks, each chunk's events parsed in one go. It stops
 * at `[DONE]` and then drains the body instead of destroying it (no AbortError, the connection is kept).
 */
async function* streamParts(config: ResolvedOpenAIConfig, body: HttpResponseBody): AsyncGenerator<ChatStreamPart> {
  const rewrite = createChunkRewriter(config.preset.quirks);
  const parser = new SseParser();
  let ended = false;
  try {
    for await (const chunk of body.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      for (const event of parser.push(chunk)) {
        const outcome = partOf(config, rewrite, event);
        if (outcome === streamEnd) {
          ended = true;
          return;
        }
        if (outcome !== undefined) yield outcome;
      }
    }
    for (const event of parser.end()) {
      const outcome = partOf(config, rewrite, event);
      if (outcome === streamEnd) return;
      if (outcome !== undefined) yield outcome;
    }
  } catch (error) {
    throw transportError(error, config.preset.id);
  } finally {
    releaseBody(body, ended);
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
