import type { ProviderFamily } from '@switchyard/core';
import { createApp } from './app.js';
import type { GatewayConfig } from './config/gateway-config.js';
import { buildDeployments } from './models/build-deployments.js';
import { ModelTable } from './models/model-table.js';
import { createLogger, type Logger } from './observability/logger.js';
import { GatewayMetrics } from './observability/metrics.js';
import { ProviderRegistry } from './providers/provider-registry.js';
import type { RetryPolicy } from './routing/call-with-retries.js';
import { startServer, type RunningServer } from './server/start-server.js';

export interface GatewayOptions {
  config: GatewayConfig;
  families: readonly ProviderFamily[];
  port?: number;
  host?: string;
  logger?: Logger;
  /** Overrides of the retry loop's timing (tests shorten the back-off). */
  retry?: Partial<Omit<RetryPolicy, 'numRetries'>>;
  /** Collect Node process metrics too (default true). */
  processMetrics?: boolean;
}

export interface Gateway extends RunningServer {
  readonly logger: Logger;
  readonly metrics: GatewayMetrics;
  readonly models: ModelTable;
  /** Every start-up warning: ignored config keys, skipped deployments. */
  readonly warnings: readonly string[];
  /** Drains (no grace) and closes; for tests and embedding. */
  close(): Promise<void>;
}

const defaultRetryTiming = { maxRetryAfterMs: 5_000, baseDelayMs: 250 };

/** Builds the providers, model table, metrics and app from a config and starts serving. */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const logger = options.logger ?? createLogger();
  const registry = new ProviderRegistry(options.families);
  const built = buildDeployments(options.config, registry);
  const warnings = [...options.config.warnings, ...built.warnings];
  for (const warning of warnings) logger.warn(warning);
  const models = new ModelTable(built.deployments);
  // The app and metrics need the server's counters, and the server needs the app: closures bridge the two.
  const handle: { running?: RunningServer } = {};
  const metrics = new GatewayMetrics(() => handle.running?.inFlight() ?? 0, { defaultMetrics: options.processMetrics !== false });
  const app = createApp({
    models,
    retry: { ...defaultRetryTiming, ...options.retry, numRetries: options.config.numRetries },
    maxRequestBytes: options.config.maxRequestBytes,
    masterKey: options.config.masterKey,
    logger,
    metrics,
    isShuttingDown: () => handle.running?.isDraining() ?? false,
  });
  const server = await startServer(app, { port: options.port ?? 4000, host: options.host ?? '127.0.0.1' });
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
    drain: (graceMs) => server.drain(graceMs),
    close: async () => {
      await server.drain(0);
    },
    logger,
    metrics,
    models,
    warnings,
  };
}
