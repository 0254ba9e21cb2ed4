import { SwitchyardError } from '@switchyard/core';
import * as governance from '@switchyard/governance';
import type { ConfiguredDeployments, KeyAuthenticator } from '@switchyard/governance';
import type { Store } from '@switchyard/store';
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../../app-env.js';
import type { Logger } from '../../observability/logger.js';
import { managementError, managementHandler, type ManagementFunction, type ManagementInput } from './management-handler.js';

export interface ManagementRouteDeps {
  store: Store;
  auth: KeyAuthenticator;
  /** The running router: /model/info lists its deployments with health and cooldowns. */
  router?: ConfiguredDeployments | undefined;
  /** One line per management request (route pattern, status, latency; never keys or bodies). */
  logger?: Logger | undefined;
}

type Route = [method: 'get' | 'post', path: string, run: ManagementFunction, input: ManagementInput];

/** Every management route, LiteLLM's paths; GET routes read the query string, POST routes a JSON body. */
export const managementRoutes: readonly Route[] = [
  ['post', '/key/generate', governance.generateKey, 'body'],
  ['get', '/key/info', governance.keyInfo, 'query'],
  ['post', '/key/update', governance.updateKey, 'body'],
  ['post', '/key/delete', governance.deleteKeys, 'body'],
  ['post', '/key/regenerate', governance.regenerateKey, 'body'],
  ['get', '/key/list', governance.listKeys, 'query'],
  ['post', '/key/block', governance.blockKey, 'body'],
  ['post', '/key/unblock', governance.unblockKey, 'body'],
  ['post', '/team/new', governance.newTeam, 'body'],
  ['get', '/team/info', governance.teamInfo, 'query'],
  ['post', '/team/update', governance.updateTeam, 'body'],
  ['post', '/team/delete', governance.deleteTeams, 'body'],
  ['post', '/team/member_add', governance.addTeamMember, 'body'],
  ['post', '/team/member_delete', governance.deleteTeamMember, 'body'],
  ['get', '/team/list', governance.listTeams, 'query'],
  ['post', '/user/new', governance.newUser, 'body'],
  ['get', '/user/info', governance.userInfo, 'query'],
  ['post', '/user/update', governance.updateUser, 'body'],
  ['post', '/user/delete', governance.deleteUsers, 'body'],
  ['get', '/user/list', governance.listUsers, 'query'],
  ['post', '/customer/new', governance.newCustomer, 'body'],
  ['get', '/customer/info', governance.customerInfo, 'query'],
  ['post', '/customer/update', governance.updateCustomer, 'body'],
  ['post', '/customer/delete', governance.deleteCustomers, 'body'],
  ['get', '/customer/list', governance.listCustomers, 'query'],
  ['get', '/spend/logs', governance.spendLogs, 'query'],
  ['get', '/global/spend/report', governance.globalSpendReport, 'query'],
  ['get', '/model/info', governance.modelInfo, 'query'],
  ['get', '/v1/model/info', governance.modelInfo, 'query'],
  ['post', '/model/new', governance.newModel, 'body'],
  ['post', '/model/update', governance.updateModel, 'body'],
  ['post', '/model/delete', governance.deleteModel, 'body'],
];

/** Management bodies are small; a larger one is refused before it is read whole. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Registers LiteLLM's management API on the app (see packages/governance's README for the shapes). `/end_user/*` is
 * LiteLLM's alias of `/customer/*`; `POST /key/{key}/regenerate` is the path form of /key/regenerate.
 */
export function mountManagementRoutes(app: Hono<AppEnv>, deps: ManagementRouteDeps): void {
  const functionDeps = { store: deps.store, auth: deps.auth, router: deps.router };
  const limit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => managementError(c, new SwitchyardError('payload_too_large', `Management request bodies are limited to ${MAX_BODY_BYTES} bytes.`)),
  });
  for (const [method, path, run, input] of managementRoutes) {
    const handler = managementHandler(deps.auth, functionDeps, { run, input }, deps.logger);
    const paths = path.startsWith('/customer/') ? [path, path.replace('/customer/', '/end_user/')] : [path];
    for (const each of paths) {
      if (method === 'get') app.get(each, handler);
      else app.post(each, limit, handler);
    }
  }
  const pathParams = (c: Context<AppEnv>) => ({ key: c.req.param('key') ?? '' });
  app.post('/key/:key/regenerate', limit, managementHandler(deps.auth, functionDeps, { run: governance.regenerateKey, input: 'body', pathParams }, deps.logger));
}
