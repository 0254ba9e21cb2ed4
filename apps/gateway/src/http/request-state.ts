import type { Usage } from '@switchyard/core';

/** What a model route learned while serving one request; the observe-request middleware logs and counts it. */
export interface RequestState {
  /** The model group that served the request; "" until the model resolved. */
  modelGroup: string;
  /** The provider of the last deployment tried; "" until one was tried. */
  provider: string;
  /** Upstream attempts made (retries included). */
  attempts: number;
  stream: boolean;
  /** Milliseconds from the request to the first streamed chunk. */
  timeToFirstTokenMs: number | undefined;
  usage: Usage | undefined;
  /** The error kind the request ended with, if any (before or during a stream). */
  errorKind: string | undefined;
  /** The client went away before the answer was complete. */
  clientClosed: boolean;
  /** performance.now() when the request arrived. */
  startedAt: number;
}

export function createRequestState(startedAt: number): RequestState {
  return {
    modelGroup: '',
    provider: '',
    attempts: 0,
    stream: false,
    timeToFirstTokenMs: undefined,
    usage: undefined,
    errorKind: undefined,
    clientClosed: false,
    startedAt,
  };
}
