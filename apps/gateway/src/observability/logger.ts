import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

export interface LoggerOptions {
  level?: string;
  /** Where the JSON lines go; defaults to an asynchronous stdout writer. */
  destination?: DestinationStream;
}

/** Paths pino blanks out even if a caller logs them by mistake (credentials in headers or settings). */
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
  '*.apiKey',
  '*.api_key',
  '*.masterKey',
  '*.master_key',
];

/** Structured JSON logs; never pretty-printed, written asynchronously so the request path does not wait on stdout. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const destination = options.destination ?? pino.destination({ dest: 1, sync: false });
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'switchyard-gateway' },
      redact: { paths: redactPaths, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}
