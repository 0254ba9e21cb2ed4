import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { SwitchyardError, type UpstreamHeaders } from '@switchyard/core';
import { routingHeaders, type Router, type RoutingError, type RoutingOutcome } from '@switchyard/router';
import { assertJsonContentType, readJsonBody } from '../http/read-json-body.js';
import type { GatewayServices } from '../services/service-routes.js';

/** What the model routes share: the router and the body limit (and MCP, for chat requests with MCP tools). */
export interface ModelRouteDeps {
  router: Router;
  maxRequestBytes: number;
  mcp?: GatewayServices | undefined;
}

/** Reads the JSON body of a model request (content-type, size limit, UTF-8 and JSON checked). */
export function readModelRequest(incoming: IncomingMessage, maxRequestBytes: number): Promise<unknown> {
  assertJsonContentType(incoming.headers['content-type']);
  return readJsonBody(incoming, maxRequestBytes);
}

/**
 * One controller per client connection, reused by its requests: building an AbortSignal costs Node 20 several µs,
 * and it is only ever aborted when the connection dies (a response closes unfinished only then), after which no
 * request of that connection is left to reuse it. Everything that listens to it removes its listener when done.
 */
const connectionControllers = new WeakMap<Socket, AbortController>();

function controllerFor(socket: Socket | null): AbortController {
  if (socket === null) return new AbortController();
  let controller = connectionControllers.get(socket);
  if (controller === undefined || controller.signal.aborted) {
    controller = new AbortController();
    connectionControllers.set(socket, controller);
  }
  return controller;
}

/** Aborts the upstream call when the client goes away before its answer was complete. */
export function abortOnClientClose(outgoing: ServerResponse): AbortController {
  const controller = controllerFor(outgoing.socket);
  outgoing.once('close', () => {
    if (!outgoing.writableFinished) controller.abort();
  });
  return controller;
}

/** Refuses a model no group, alias or wildcard serves with a 404 model_not_found naming it (bounded). */
export function assertModelServed(router: Pick<Router, 'hasModel'>, model: string): void {
  if (router.hasModel(model)) return;
  const shown = model.length > 200 ? `${model.slice(0, 200)}...` : model;
  throw new SwitchyardError('not_found', `The model "${shown}" does not exist on this gateway. GET /v1/models lists the models it serves.`, {
    param: 'model',
  });
}

const printable = /^[\x20-\x7e]*$/;

function headerValue(value: string): string {
  return printable.test(value) ? value : encodeURIComponent(value);
}

/**
 * Headers every model answer carries: the router's x-switchyard-* headers (deployment, model group, provider,
 * attempts, fallbacks), and the upstream's rate-limit state. A failure names the group and provider of its last call.
 */
export function modelResponseHeaders(outcome: RoutingOutcome | RoutingError, upstream?: UpstreamHeaders): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  const last = 'deployment' in outcome ? outcome.deployment : outcome.history.at(-1);
  if (last) {
    headers['x-switchyard-model-group'] = last.modelGroup;
    headers['x-switchyard-provider'] = last.provider;
  }
  const routing = routingHeaders(outcome);
  for (const name in routing) headers[name] = routing[name];
  for (const name in headers) headers[name] = headerValue(String(headers[name]));
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
