import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { KeyAuthenticator } from '@switchyard/governance';
import { presentedKey } from '../../governance/presented-key.js';
import type { ModelMiddleware } from '../../http/model-context.js';
import { sendError } from '../../http/send-error.js';

/**
 * With governance on, the model routes take the master key or a live virtual key: a missing or unknown key is a
 * 401, an expired one a 401 `key_expired`, a blocked key (or team, user, organisation) a 403. Never echoes the key.
 */
export function virtualKeyAuth(auth: KeyAuthenticator): ModelMiddleware {
  return async (c, next) => {
    try {
      await auth.authenticate(presentedKey(c.env.incoming.headers));
    } catch (error) {
      sendError(c.env.outgoing, error);
      return RESPONSE_ALREADY_SENT;
    }
    return next();
  };
}
