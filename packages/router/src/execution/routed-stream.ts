import { partsOfBatches, toSwitchyardError, type ChatStream, type ChatStreamBatch, type ChatStreamPart, type UpstreamHeaders } from '@switchyard/core';
import type { CallTracker } from './call-tracker.js';

/**
 * A provider's stream after its first batch arrived (so failures before it could still fall back). Iterating it
 * replays that batch, then the rest; the call settles when the stream ends, fails or is abandoned. A failure after
 * the first batch throws a SwitchyardError from the iterator: the caller ends the stream with an in-band error.
 * The stream itself iterates batches (`batches()` returns it, one async step per upstream read); iterating it as an
 * async iterable yields the parts.
 */
export class RoutedChatStream implements ChatStream, AsyncIterator<ChatStreamBatch> {
  readonly upstreamHeaders?: UpstreamHeaders;
  #first: IteratorResult<ChatStreamBatch> | undefined;
  #tokens = 0;

  constructor(
    source: ChatStream,
    private readonly iterator: AsyncIterator<ChatStreamBatch>,
    first: IteratorResult<ChatStreamBatch>,
    private readonly tracker: CallTracker,
    private readonly countTokens: boolean,
    private readonly signal: AbortSignal | undefined,
    /** Counted against tpm when the stream reports no usage (the prompt estimate). */
    tokensWithoutUsage: number,
  ) {
    if (source.upstreamHeaders !== undefined) this.upstreamHeaders = source.upstreamHeaders;
    this.#tokens = tokensWithoutUsage;
    this.#first = first;
    this.#observe(first);
    // A caller that goes away without iterating to the end must not leave the call counted as in flight.
    if (!tracker.settled) signal?.addEventListener('abort', this.#onAbort, { once: true });
  }

  [Symbol.asyncIterator](): AsyncIterator<ChatStreamPart> {
    return partsOfBatches(this);
  }

  batches(): AsyncIterator<ChatStreamBatch> {
    return this;
  }

  async next(): Promise<IteratorResult<ChatStreamBatch>> {
    const first = this.#first;
    if (first !== undefined) {
      this.#first = undefined;
      return first;
    }
    if (this.tracker.settled) return { done: true, value: undefined };
    let result: IteratorResult<ChatStreamBatch>;
    try {
      result = await this.iterator.next();
    } catch (thrown) {
      const error = toSwitchyardError(thrown);
      this.#detach();
      if (this.signal?.aborted) this.tracker.abandon();
      else await this.tracker.fail(error);
      throw error;
    }
    this.#observe(result);
    return result;
  }

  async return(): Promise<IteratorResult<ChatStreamBatch>> {
    this.#first = undefined;
    if (!this.tracker.settled) {
      this.#detach();
      this.tracker.succeed(this.#tokens);
      await this.iterator.return?.();
    }
    return { done: true, value: undefined };
  }

  readonly #onAbort = (): void => {
    if (this.tracker.settled) return;
    this.tracker.abandon();
    this.iterator.return?.().catch(() => undefined);
  };

  #detach(): void {
    this.signal?.removeEventListener('abort', this.#onAbort);
  }

  #observe(result: IteratorResult<ChatStreamBatch>): void {
    if (result.done === true) {
      this.#detach();
      this.tracker.succeed(this.#tokens);
      return;
    }
    if (this.countTokens) {
      const usage = result.value.usage;
      if (usage !== undefined) this.#tokens = usage.total_tokens;
    }
  }
}
