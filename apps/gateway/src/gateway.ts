import type { ProviderFamily } from '@switchyard/core';
import { createApp } from './app.js';
import type { DeploymentConfig, GatewayConfig } from './config/gateway-config.js';
import type { GovernanceRuntime } from './governance/governance-runtime.js';
import { governanceMasterKey, type GovernanceEnvironment } from './governance/governance-env.js';
import { loadStoredDeployments } from './governance/stored-deployments.js';
import type { Router } from '@switchyard/router';
import { createLogger, type Logger } from './observability/logger.js';
import { GatewayMetrics } from './observability/metrics.js';
import { buildRouter, type RouterEnvironment } from './routing/build-router.js';
import { startServer, type RunningServer } from './server/start-server.js';
import type { BuiltServices } from './services/build-services.js';

/** Loads the provider families a set of deployments needs (the config's and the stored ones), at start-up. */
export type FamilyLoader = (deployments: readonly DeploymentConfig[]) => Promise<readonly ProviderFamily[]>;

export interface GatewayOptions {
  config: GatewayConfig;
  /** The provider families, or a loader that imports only those the deployments use (`familiesFor`). */
  families: readonly ProviderFamily[] | FamilyLoader;
  port?: number;
  host?: string;
  logger?: Logger;
  /** Where REDIS_URL, SWITCHYARD_ROUTER_REDIS_PREFIX and the governance variables are read (default: process.env). */
  env?: RouterEnvironment & GovernanceEnvironment;
  /** Collect Node process metrics too (default true). */
  processMetrics?: boolean;
}

export interface Gateway extends RunningServer {
  readonly logger: Logger;
  readonly metrics: GatewayMetrics;
  /** The router serving the model routes: model groups, retries, fallbacks, cooldowns. */
  readonly router: Router;
  /** Governance, when a master key is configured (general_settings.master_key, SWITCHYARD_MASTER_KEY, LITELLM_MASTER_KEY). */
  readonly governance: GovernanceRuntime | undefined;
  /** Every start-up warning: ignored config keys, skipped deployments, routing settings that look wrong. */
  readonly warnings: readonly string[];
  /**
   * The MCP bridge, the A2A registry and their routes; undefined (no `/mcp`, `/a2a/*` or their management routes)
   * when the config has no mcp_servers or a2a_agents and governance is off (nothing could be stored either).
   */
  readonly services: BuiltServices | undefined;
  /** Drains (no grace) and closes; for tests and embedding. */
  close(): Promise<void>;
}

/** Governance, imported (the store, drizzle, PGlite or postgres, ioredis) only when a master key turns it on. */
async function governanceFor(config: GatewayConfig, env: GovernanceEnvironment, logger: Logger): Promise<GovernanceRuntime | undefined> {
  if (governanceMasterKey(config, env) === undefined) return undefined;
  const { openGovernance } = await import('./governance/open-governance.js');
  return openGovernance({ config, env, logger });
}

/** The MCP and A2A services, imported (the MCP SDK, the A2A SDK) only when the config or the store can name some. */
async function servicesFor(config: GatewayConfig, logger: Logger, governance: GovernanceRuntime | undefined, host: string): Promise<BuiltServices | undefined> {
  if (governance === undefined && Object.keys(config.mcpServers).length === 0 && config.a2aAgents.length === 0) return undefined;
  const { buildServices } = await import('./services/build-services.js');
  return buildServices({ config, logger, governance, host });
}

/** Builds the router, metrics and app from a config and starts serving. */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const logger = options.logger ?? createLogger();
  const env = options.env ?? process.env;
  const governance = await governanceFor(options.config, env, logger);
  let router: Router;
  try {
    const stored = governance === undefined ? [] : await loadStoredDeployments(governance.store, logger);
    const deployments = [...options.config.deployments, ...stored];
    const families = typeof options.families === 'function' ? await options.families(deployments) : options.families;
    router = await buildRouter({ ...options.config, deployments }, families, logger, env);
  } catch (error) {
    await governance?.close();
    throw error;
  }
  const warnings = [...options.config.warnings, ...router.warnings];
  for (const warning of warnings) logger.warn(warning);
  // The app and metrics need the server's counters, and the server needs the app: closures bridge the two.
  const handle: { running?: RunningServer } = {};
  const metrics = new GatewayMetrics(() => handle.running?.inFlight() ?? 0, { defaultMetrics: options.processMetrics !== false });
  if (governance !== undefined) metrics.watchSpendBuffer(() => governance.spend.stats);
  if (governance?.alerts !== undefined) metrics.watchSoftBudgetAlerts(governance.alerts.stats);
  const host = options.host ?? '127.0.0.1';
  let services: BuiltServices | undefined;
  try {
    services = await servicesFor(options.config, logger, governance, host);
  } catch (error) {
    await router.close();
    await governance?.close();
    throw error;
  }
  const management = governance === undefined ? undefined : await import('./routes/management/index.js');
  const app = createApp({
    router,
    maxRequestBytes: options.config.maxRequestBytes,
    masterKey: options.config.masterKey,
    logger,
    metrics,
    isShuttingDown: () => handle.running?.isDraining() ?? false,
    governance,
    services,
    mountManagement: management?.mountManagementRoutes,
  });
  // Released after the last request finished: its spend is queued by then, and close() flushes it.
  const release = async () => {
    await services?.close();
    await router.close();
    await governance?.close();
  };
  let server: RunningServer;
  try {
    server = await startServer(app, { port: options.port ?? 4000, host });
  } catch (error) {
    await release();
    throw error;
  }
  handle.running = server;
  return {
    get server() {
      return server.server;
    },
    url: server.url,
    host: server.host,
    port: server.port,
    inFlight: () => server.inFlight(),
    isDraining: () => server.isDraining(),
    // The router's state (a Redis connection, pending writes) is released once the last request finished.
    drain: async (graceMs) => {
      const finished = await server.drain(graceMs);
      await release();
      return finished;
    },
    close: async () => {
      await server.drain(0);
      await release();
    },
    logger,
    metrics,
    router,
    governance,
    warnings,
    services,
  };
}
