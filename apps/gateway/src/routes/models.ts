import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { ModelList } from '@switchyard/core';
import type { KeyAuthenticator } from '@switchyard/governance';
import { checkModelAllowed } from '@switchyard/governance/policy';
import type { KeyAuthContext } from '@switchyard/store';
import { accessGroupsOf } from '../governance/access-groups.js';
import { presentedKey } from '../governance/presented-key.js';
import { sendError } from '../http/send-error.js';
import type { Handler } from 'hono';
import type { AppEnv } from '../app-env.js';
import { sendJson } from '../http/send-json.js';
import type { Router } from '@switchyard/router';

/** The OpenAI model list of the router's groups and visible aliases; built once, since they never change at run time. */
export function modelListBody(router: Pick<Router, 'listModels'>, created: number, allowed: (id: string) => boolean = () => true): string {
  const list: ModelList = {
    object: 'list',
    data: router.listModels().filter(allowed).map((id) => ({ id, object: 'model', created, owned_by: 'switchyard' })),
  };
  return JSON.stringify(list);
}

function allowedFor(context: KeyAuthContext, accessGroups: ReadonlyMap<string, readonly string[]>): (id: string) => boolean {
  return (id) => {
    try {
      checkModelAllowed(context, id, accessGroups);
      return true;
    } catch {
      return false;
    }
  };
}

/** `GET /v1/models`. */
export function modelsRoute(router: Pick<Router, 'listModels'>): Handler<AppEnv> {
  const body = modelListBody(router, Math.floor(Date.now() / 1000));
  return (c) => {
    sendJson(c.env.outgoing, 200, body);
    return RESPONSE_ALREADY_SENT;
  };
}

/** `GET /v1/models` with governance: the key must be valid, and a virtual key sees only the models it may use. */
export function governedModelsRoute(router: Pick<Router, 'listModels' | 'deployments'>, auth: KeyAuthenticator): Handler<AppEnv> {
  const accessGroups = accessGroupsOf(router.deployments);
  const created = Math.floor(Date.now() / 1000);
  const everything = modelListBody(router, created);
  return async (c) => {
    try {
      const principal = await auth.authenticate(presentedKey(c.env.incoming.headers));
      sendJson(c.env.outgoing, 200, principal.kind === 'master' ? everything : modelListBody(router, created, allowedFor(principal.context, accessGroups)));
    } catch (error) {
      sendError(c.env.outgoing, error);
    }
    return RESPONSE_ALREADY_SENT;
  };
}
