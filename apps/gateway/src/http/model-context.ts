import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppEnv } from '../app-env.js';

type Variables = AppEnv['Variables'];

/**
 * What the model routes and their middleware may read: Node's request and response, the method and path, and the
 * request's variables. Hono's Context satisfies it, and so does the fast path's `FastModelContext`, so the same
 * functions serve both (docs/decisions/0002: no web Request or Response per request).
 */
export interface ModelContext {
  readonly env: { readonly incoming: IncomingMessage; readonly outgoing: ServerResponse };
  readonly req: { readonly method: string; readonly path: string };
  get<Key extends keyof Variables>(key: Key): Variables[Key] | undefined;
  set<Key extends keyof Variables>(key: Key, value: Variables[Key]): void;
}

export type ModelNext = () => Promise<void>;
/** Shaped like Hono's middleware and handlers, so Hono can register them as they are. */
export type ModelMiddleware = (c: ModelContext, next: ModelNext) => Promise<Response | void>;
export type ModelHandler = (c: ModelContext) => Promise<Response>;

/** The context of a model request served without Hono: the Node objects and two variables in plain fields. */
export class FastModelContext implements ModelContext {
  readonly env: { readonly incoming: IncomingMessage; readonly outgoing: ServerResponse };
  readonly req: { readonly method: string; readonly path: string };
  readonly #variables: { [Key in keyof Variables]: Variables[Key] | undefined } = { requestId: undefined, state: undefined };

  constructor(incoming: IncomingMessage, outgoing: ServerResponse, method: string, path: string) {
    this.env = { incoming, outgoing };
    this.req = { method, path };
  }

  get<Key extends keyof Variables>(key: Key): Variables[Key] | undefined {
    return this.#variables[key];
  }

  set<Key extends keyof Variables>(key: Key, value: Variables[Key]): void {
    this.#variables[key] = value;
  }
}
