import type { GatewayConfig } from '../config/gateway-config.js';
import type { Logger } from '../observability/logger.js';
import { A2aService } from './a2a-service.js';
import { createCallerResolver } from './caller-access.js';
import { McpService } from './mcp-service.js';
import { ServiceCalls } from './service-calls.js';
import type { ServiceGovernance } from './service-governance.js';
import type { GatewayServices } from './service-routes.js';
import { loadStoredServices } from './stored-services.js';

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '::1']);

export interface BuiltServices extends GatewayServices {
  close(): Promise<void>;
}

/**
 * The MCP bridge and A2A registry from `mcp_servers` and `a2a_agents`, plus (with governance) the servers and
 * agents stored through the management API. Stdio servers start on first use, so a broken one never blocks start-up.
 */
export async function buildServices(options: {
  config: Pick<GatewayConfig, 'mcpServers' | 'a2aAgents' | 'masterKey'>;
  logger: Logger;
  governance: ServiceGovernance | undefined;
  /** The host the gateway binds: on a loopback bind `/mcp` checks Host and Origin (DNS-rebinding protection). */
  host: string;
}): Promise<BuiltServices> {
  const { config, logger, governance } = options;
  const calls = new ServiceCalls(logger, governance);
  const mcp = new McpService({ servers: config.mcpServers, logger, calls, loopbackOnly: loopbackHosts.has(options.host) });
  const a2a = new A2aService({ agents: config.a2aAgents, calls });
  const services = {
    mcp,
    a2a,
    resolveCaller: createCallerResolver({ masterKey: config.masterKey, governance }),
    governance,
    configured: { mcpServers: new Set(Object.keys(config.mcpServers)), agents: new Set(config.a2aAgents.map((agent) => agent.agent_name)) },
    close: () => mcp.close(),
  };
  if (governance) await loadStoredServices(services, governance, logger);
  return services;
}
