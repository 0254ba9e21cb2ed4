import { SwitchyardError } from '@switchyard/core';
import { Hono, type MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.js';
import { masterKeyAuth } from './middleware/master-key-auth/index.js';
import { observeRequest } from './middleware/observe-request/index.js';
import { requestId } from './middleware/request-id/index.js';
import type { Router } from '@switchyard/router';
import type { Logger } from './observability/logger.js';
import type { GatewayMetrics } from './observability/metrics.js';
import { chatCompletionsRoute } from './routes/chat-completions.js';
import { embeddingsRoute } from './routes/embeddings.js';
import { livelinessRoute, readinessRoute } from './routes/health.js';
import { metricsRoute } from './routes/metrics.js';
import { modelsRoute } from './routes/models.js';

export interface AppOptions {
  router: Router;
  maxRequestBytes: number;
  masterKey: string | undefined;
  logger: Logger;
  metrics: GatewayMetrics;
  isShuttingDown: () => boolean;
}

function errorJson(error: SwitchyardError): ReturnType<SwitchyardError['toOpenAIError']> {
  return error.toOpenAIError();
}

/** The gateway's Hono app: health and metrics are open; model routes (with and without /v1) need the master key if one is set. */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const deps = { router: options.router, maxRequestBytes: options.maxRequestBytes };
  const guard: MiddlewareHandler<AppEnv> | undefined = options.masterKey === undefined ? undefined : masterKeyAuth(options.masterKey);
  const observe = observeRequest(options.logger, options.metrics);

  app.use('*', requestId());
  app.get('/health/liveliness', livelinessRoute());
  app.get('/health/liveness', livelinessRoute());
  app.get('/health/readiness', readinessRoute({ isShuttingDown: options.isShuttingDown, modelGroups: new Set(options.router.deployments.map((deployment) => deployment.modelGroup)).size }));
  app.get('/metrics', metricsRoute(options.metrics));

  const chat = chatCompletionsRoute(deps);
  const embeddings = embeddingsRoute(deps);
  const models = modelsRoute(options.router);
  for (const prefix of ['/v1', '']) {
    // Registration order is execution order: observe first so refused requests are logged and counted too.
    app.use(`${prefix}/chat/completions`, observe);
    app.use(`${prefix}/embeddings`, observe);
    if (guard) for (const path of ['/chat/completions', '/embeddings', '/models']) app.use(`${prefix}${path}`, guard);
    app.post(`${prefix}/chat/completions`, chat);
    app.post(`${prefix}/embeddings`, embeddings);
    app.get(`${prefix}/models`, models);
  }

  app.notFound((c) => {
    const error = new SwitchyardError('not_found', `Unknown route: ${c.req.method} ${c.req.path}.`, { code: 'unknown_route' });
    return c.json(errorJson(error), 404);
  });
  app.onError((thrown, c) => {
    options.logger.error({ requestId: c.get('requestId'), route: c.req.path, err: { name: thrown.name } }, 'unhandled route error');
    const error = new SwitchyardError('internal', 'An internal error occurred.');
    return c.json(errorJson(error), 500);
  });
  return app;
}
