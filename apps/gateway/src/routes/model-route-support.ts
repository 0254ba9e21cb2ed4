import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { SwitchyardError, type UpstreamHeaders } from '@switchyard/core';
import { assertJsonContentType, readJsonBody } from '../http/read-json-body.js';
import type { Deployment } from '../models/deployment.js';
import type { ModelTable, ResolvedModel } from '../models/model-table.js';
import type { RetryPolicy } from '../routing/call-with-retries.js';

/** What the model routes share: the model table, the retry policy and the body limit. */
export interface ModelRouteDeps {
  models: ModelTable;
  retry: RetryPolicy;
  maxRequestBytes: number;
}

/** Reads the JSON body of a model request (content-type, size limit, UTF-8 and JSON checked). */
export function readModelRequest(incoming: IncomingMessage, maxRequestBytes: number): Promise<unknown> {
  assertJsonContentType(incoming.headers['content-type']);
  return readJsonBody(incoming, maxRequestBytes);
}

/** Aborts the upstream call when the client goes away before its answer was complete. */
export function abortOnClientClose(outgoing: ServerResponse): AbortController {
  const controller = new AbortController();
  outgoing.once('close', () => {
    if (!outgoing.writableFinished) controller.abort();
  });
  return controller;
}

export function resolveModel(models: ModelTable, model: string): ResolvedModel {
  const resolved = models.resolve(model);
  if (resolved) return resolved;
  const shown = model.length > 200 ? `${model.slice(0, 200)}...` : model;
  throw new SwitchyardError('not_found', `The model "${shown}" does not exist on this gateway. GET /v1/models lists the models it serves.`, {
    param: 'model',
  });
}

const printable = /^[\x20-\x7e]*$/;

function headerValue(value: string): string {
  return printable.test(value) ? value : encodeURIComponent(value);
}

/** Headers every model answer carries: which group and provider served it, plus the upstream's rate-limit state. */
export function modelResponseHeaders(deployment: Deployment | undefined, modelGroup: string, upstream?: UpstreamHeaders): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = { 'x-switchyard-model-group': headerValue(modelGroup) };
  if (deployment) headers['x-switchyard-provider'] = deployment.providerId;
  if (upstream) {
    for (const name in upstream) {
      // Only rate-limit state is forwarded; hop-by-hop and framing headers never are.
      if (name.startsWith('x-ratelimit-')) {
        const value = upstream[name];
        if (value !== undefined) headers[name] = value;
      }
    }
  }
  return headers;
}
