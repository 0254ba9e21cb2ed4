import { pino, type DestinationStream } from 'pino';
import type { Logger } from './logger.js';

/** The fields of the one line every model request writes (never headers, bodies or keys). */
export interface RequestLogEntry {
  requestId: string;
  method: string;
  route: string;
  modelGroup: string | undefined;
  provider: string | undefined;
  status: number;
  latencyMs: number;
  attempts: number;
  stream: boolean;
  timeToFirstTokenMs?: number;
  promptTokens?: unknown;
  completionTokens?: unknown;
  errorKind?: string;
  clientClosed?: boolean;
}

/** Writes a request's line: `failed` lines go out at error level ("request failed"), the others at info. */
export type RequestLog = (entry: RequestLogEntry, failed: boolean) => void;

/** Loggers made by `createLogger`: their level labels, bindings and time format are known. */
const ownLoggers = new WeakSet<Logger>();

export function markOwnLogger(logger: Logger): void {
  ownLoggers.add(logger);
}

/** A value as pino writes it; undefined when pino leaves the key out. */
function jsonValue(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return JSON.stringify(value);
}

const optionalKeys = ['timeToFirstTokenMs', 'promptTokens', 'completionTokens', 'errorKind', 'clientClosed'] as const;

function jsonFields(entry: RequestLogEntry): string {
  let text = `"requestId":${JSON.stringify(entry.requestId)},"method":${JSON.stringify(entry.method)},"route":${JSON.stringify(entry.route)}`;
  if (entry.modelGroup !== undefined) text += `,"modelGroup":${JSON.stringify(entry.modelGroup)}`;
  if (entry.provider !== undefined) text += `,"provider":${JSON.stringify(entry.provider)}`;
  text += `,"status":${jsonValue(entry.status)},"latencyMs":${jsonValue(entry.latencyMs)},"attempts":${jsonValue(entry.attempts)},"stream":${jsonValue(entry.stream)}`;
  for (const key of optionalKeys) {
    const value = entry[key];
    if (value === undefined) continue;
    const json = jsonValue(value);
    if (json !== undefined) text += `,"${key}":${json}`;
  }
  return text;
}

/**
 * The request log line. For a logger from `createLogger` it is built as one string and handed to pino's
 * destination, the bytes pino would write for the same object (level label, time, bindings, fields in order,
 * message), without pino's per-key serialisation: that cost a busy gateway several µs per request. Any other
 * logger gets `logger.info` / `logger.error`.
 */
export function createRequestLog(logger: Logger): RequestLog {
  if (!ownLoggers.has(logger)) {
    return (entry, failed) => {
      if (failed) logger.error(entry, 'request failed');
      else logger.info(entry, 'request');
    };
  }
  const internals = logger as unknown as Record<symbol, unknown>;
  const stream = internals[pino.symbols.streamSym] as DestinationStream;
  const time = internals[pino.symbols.timeSym] as () => string;
  return (entry, failed) => {
    const level = failed ? 'error' : 'info';
    if (!logger.isLevelEnabled(level)) return;
    const bindings = internals[pino.symbols.chindingsSym] as string;
    const message = failed ? 'request failed' : 'request';
    stream.write(`{"level":"${level}"${time()}${bindings},${jsonFields(entry)},"msg":"${message}"}\n`);
  };
}
