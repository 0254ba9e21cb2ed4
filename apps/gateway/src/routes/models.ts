import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { ModelList } from '@switchyard/core';
import type { Handler } from 'hono';
import type { AppEnv } from '../app-env.js';
import { sendJson } from '../http/send-json.js';
import type { Router } from '@switchyard/router';

/** The OpenAI model list of the router's groups and visible aliases; built once, since they never change at run time. */
export function modelListBody(router: Pick<Router, 'listModels'>, created: number): string {
  const list: ModelList = {
    object: 'list',
    data: router.listModels().map((id) => ({ id, object: 'model', created, owned_by: 'switchyard' })),
  };
  return JSON.stringify(list);
}

/** `GET /v1/models`. */
export function modelsRoute(router: Pick<Router, 'listModels'>): Handler<AppEnv> {
  const body = modelListBody(router, Math.floor(Date.now() / 1000));
  return (c) => {
    sendJson(c.env.outgoing, 200, body);
    return RESPONSE_ALREADY_SENT;
  };
}
