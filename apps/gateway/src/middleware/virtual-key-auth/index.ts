import { randomUUID } from 'node:crypto';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { toSwitchyardError } from '@switchyard/core';
import type { KeyAuthenticator, Principal } from '@switchyard/governance';
import { presentedKey } from '../../governance/presented-key.js';
import { RequestGate, type GateDeps } from '../../governance/request-gate.js';
import type { ModelContext, ModelMiddleware } from '../../http/model-context.js';
import type { RequestState } from '../../http/request-state.js';
import { sendError } from '../../http/send-error.js';

const clientClosedStatus = 499;

function factsOf(c: ModelContext, state: RequestState) {
  const { incoming, outgoing } = c.env;
  const id = c.get('requestId') ?? randomUUID();
  // A client-chosen x-request-id need not be unique, and the spend log's id is its idempotency key.
  const clientRequestId = incoming.headers['x-request-id'] === id ? id : undefined;
  return {
    requestId: clientRequestId === undefined ? id : randomUUID(),
    clientRequestId,
    route: c.req.path,
    status: state.clientClosed && !outgoing.headersSent ? clientClosedStatus : outgoing.statusCode,
    endedAt: Date.now(),
  };
}

/**
 * With governance on, the model routes take the master key or a live virtual key: a missing or unknown key is a
 * 401, an expired one a 401 `key_expired`, a blocked key (or team, user, organisation) a 403. Never echoes the key.
 * The request's gate (`state.gate`) then admits the call once its body is known, and after the answer queues its
 * spend log and settles its limiter lease.
 */
export function virtualKeyAuth(auth: KeyAuthenticator, deps: GateDeps): ModelMiddleware {
  return async (c, next) => {
    const state = c.get('state');
    let principal: Principal;
    try {
      principal = await auth.authenticate(presentedKey(c.env.incoming.headers));
    } catch (error) {
      if (state !== undefined) state.errorKind = toSwitchyardError(error).kind;
      sendError(c.env.outgoing, error);
      return RESPONSE_ALREADY_SENT;
    }
    if (state === undefined) return next();
    const gate = new RequestGate(deps, principal);
    state.gate = gate;
    try {
      await next();
    } finally {
      gate.finish(factsOf(c, state), state);
    }
  };
}
