import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { ModelList } from '@switchyard/core';
import type { Handler } from 'hono';
import type { AppEnv } from '../app-env.js';
import { sendJson } from '../http/send-json.js';
import type { ModelTable } from '../models/model-table.js';

/** The OpenAI model list for a table's public names; built once, since the table never changes at run time. */
export function modelListBody(models: ModelTable, created: number): string {
  const list: ModelList = {
    object: 'list',
    data: models.publicModelNames().map((id) => ({ id, object: 'model', created, owned_by: 'switchyard' })),
  };
  return JSON.stringify(list);
}

/** `GET /v1/models`. */
export function modelsRoute(models: ModelTable): Handler<AppEnv> {
  const body = modelListBody(models, Math.floor(Date.now() / 1000));
  return (c) => {
    sendJson(c.env.outgoing, 200, body);
    return RESPONSE_ALREADY_SENT;
  };
}
