import type { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import type { Logger } from '../observability/logger.js';
import type { A2aService } from './a2a-service.js';
import type { ResolveCaller } from './caller-access.js';
import { withCaller } from './with-caller.js';
import type { McpService } from './mcp-service.js';
import type { ServiceGovernance } from './service-governance.js';

/** The MCP and A2A side of the gateway, as the app mounts it. */
export interface GatewayServices {
  mcp: McpService;
  a2a: A2aService;
  resolveCaller: ResolveCaller;
  /** With governance, stored servers and agents and the management writes. */
  governance?: ServiceGovernance | undefined;
  /** Names the config file defines (the management API does not overwrite or delete them). */
  configured: { mcpServers: Set<string>; agents: Set<string> };
}

/**
 * `/mcp` and `/mcp/{server}` (streamable HTTP: POST, GET, DELETE) over the MCP bridge, and `/a2a/{agent}/...`
 * over the A2A forwarder. Both run on Node's raw request and response; the caller's key never goes further.
 */
export function mountServiceRoutes(app: Hono<AppEnv>, services: GatewayServices, logger: Logger): void {
  const mcp = withCaller(services, logger, async (c, caller) => {
    services.mcp.remember(caller);
    const access = { allowedServers: caller.mcpServers, subject: caller.subject };
    await services.mcp.handler.handle(c.env.incoming, c.env.outgoing, { access, server: c.req.param('server') });
  });
  app.all('/mcp', mcp);
  app.all('/mcp/:server', mcp);
  app.all('/a2a/*', withCaller(services, logger, (c, caller) => services.a2a.handle(c.env.incoming, c.env.outgoing, caller)));
}
