import type { ChatCompletion } from '../chat/chat-completion.js';
import type { ChatCompletionChunk } from '../chat/chat-completion-chunk.js';
import type { Usage } from '../chat/usage.js';
import type { EmbeddingResponse } from '../embeddings/embedding-response.js';

/** Headers an upstream answered with that a caller may care about (rate limits, request ids). */
export type UpstreamHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** A non-streaming chat answer. */
export interface ChatResult {
  /** The canonical completion. */
  readonly completion: ChatCompletion;
  /**
   * The JSON body to send to an OpenAI client. For a pass-through provider these are the upstream's bytes,
   * untouched; otherwise the serialised `completion`.
   */
  readonly body: string | Uint8Array;
  readonly usage: Usage | undefined;
  readonly upstreamHeaders?: UpstreamHeaders;
}

/**
 * One streamed chunk. Pass-through providers hand over the upstream's JSON text and parse it only when
 * `chunk` is read; translating providers build the chunk and serialise it only when `json` is read.
 */
export interface ChatStreamPart {
  readonly json: string;
  readonly chunk: ChatCompletionChunk;
  /** The usage this chunk carries, if any (the final chunk when usage was asked for). */
  readonly usage: Usage | undefined;
}

/**
 * The consecutive parts one upstream read completed, with their wire form. A pass-through provider keeps the
 * upstream's bytes and parses nothing it is not asked for; `parts` are built on first read.
 */
export interface ChatStreamBatch {
  /** The batch's parts, in order (at least one). */
  readonly parts: readonly ChatStreamPart[];
  /** The usage the batch carries (the usage chunk's), if any. */
  readonly usage: Usage | undefined;
  /**
   * The parts as an OpenAI client receives them: `data: <json>\n\n` each, nothing else (no `[DONE]`). With
   * `omitUsageOnly`, a chunk that carries usage and no choices is left out (the usage chunk a gateway asked the
   * upstream for on behalf of a client that did not ask). May be empty.
   */
  sse(omitUsageOnly: boolean): string | Uint8Array;
}

/**
 * A streaming chat answer. The promise that yields it resolves once the upstream accepted the request, so a
 * failure before the first byte rejects it (and can fall back); a failure later throws from the iterator.
 * `batches`, when a provider has it, is the same stream one upstream read at a time (iterate one or the other).
 */
export interface ChatStream extends AsyncIterable<ChatStreamPart> {
  readonly upstreamHeaders?: UpstreamHeaders;
  batches?(): AsyncIterator<ChatStreamBatch>;
}

export interface EmbeddingResult {
  readonly response: EmbeddingResponse;
  /** The JSON body to send to an OpenAI client (upstream bytes for a pass-through provider). */
  readonly body: string | Uint8Array;
  readonly upstreamHeaders?: UpstreamHeaders;
}
