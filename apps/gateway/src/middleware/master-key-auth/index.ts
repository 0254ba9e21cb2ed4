import { createHash, timingSafeEqual } from 'node:crypto';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { SwitchyardError } from '@switchyard/core';
import { presentedKey } from '../../governance/presented-key.js';
import type { ModelMiddleware } from '../../http/model-context.js';
import { sendError } from '../../http/send-error.js';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/**
 * Requires the master key on the routes it guards. Keys are compared as SHA-256 digests with timingSafeEqual,
 * so neither the content nor the length of the key leaks through timing. The key never appears in an answer.
 */
export function masterKeyAuth(masterKey: string): ModelMiddleware {
  const expected = digest(masterKey);
  return async (c, next) => {
    const key = presentedKey(c.env.incoming.headers);
    if (key !== undefined && timingSafeEqual(digest(key), expected)) return next();
    const message =
      key === undefined
        ? 'Missing API key: send "Authorization: Bearer <key>" (or an x-api-key header).'
        : 'Invalid API key: the key does not match the gateway master key.';
    sendError(c.env.outgoing, new SwitchyardError('authentication', message));
    return RESPONSE_ALREADY_SENT;
  };
}
