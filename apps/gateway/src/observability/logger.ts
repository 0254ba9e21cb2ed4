import { pino, type DestinationStream, type Logger } from 'pino';
import { batchedDestination, type BatchedDestination } from './batched-destination.js';
import { markOwnLogger } from './request-log.js';

export type { Logger } from 'pino';

export interface LoggerOptions {
  level?: string;
  /** Where the JSON lines go; defaults to an asynchronous stdout writer. */
  destination?: DestinationStream;
}

/**
 * Paths pino blanks out even if a caller logs them by mistake (credentials in headers or settings). No wildcards:
 * they make pino walk every object of every line.
 */
const redactPaths = [
  'headers.authorization',
  'headers["x-api-key"]',
  'headers["api-key"]',
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers["api-key"]',
  'apiKey',
  'api_key',
  'masterKey',
  'master_key',
  'settings.apiKey',
  'settings.headers.authorization',
];

/** How often buffered log lines are written out when traffic is too light to fill a batch. */
const flushIntervalMs = 250;

/**
 * Asynchronous stdout: lines collect in memory and go to SonicBoom in batches, so a busy gateway makes one write
 * per many requests instead of one per line; a timer writes out what a quiet gateway collected.
 */
function bufferedStdout(): BatchedDestination {
  const destination = batchedDestination(pino.destination({ dest: 1, sync: false }));
  setInterval(() => {
    try {
      destination.flush();
    } catch {
      // destroyed at exit: nothing left to write
    }
  }, flushIntervalMs).unref();
  return destination;
}

/** Writes out buffered log lines synchronously (before process.exit). */
export function flushLogsSync(logger: Logger): void {
  const stream = (logger as unknown as Record<symbol, unknown>)[pino.symbols.streamSym] as { flushSync?: () => void } | undefined;
  try {
    stream?.flushSync?.();
  } catch {
    // nothing buffered, or the stream is already closed
  }
}

/** Structured JSON logs; never pretty-printed, written asynchronously so the request path does not wait on stdout. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const destination = options.destination ?? bufferedStdout();
  const logger = pino(
    {
      level: options.level ?? 'info',
      base: { service: 'switchyard-gateway' },
      redact: { paths: redactPaths, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
  markOwnLogger(logger);
  return logger;
}
