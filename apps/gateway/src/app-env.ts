import type { HttpBindings } from '@hono/node-server';
import type { RequestState } from './http/request-state.js';

/** The Hono environment of the gateway: Node's request and response, plus per-request variables. */
export interface AppEnv {
  Bindings: HttpBindings;
  Variables: {
    requestId: string;
    state: RequestState;
  };
}
