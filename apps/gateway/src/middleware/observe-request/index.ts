import type { ModelMiddleware } from '../../http/model-context.js';
import { createRequestState, type RequestState } from '../../http/request-state.js';
import type { Logger } from '../../observability/logger.js';
import type { GatewayMetrics } from '../../observability/metrics.js';

/** nginx's code for "the client closed the connection before the answer": used in logs and metrics only. */
const clientClosedStatus = 499;

function logLine(requestId: string, method: string, route: string, status: number, latencyMs: number, state: RequestState): Record<string, unknown> {
  const line: Record<string, unknown> = {
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
  if (state.timeToFirstTokenMs !== undefined) line['timeToFirstTokenMs'] = Math.round(state.timeToFirstTokenMs * 100) / 100;
  if (state.usage) {
    line['promptTokens'] = state.usage.prompt_tokens;
    line['completionTokens'] = state.usage.completion_tokens;
  }
  if (state.errorKind) line['errorKind'] = state.errorKind;
  if (state.clientClosed) line['clientClosed'] = true;
  return line;
}

/**
 * Times a model request and, once it is fully answered, records its metrics and writes one log line. Never logs
 * headers or bodies: credentials and prompts stay out of the logs.
 */
export function observeRequest(logger: Logger, metrics: GatewayMetrics): ModelMiddleware {
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
      const line = logLine(c.get('requestId') ?? '', c.req.method, c.req.path, status, latencyMs, state);
      if (status >= 500) logger.error(line, 'request failed');
      else logger.info(line, 'request');
    }
  };
}
