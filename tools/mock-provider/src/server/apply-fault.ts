import type { WireFormat } from '../formats/wire-format.js';
import type { ErrorKind, ErrorSpec } from '../reply/mock-request-error.js';
import type { Reply } from '../reply/reply-types.js';
import type { FaultName, Scenario } from '../scenario/scenario.js';

type ErrorFault = Exclude<FaultName, 'hang' | 'reset' | 'midstream'>;

const faultKinds: Readonly<Record<ErrorFault, ErrorKind>> = {
  '429': 'rate_limit',
  '500': 'server_error',
  '503': 'unavailable',
  '529': 'overloaded',
  context_window: 'context_window',
  content_policy: 'content_policy',
  bad_request: 'bad_request',
  auth: 'auth',
};

/** The error a fault answers with, or undefined for the faults that act on the connection or the stream. */
export function faultErrorSpec(fault: FaultName, scenario: Scenario): ErrorSpec | undefined {
  if (fault === 'hang' || fault === 'reset' || fault === 'midstream') return undefined;
  const kind = faultKinds[fault];
  return scenario.retryAfter === undefined ? { kind } : { kind, retryAfter: scenario.retryAfter };
}

/** How many frames a `midstream` fault lets through before the error. */
const framesBeforeFailure = 3;

/**
 * The `midstream` fault: a few frames, then the format's in-band error (or a dropped connection). A non-stream
 * answer is cut in half and the connection dropped.
 */
export function withMidstreamFault(reply: Reply, format: WireFormat): Reply {
  if (reply.kind === 'body') return { ...reply, truncate: true };
  const kept = reply.frames.slice(0, Math.min(framesBeforeFailure, Math.max(1, reply.frames.length - 1)));
  const error = format.midstreamError();
  if (error === undefined) return { ...reply, frames: kept, closeAfter: true };
  return { ...reply, frames: [...kept, error] };
}
