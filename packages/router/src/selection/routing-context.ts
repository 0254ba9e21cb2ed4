import type { ErrorKind } from '@switchyard/core';

/** Why no deployment of a group could take the request. */
export interface SelectionFailure {
  kind: ErrorKind;
  message: string;
  retryAfterMs: number | undefined;
}

export interface RoutingContextInit {
  stream: boolean;
  tags: readonly string[] | undefined;
  allowedRegion: string | undefined;
  /** Estimates the prompt's tokens; called at most once, and only when a check needs it. */
  estimateTokens: () => number;
}

/** One request's routing inputs and progress, carried across its attempts and fallbacks. */
export class RoutingContext {
  readonly stream: boolean;
  readonly tags: readonly string[] | undefined;
  readonly allowedRegion: string | undefined;
  /** Slots this request has called, in order. */
  readonly tried: number[] = [];
  /** Slots that lost a race for their last unit of rpm or parallelism during the current pick. */
  readonly blocked: number[] = [];
  failure: SelectionFailure | undefined;
  readonly #estimateTokens: () => number;
  #tokens = -1;

  constructor(init: RoutingContextInit) {
    this.stream = init.stream;
    this.tags = init.tags;
    this.allowedRegion = init.allowedRegion;
    this.#estimateTokens = init.estimateTokens;
  }

  promptTokens(): number {
    if (this.#tokens < 0) this.#tokens = this.#estimateTokens();
    return this.#tokens;
  }
}
