import { randomUUID } from 'node:crypto';
import type { ModelMiddleware } from '../../http/model-context.js';

/** An incoming id is kept when it is short and plain (no header injection, no log pollution). */
const saneRequestId = /^[\w.:@/+=-]{1,128}$/;

export function acceptedRequestId(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && saneRequestId.test(incoming) ? incoming : randomUUID();
}

/** Gives every response an `x-request-id`: the client's own when sane, else a fresh UUID. */
export function requestId(): ModelMiddleware {
  return (c, next) => {
    const id = acceptedRequestId(c.env.incoming.headers['x-request-id']);
    c.env.outgoing.setHeader('x-request-id', id);
    c.set('requestId', id);
    return next();
  };
}
