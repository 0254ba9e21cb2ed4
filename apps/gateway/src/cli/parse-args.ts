import { parseArgs as parseNodeArgs } from 'node:util';

export interface CliOptions {
  /** A LiteLLM-shaped YAML config; none starts the built-in demo. */
  config: string | undefined;
  port: number;
  host: string;
  logLevel: string;
  /** Seconds in-flight requests get to finish after SIGTERM/SIGINT. */
  shutdownTimeoutSeconds: number;
  /** Gateway processes sharing the port (node:cluster); 1 serves from this process. */
  workers: number;
  help: boolean;
  version: boolean;
}

/** A wrong command line; main prints the message and the usage and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const usage = `Usage: switchyard-gateway [options]

Options:
  -c, --config <file>             LiteLLM-style YAML config (env SWITCHYARD_CONFIG). Without one, a built-in demo
                                  model "switchyard-demo" is served by an in-process mock provider.
  -p, --port <n>                  Port to listen on (env PORT, default 4000; 0 picks a free port).
      --host <address>            Interface to bind (env HOST, default 127.0.0.1). Use 0.0.0.0 to listen on all
                                  IPv4 interfaces (and set general_settings.master_key when you do).
      --log-level <level>         fatal, error, warn, info, debug, trace or silent (env LOG_LEVEL, default info).
      --shutdown-timeout <s>      Seconds in-flight requests get to finish on SIGTERM/SIGINT (default 30).
      --workers <n>               Gateway processes sharing the port, one per core (env SWITCHYARD_WORKERS, default 1).
                                  Share limits, cooldowns and spend through REDIS_URL and DATABASE_URL
                                  (docs/scaling.md).
  -h, --help                      Show this help.
  -v, --version                   Print the version.
`;

const logLevels = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

function parsePort(text: string, source: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(`${source} must be a port number from 0 to 65535, got "${text}".`);
  return port;
}

const maxWorkers = 256;

function parseWorkers(text: string, source: string): number {
  const workers = Number(text);
  if (!/^\d+$/.test(text) || workers < 1 || workers > maxWorkers) throw new UsageError(`${source} must be a whole number from 1 to ${maxWorkers}, got "${text}".`);
  return workers;
}

function parseSeconds(text: string, source: string): number {
  const seconds = Number(text);
  if (text.trim() === '' || !Number.isFinite(seconds) || seconds < 0) throw new UsageError(`${source} must be a number of seconds, got "${text}".`);
  return seconds;
}

function readArgs(argv: readonly string[]): ReturnType<typeof parseNodeArgs> {
  try {
    return parseNodeArgs({
      args: [...argv],
      options: {
        config: { type: 'string', short: 'c' },
        port: { type: 'string', short: 'p' },
        host: { type: 'string' },
        'log-level': { type: 'string' },
        'shutdown-timeout': { type: 'string' },
        workers: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : 'invalid arguments');
  }
}

/** Reads the command line, falling back to SWITCHYARD_CONFIG, PORT, HOST, LOG_LEVEL and SWITCHYARD_WORKERS. Flags win over the environment. */
export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): CliOptions {
  const { values } = readArgs(argv);
  const text = (name: string): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const portText = text('port') ?? (env['PORT'] || undefined);
  const host = text('host') ?? (env['HOST'] || '127.0.0.1');
  const logLevel = text('log-level') ?? (env['LOG_LEVEL'] || 'info');
  if (host.trim() === '') throw new UsageError('--host must not be empty.');
  if (!logLevels.has(logLevel)) throw new UsageError(`--log-level must be one of ${[...logLevels].join(', ')}, got "${logLevel}".`);
  const timeoutText = text('shutdown-timeout');
  const workersText = text('workers') ?? (env['SWITCHYARD_WORKERS'] || undefined);
  return {
    config: text('config') ?? (env['SWITCHYARD_CONFIG'] || undefined),
    port: portText === undefined ? 4000 : parsePort(portText, text('port') === undefined ? 'PORT' : '--port'),
    host,
    logLevel,
    shutdownTimeoutSeconds: timeoutText === undefined ? 30 : parseSeconds(timeoutText, '--shutdown-timeout'),
    workers: workersText === undefined ? 1 : parseWorkers(workersText, text('workers') === undefined ? 'SWITCHYARD_WORKERS' : '--workers'),
    help: values['help'] === true,
    version: values['version'] === true,
  };
}
