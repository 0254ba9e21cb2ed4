import type { ChatCompletionChunk } from '@switchyard/core';
import type { RoutedStream, RoutingOutcome } from '@switchyard/router';

/**
 * What `create({ stream: true })` resolves to, like the OpenAI client's Stream: iterate it once for the chunks;
 * `controller.abort()` stops the upstream call and ends the iteration quietly (as the OpenAI client does). A failure
 * after the first chunk throws a SwitchyardError.
 */
export class ChatCompletionStream implements AsyncIterable<ChatCompletionChunk> {
  /** Which deployment serves the stream, after how many attempts and fallbacks. */
  readonly routing: RoutingOutcome;

  constructor(
    private readonly routed: RoutedStream,
    readonly controller: AbortController,
  ) {
    const { stream: _stream, ...routing } = routed;
    this.routing = routing;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<ChatCompletionChunk> {
    for await (const part of this.routed.stream) yield part.chunk;
  }
}
