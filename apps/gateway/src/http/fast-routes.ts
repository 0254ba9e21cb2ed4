import type { IncomingMessage, ServerResponse } from 'node:http';
import { discardRest } from './read-json-body.js';
import { FastModelContext, type ModelContext, type ModelHandler, type ModelMiddleware } from './model-context.js';

/** A model route: its middleware in order, then its handler (the same functions Hono registers). */
export interface ModelRoute {
  path: string;
  middleware: readonly ModelMiddleware[];
  handler: ModelHandler;
}

/** Answers a request whose middleware or handler threw (Hono's onError for the fast path). */
export type FastRouteErrorHandler = (thrown: unknown, c: ModelContext) => void;

/** Serves a request when it is one of the fast routes (true), or leaves it to the Hono app (false). */
export type FastRoutes = (incoming: IncomingMessage, outgoing: ServerResponse) => boolean;

function dispatch(c: FastModelContext, route: ModelRoute, index: number): Promise<unknown> {
  const middleware = route.middleware[index];
  if (middleware === undefined) return route.handler(c);
  return middleware(c, () => dispatch(c, route, index + 1).then(ignoreValue));
}

function ignoreValue(): void {}

/** What is left of a body nothing read (a refused request) is read and dropped, up to a cap. */
function finish(c: FastModelContext): void {
  const incoming = c.env.incoming;
  if (!incoming.readableEnded && !incoming.destroyed) discardRest(incoming);
}

/**
 * The model routes served straight from node:http: `POST` on an exact path (no query string matters, nothing to
 * decode) runs the route's middleware and handler without building Hono's request, context or response objects.
 * Anything else (other methods, encoded or unusual paths) goes to the Hono app, which has the same routes.
 */
export function createFastRoutes(routes: readonly ModelRoute[], onError: FastRouteErrorHandler): FastRoutes {
  const byPath = new Map(routes.map((route) => [route.path, route]));
  return (incoming, outgoing) => {
    if (incoming.method !== 'POST') return false;
    const url = incoming.url ?? '';
    const query = url.indexOf('?');
    const path = query === -1 ? url : url.slice(0, query);
    const route = byPath.get(path);
    if (route === undefined) return false;
    const c = new FastModelContext(incoming, outgoing, 'POST', path);
    dispatch(c, route, 0).then(
      () => finish(c),
      (thrown: unknown) => {
        onError(thrown, c);
        finish(c);
      },
    );
    return true;
  };
}

const fastRoutesByApp = new WeakMap<object, FastRoutes>();

/** Gives an app its fast routes, for the server to find (`fastRoutesOf`). */
export function attachFastRoutes(app: object, routes: FastRoutes): void {
  fastRoutesByApp.set(app, routes);
}

export function fastRoutesOf(app: object): FastRoutes | undefined {
  return fastRoutesByApp.get(app);
}
