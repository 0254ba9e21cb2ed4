#!/usr/bin/env node
import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import { parseArgs, usage, UsageError, type CliOptions } from './cli/parse-args.js';
import { ConfigError } from './config/config-error.js';
import { defaultConfig } from './config/default-config.js';
import type { GatewayConfig } from './config/gateway-config.js';
import { loadConfigFile } from './config/load-config.js';
import type { DemoUpstream } from './demo/demo-upstream.js';
import { startGateway } from './gateway.js';
import { createLogger, flushLogsSync, type Logger } from './observability/logger.js';
import { familiesFor, familyListings } from './providers/family-catalog.js';
import { governanceMasterKey } from './governance/governance-env.js';
import { redisSettingsFor } from './routing/build-router.js';
import { followPrimary, runPrimary } from './server/cluster-primary.js';
import { installGracefulShutdown } from './server/graceful-shutdown.js';
import { installLastResortHandlers } from './server/last-resort-handlers.js';

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

async function configFor(options: CliOptions): Promise<{ config: GatewayConfig; demo: DemoUpstream | undefined }> {
  if (options.config !== undefined) return { config: loadConfigFile(options.config), demo: undefined };
  // The demo upstream (the mock provider) is imported only when there is no config file.
  const { startDemoUpstream } = await import('./demo/demo-upstream.js');
  const demo = await startDemoUpstream();
  return { config: defaultConfig({ demoBaseUrl: demo.baseUrl, families: familyListings, env: process.env }), demo };
}

async function run(options: CliOptions, logger: Logger): Promise<void> {
  const { config, demo } = await configFor(options);
  const gateway = await startGateway({ config, families: familiesFor, port: options.port, host: options.host, logger });
  logger.info({ url: gateway.url, config: config.source, modelGroups: gateway.router.listModels() }, 'switchyard gateway listening');
  if (options.host === '0.0.0.0' && gateway.governance === undefined && config.masterKey === undefined) {
    logger.warn('listening on all interfaces without general_settings.master_key: anyone who can reach this port can use your providers');
  }
  const shutdown = installGracefulShutdown({
    graceMs: options.shutdownTimeoutSeconds * 1000,
    drain: (graceMs) => gateway.drain(graceMs),
    release: async () => {
      await demo?.close();
      logger.info('switchyard gateway stopped');
      flushLogsSync(logger);
    },
    log: (message, fields) => logger.info(fields ?? {}, message),
    exit: (code) => process.exit(code),
  });
  if (cluster.isWorker) followPrimary(shutdown.begin);
}

/**
 * `--workers N`: this process becomes the cluster primary. Governance's embedded PGlite is single-process, so
 * several workers need Postgres for the store.
 */
function startPrimary(options: CliOptions, logger: Logger): void {
  const config = options.config === undefined ? undefined : loadConfigFile(options.config);
  const governed = governanceMasterKey({ masterKey: config?.masterKey }, process.env) !== undefined;
  if (governed && !process.env['DATABASE_URL'] && config?.databaseUrl === undefined) {
    throw new ConfigError(
      `--workers ${options.workers} with governance on needs Postgres: set DATABASE_URL (or general_settings.database_url). ` +
        'The embedded PGlite store serves one process only.',
    );
  }
  if (config === undefined ? !process.env['REDIS_URL'] : redisSettingsFor(config, process.env) === undefined) {
    logger.warn('--workers without REDIS_URL: each worker keeps its own rate limits, cooldowns and routing statistics (docs/scaling.md)');
  }
  runPrimary({
    workers: options.workers,
    logger,
    graceMs: options.shutdownTimeoutSeconds * 1000,
    exit: (code) => {
      flushLogsSync(logger);
      process.exit(code);
    },
  });
}

function fail(message: string, code: number): never {
  process.stderr.write(`switchyard-gateway: ${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) fail(`${error.message}\n\n${usage}`, 2);
    throw error;
  }
  if (options.help) return void process.stdout.write(usage);
  if (options.version) return void process.stdout.write(`${version()}\n`);
  const logger = createLogger({ level: options.logLevel });
  installLastResortHandlers(logger);
  try {
    if (options.workers > 1 && cluster.isPrimary) startPrimary(options, logger);
    else await run(options, logger);
  } catch (error) {
    flushLogsSync(logger);
    if (error instanceof ConfigError) fail(error.message, 1);
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') fail(`port ${options.port} on ${options.host} is already in use. Pick another with --port.`, 1);
    if (code === 'EACCES' || code === 'EADDRNOTAVAIL') fail(`cannot listen on ${options.host}:${options.port} (${code}).`, 1);
    fail(`start-up failed: ${error instanceof Error ? error.message : String(error)}`, 1);
  }
}

void main();
