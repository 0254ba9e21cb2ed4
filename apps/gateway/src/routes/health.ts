import type { Handler } from 'hono';
import type { AppEnv } from '../app-env.js';

/** `GET /health/liveliness`: the process is up and serving HTTP. */
export function livelinessRoute(): Handler<AppEnv> {
  return (c) => c.json({ status: 'healthy' });
}

/** `GET /health/readiness`: ready for traffic unless shutting down (load balancers stop routing to it then). */
export function readinessRoute(state: { isShuttingDown(): boolean; modelGroups: number }): Handler<AppEnv> {
  return (c) =>
    state.isShuttingDown()
      ? c.json({ status: 'shutting_down', model_groups: state.modelGroups }, 503)
      : c.json({ status: 'ready', model_groups: state.modelGroups });
}
