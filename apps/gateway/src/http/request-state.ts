import type { ChatStreamBatch, Usage } from '@switchyard/core';
import type { RequestGate } from '../governance/request-gate.js';

/** What a model route learned while serving one request; the observe-request middleware logs and counts it. */
export interface RequestState {
  /** The model group that served the request; "" until the model resolved. */
  modelGroup: string;
  /** The provider of the last deployment tried; "" until one was tried. */
  provider: string;
  /** The id of the deployment that served (or last failed) the request; "" until one was tried. */
  deploymentId: string;
  /** The model id sent upstream by that deployment; "" until one was tried. */
  upstreamModel: string;
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
  /** Governance's checks and accounting for this request; undefined when governance is off. */
  gate: RequestGate | undefined;
  /** The batches a governed stream relayed, kept (not parsed) so a stream cut short is charged what it streamed. */
  streamedBatches: ChatStreamBatch[] | undefined;
}

export function createRequestState(startedAt: number): RequestState {
  return {
    modelGroup: '',
    provider: '',
    deploymentId: '',
    upstreamModel: '',
    attempts: 0,
    stream: false,
    timeToFirstTokenMs: undefined,
    usage: undefined,
    errorKind: undefined,
    clientClosed: false,
    startedAt,
    gate: undefined,
    streamedBatches: undefined,
  };
}
