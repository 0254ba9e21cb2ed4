import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { UpstreamHeaders } from '@switchyard/core';
import { RoutingError, type RoutingOutcome } from '@switchyard/router';
import type { RequestState } from '../http/request-state.js';
import { sendError } from '../http/send-error.js';
import { modelResponseHeaders } from './model-route-support.js';

export interface UpstreamAnswer<T> {
  value: T;
  /** The headers the answer carries (x-switchyard-*, upstream rate-limit state). */
  headers: OutgoingHttpHeaders;
}

/**
 * Runs one routed call (the router retries, falls back and cools deployments down), recording the deployment's
 * group, provider and the attempts on the request state. On failure it answers the client with the error, its
 * retry-after, `x-should-retry: false` once the router made more than one call, and the routing headers, and
 * resolves undefined.
 */
export async function callUpstream<T extends RoutingOutcome>(
  outgoing: ServerResponse,
  state: RequestState,
  route: () => Promise<T>,
  upstreamHeadersOf: (routed: T) => UpstreamHeaders | undefined,
): Promise<UpstreamAnswer<T> | undefined> {
  try {
    const routed = await route();
    state.attempts = routed.attempts;
    state.provider = routed.deployment.provider;
    state.modelGroup = routed.deployment.modelGroup;
    state.deploymentId = routed.deployment.id;
    state.upstreamModel = routed.deployment.model;
    return { value: routed, headers: modelResponseHeaders(routed, upstreamHeadersOf(routed)) };
  } catch (error) {
    if (!(error instanceof RoutingError)) throw error;
    state.attempts = error.attempts;
    const last = error.history.at(-1);
    if (last !== undefined) Object.assign(state, { provider: last.provider, deploymentId: last.deployment, upstreamModel: last.model });
    state.errorKind = error.kind;
    sendError(outgoing, error, { retried: error.attempts > 1, headers: modelResponseHeaders(error) });
    return undefined;
  }
}
