import {
  partsOfBatches,
  streamBatchOfParts,
  streamPartFromJson,
  SwitchyardError,
  type CallOptions,
  type ChatCompletionRequest,
  type ChatStream,
  type ChatStreamBatch,
  type ChatStreamPart,
} from '@switchyard/core';
import { releaseBody, SseFrameSplitter, transportError, type HttpResponseBody, type SseEvent } from '@switchyard/provider-kit';
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

type ChunkRewriter = ReturnType<typeof createChunkRewriter>;

function partOf(config: ResolvedOpenAIConfig, rewrite: ChunkRewriter, event: SseEvent): EventOutcome {
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

interface EventsOutcome {
  parts: ChatStreamPart[];
  done: boolean;
  /** An event failed (an in-band error): the parts before it still go out first. */
  failure?: unknown;
}

/** The parts of parsed events (an `SseFrameSplitter` read that was not plain frames), up to `[DONE]`. */
function partsOfEvents(config: ResolvedOpenAIConfig, rewrite: ChunkRewriter, events: readonly SseEvent[]): EventsOutcome {
  const parts: ChatStreamPart[] = [];
  for (const event of events) {
    let outcome: EventOutcome;
    try {
      outcome = partOf(config, rewrite, event);
    } catch (failure) {
      return { parts, done: false, failure };
    }
    if (outcome === streamEnd) return { parts, done: true };
    if (outcome !== undefined) parts.push(outcome);
  }
  return { parts, done: false };
}

/** Hands over what parsed events became; returns whether the stream ended. Throws an event's failure after its parts. */
function* batchOfEvents(outcome: EventsOutcome): Generator<ChatStreamBatch, boolean> {
  if (outcome.parts.length > 0) yield streamBatchOfParts(outcome.parts);
  if ('failure' in outcome) throw outcome.failure;
  return outcome.done;
}

/**
 * The batches of a stream body, one per upstream read that completed an event. Plain `data: {…}` frames pass
 * through as the upstream's bytes (`sseFramesBatch`); a read holding anything else (an in-band error, comments, a
 * preset whose chunks are rewritten) is parsed event by event. Stops at `[DONE]` and then drains the body instead of
 * destroying it (no AbortError, the connection is kept).
 */
async function* streamBatches(config: ResolvedOpenAIConfig, body: HttpResponseBody): AsyncGenerator<ChatStreamBatch> {
  const rewrite = createChunkRewriter(config.preset.quirks);
  // A preset whose chunks are rewritten parses every event; otherwise only a read that may hold an in-band error.
  const splitter = new SseFrameSplitter({ parseAll: rewrite !== undefined });
  let ended = false;
  try {
    for await (const chunk of body.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      const read = splitter.push(chunk);
      if (!Array.isArray(read)) {
        if (read.batch !== undefined) yield read.batch;
        if (read.done) {
          ended = true;
          return;
        }
        continue;
      }
      if (yield* batchOfEvents(partsOfEvents(config, rewrite, read))) {
        ended = true;
        return;
      }
    }
    yield* batchOfEvents(partsOfEvents(config, rewrite, splitter.end()));
  } catch (error) {
    throw transportError(error, config.preset.id);
  } finally {
    releaseBody(body, ended);
  }
}

/**
 * A streamed chat call: resolves once the upstream answered 200. `batches` hands over each read's frames as the
 * upstream sent them, so the gateway forwards them without re-serialising; the parts iterator yields each event's
 * JSON text (`streamPartFromJson`). Stops at `[DONE]`.
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
    batches: () => streamBatches(config, response.body),
    [Symbol.asyncIterator]: () => partsOfBatches(streamBatches(config, response.body)),
  };
}
