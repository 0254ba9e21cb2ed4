import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { sendError } from '../http/send-error.js';
import type { Logger } from '../observability/logger.js';
import type { CallerAccess, ResolveCaller } from './caller-access.js';

export type ServiceContext = Context<AppEnv>;
export type ServiceHandler = (c: ServiceContext) => Promise<Response>;

/**
 * Authenticates the caller, then lets `serve` answer on the raw Node response (401 in OpenAI's error format when
 * there is no valid key; an unexpected failure is a 500 without details, or a dropped connection once answering).
 */
export function withCaller(
  services: { resolveCaller: ResolveCaller },
  logger: Logger,
  serve: (c: ServiceContext, caller: CallerAccess) => Promise<void>,
): ServiceHandler {
  return async (c) => {
    const { incoming, outgoing } = c.env;
    let caller: CallerAccess;
    try {
      caller = await services.resolveCaller(incoming.headers);
    } catch (error) {
      sendError(outgoing, error);
      return RESPONSE_ALREADY_SENT;
    }
    try {
      await serve(c, caller);
    } catch (error) {
      logger.error({ route: c.req.path, err: { name: (error as Error)?.name } }, 'service route failed');
      if (!outgoing.headersSent) sendError(outgoing, new Error('internal'));
      else outgoing.destroy();
    }
    return RESPONSE_ALREADY_SENT;
  };
}
