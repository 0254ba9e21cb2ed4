import type { Handler } from 'hono';
import type { AppEnv } from '../app-env.js';
import type { GatewayMetrics } from '../observability/metrics.js';

/** `GET /metrics`: Prometheus text exposition of the gateway's own registry. */
export function metricsRoute(metrics: GatewayMetrics): Handler<AppEnv> {
  return async (c) => c.body(await metrics.registry.metrics(), 200, { 'content-type': metrics.registry.contentType });
}
