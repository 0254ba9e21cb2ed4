import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { UpstreamHeaders } from '@switchyard/core';
import type { RequestState } from '../http/request-state.js';
import { sendError } from '../http/send-error.js';
import type { Deployment } from '../models/deployment.js';
import type { ResolvedModel } from '../models/model-table.js';
import { callWithRetries } from '../routing/call-with-retries.js';
import { modelResponseHeaders, type ModelRouteDeps } from './model-route-support.js';

export interface UpstreamAnswer<T> {
  value: T;
  /** The headers the answer carries (model group, provider, upstream rate-limit state). */
  headers: OutgoingHttpHeaders;
}

/**
 * Calls the model group through the retry loop, recording provider and attempts on the request state. On failure
 * it answers the client with the error (x-should-retry: false once the gateway retried) and resolves undefined.
 */
export async function callUpstream<T extends { readonly upstreamHeaders?: UpstreamHeaders }>(
  deps: ModelRouteDeps,
  outgoing: ServerResponse,
  state: RequestState,
  target: { resolved: ResolvedModel; signal: AbortSignal },
  invoke: (deployment: Deployment) => Promise<T>,
): Promise<UpstreamAnswer<T> | undefined> {
  const { resolved, signal } = target;
  const result = await callWithRetries<T>(resolved.group, deps.retry, signal, (deployment) => {
    state.provider = deployment.providerId;
    return invoke(deployment);
  });
  state.attempts = result.attempts;
  const headers = modelResponseHeaders(result.deployment, resolved.group.name, result.ok ? result.value.upstreamHeaders : undefined);
  if (result.ok) return { value: result.value, headers };
  state.errorKind = result.error.kind;
  sendError(outgoing, result.error, { retried: result.attempts > 1, headers });
  return undefined;
}
