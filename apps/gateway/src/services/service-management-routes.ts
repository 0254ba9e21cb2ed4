import type { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import { assertJsonContentType, readJsonBody } from '../http/read-json-body.js';
import { sendError } from '../http/send-error.js';
import { sendJson } from '../http/send-json.js';
import type { Logger } from '../observability/logger.js';
import type { CallerAccess } from './caller-access.js';
import { createAgent, createMcpServer, deleteAgent, deleteMcpServer, listAgents, listMcpServers, listMcpTools } from './service-management.js';
import type { GatewayServices } from './service-routes.js';
import { withCaller, type ServiceContext } from './with-caller.js';

/**
 * The management routes of MCP servers and A2A agents (LiteLLM's paths). Reads answer any valid key with what it
 * may reach; writes need the master key or a proxy_admin key, and the store (governance on).
 */
export function mountServiceManagementRoutes(app: Hono<AppEnv>, services: GatewayServices, logger: Logger, maxRequestBytes: number): void {
  const route = (answer: (c: ServiceContext, caller: CallerAccess) => Promise<unknown>) =>
    withCaller(services, logger, async (c, caller) => {
      try {
        sendJson(c.env.outgoing, 200, JSON.stringify(await answer(c, caller)));
      } catch (error) {
        sendError(c.env.outgoing, error);
      }
    });
  const body = (c: ServiceContext) => {
    assertJsonContentType(c.env.incoming.headers['content-type']);
    return readJsonBody(c.env.incoming, maxRequestBytes);
  };
  for (const prefix of ['/v1', '']) {
    app.get(`${prefix}/mcp/server`, route(async (_c, caller) => listMcpServers(services, caller)));
    app.post(`${prefix}/mcp/server`, route(async (c, caller) => createMcpServer(services, caller, await body(c))));
    app.delete(`${prefix}/mcp/server/:name`, route((c, caller) => deleteMcpServer(services, caller, c.req.param('name') ?? '')));
    app.get(`${prefix}/mcp/tools`, route((c, caller) => listMcpTools(services, caller, c.req.query('server_name'))));
    app.get(`${prefix}/agents`, route(async (_c, caller) => listAgents(services, caller)));
    app.post(`${prefix}/agents`, route(async (c, caller) => createAgent(services, caller, await body(c))));
    app.delete(`${prefix}/agents/:name`, route((c, caller) => deleteAgent(services, caller, c.req.param('name') ?? '')));
  }
}
