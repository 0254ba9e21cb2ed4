import type { ModelMiddleware } from '../../http/model-context.js';
import { createRequestState, type RequestState } from '../../http/request-state.js';
import type { Logger } from '../../observability/logger.js';
import type { GatewayMetrics } from '../../observability/metrics.js';
import { createRequestLog, type RequestLogEntry } from '../../observability/request-log.js';

/** nginx's code for "the client closed the connection before the answer": used in logs and metrics only. */
const clientClosedStatus = 499;

function logEntry(requestId: string, method: string, route: string, status: number, latencyMs: number, state: RequestState): RequestLogEntry {
  const entry: RequestLogEntry = {
    requestId,
    method,
    route,
    modelGroup: state.modelGroup || undefined,
    provider: state.provider || undefined,
    status,
    latencyMs: Math.round(latencyMs * 100) / 100,
    attempts: state.attempts,
    stream: state.stream,
  };
  if (state.timeToFirstTokenMs !== undefined) entry.timeToFirstTokenMs = Math.round(state.timeToFirstTokenMs * 100) / 100;
  if (state.usage) {
    entry.promptTokens = state.usage.prompt_tokens;
    entry.completionTokens = state.usage.completion_tokens;
  }
  if (state.errorKind) entry.errorKind = state.errorKind;
  if (state.clientClosed) entry.clientClosed = true;
  return entry;
}

/**
 * Times a model request and, once it is fully answered, records its metrics and writes one log line. Never logs
 * headers or bodies: credentials and prompts stay out of the logs.
 */
export function observeRequest(logger: Logger, metrics: GatewayMetrics): ModelMiddleware {
  const writeLog = createRequestLog(logger);
  return async (c, next) => {
    const state = createRequestState(performance.now());
    c.set('state', state);
    try {
      await next();
    } finally {
      const outgoing = c.env.outgoing;
      const latencyMs = performance.now() - state.startedAt;
      if (!outgoing.headersSent && outgoing.destroyed) state.clientClosed = true;
      const status = state.clientClosed && !outgoing.headersSent ? clientClosedStatus : outgoing.statusCode;
      const target = metrics.target(state.modelGroup, state.provider);
      target.observe(status, latencyMs / 1000, state.errorKind !== undefined);
      if (state.timeToFirstTokenMs !== undefined) target.observeTimeToFirstToken(state.timeToFirstTokenMs / 1000);
      writeLog(logEntry(c.get('requestId') ?? '', c.req.method, c.req.path, status, latencyMs, state), status >= 500);
    }
  };
}
