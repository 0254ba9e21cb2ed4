/**
 * One call's abort signal: it aborts when the caller's signal does, or when `timeoutMs` passes without the call
 * making progress. A stream `pause`s the clock while its consumer holds an event and `restart`s it after, so
 * the timeout bounds the agent's silence, not the consumer's work.
 */
export class CallDeadline {
  readonly #controller = new AbortController();
  readonly #timeoutMs: number;
  readonly #callerSignal: AbortSignal | undefined;
  readonly #onCallerAbort = () => this.#controller.abort(this.#callerSignal?.reason);
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timedOut = false;

  constructor(timeoutMs: number, callerSignal?: AbortSignal) {
    this.#timeoutMs = timeoutMs;
    this.#callerSignal = callerSignal;
    if (callerSignal?.aborted) this.#controller.abort(callerSignal.reason);
    else callerSignal?.addEventListener('abort', this.#onCallerAbort, { once: true });
    this.restart();
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Whether the timeout (not the caller) ended the call. */
  get timedOut(): boolean {
    return this.#timedOut;
  }

  get callerAborted(): boolean {
    return this.#callerSignal?.aborted === true;
  }

  pause(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  restart(): void {
    this.pause();
    if (this.#controller.signal.aborted) return;
    this.#timer = setTimeout(() => {
      this.#timedOut = true;
      this.#controller.abort(new DOMException(`No answer within ${this.#timeoutMs} ms.`, 'TimeoutError'));
    }, this.#timeoutMs);
  }

  /** Ends the call early (a consumer that stopped reading a stream): the request to the agent is aborted. */
  abort(): void {
    this.#controller.abort(new DOMException('The call was ended by its consumer.', 'AbortError'));
  }

  dispose(): void {
    this.pause();
    this.#callerSignal?.removeEventListener('abort', this.#onCallerAbort);
  }
}
