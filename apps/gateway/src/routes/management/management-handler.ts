import { toSwitchyardError, SwitchyardError } from '@switchyard/core';
import type { KeyAuthenticator, ManagementDeps, Principal } from '@switchyard/governance';
import type { Context, Handler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../../app-env.js';
import { presentedKey } from '../../governance/presented-key.js';
import type { Logger } from '../../observability/logger.js';

/** A management function of @switchyard/governance: `(principal, input, deps) => output`. */
export type ManagementFunction = (principal: Principal, input: unknown, deps: ManagementDeps) => Promise<unknown>;

export type ManagementInput = 'query' | 'body';

/** Answers any failure in OpenAI's error format; foreign errors become a 500 without their message. */
export function managementError(c: Context<AppEnv>, thrown: unknown): Response {
  const error = toSwitchyardError(thrown);
  return c.json(error.toOpenAIError(), error.status as ContentfulStatusCode);
}

function headersOf(c: Context<AppEnv>) {
  return { authorization: c.req.header('authorization'), 'x-api-key': c.req.header('x-api-key'), 'api-key': c.req.header('api-key') };
}

/** An empty body is `{}` (curl -X POST without -d); anything else must be JSON. */
async function jsonBody(c: Context<AppEnv>): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SwitchyardError('bad_request', 'The request body is not valid JSON.', { code: 'invalid_json' });
  }
}

export interface ManagementRoute {
  run: ManagementFunction;
  input: ManagementInput;
  /** Values taken from the path (`/key/{key}/regenerate`), merged over the body. */
  pathParams?: (c: Context<AppEnv>) => Record<string, string>;
}

async function answer(c: Context<AppEnv>, auth: KeyAuthenticator, deps: ManagementDeps, route: ManagementRoute): Promise<Response> {
  try {
    const principal = await auth.authenticate(presentedKey(headersOf(c)));
    const data = route.input === 'query' ? c.req.query() : await jsonBody(c);
    const merged = typeof data === 'object' && data !== null && !Array.isArray(data) ? { ...data, ...route.pathParams?.(c) } : data;
    return c.json((await run(route, principal, merged, deps)) as object);
  } catch (error) {
    return managementError(c, error);
  }
}

const run = (route: ManagementRoute, principal: Principal, input: unknown, deps: ManagementDeps) => route.run(principal, input, deps);

/**
 * A thin route: authenticate the caller (401 before anything is read), take the query or JSON body (plus path
 * parameters), call the governance function and answer its JSON. One log line per request names the route
 * pattern (never the path, which may hold a key), the status and the latency; never a header or a body.
 */
export function managementHandler(auth: KeyAuthenticator, deps: ManagementDeps, route: ManagementRoute, logger?: Logger): Handler<AppEnv> {
  return async (c) => {
    const started = performance.now();
    const response = await answer(c, auth, deps, route);
    const line = { requestId: c.get('requestId'), method: c.req.method, route: c.req.routePath, status: response.status, latencyMs: Math.round((performance.now() - started) * 100) / 100 };
    if (response.status >= 500) logger?.error(line, 'management request failed');
    else logger?.info(line, 'management request');
    return response;
  };
}
