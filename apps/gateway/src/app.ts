import { SwitchyardError } from '@switchyard/core';
import { Hono } from 'hono';
import type { AppEnv } from './app-env.js';
import { attachFastRoutes, createFastRoutes, type ModelRoute } from './http/fast-routes.js';
import type { ModelContext, ModelMiddleware } from './http/model-context.js';
import { sendError } from './http/send-error.js';
import { createGateDeps } from './governance/gate-deps.js';
import type { GovernanceRuntime } from './governance/governance-runtime.js';
import { masterKeyAuth } from './middleware/master-key-auth/index.js';
import { observeRequest } from './middleware/observe-request/index.js';
import { requestId } from './middleware/request-id/index.js';
import { virtualKeyAuth } from './middleware/virtual-key-auth/index.js';
import type { Router } from '@switchyard/router';
import type { Logger } from './observability/logger.js';
import type { GatewayMetrics } from './observability/metrics.js';
import { mountAdminUi } from './routes/admin-ui.js';
import { chatCompletionsRoute } from './routes/chat-completions.js';
import { embeddingsRoute } from './routes/embeddings.js';
import { livelinessRoute, readinessRoute } from './routes/health.js';
import { metricsRoute } from './routes/metrics.js';
import type { mountManagementRoutes } from './routes/management/index.js';
import { governedModelsRoute, modelsRoute } from './routes/models.js';
import { mountServiceManagementRoutes } from './services/service-management-routes.js';
import { mountServiceRoutes, type GatewayServices } from './services/service-routes.js';

export interface AppOptions {
  router: Router;
  maxRequestBytes: number;
  masterKey: string | undefined;
  logger: Logger;
  metrics: GatewayMetrics;
  isShuttingDown: () => boolean;
  /** Governance (virtual keys, limits, budgets, spend logs); when set it replaces the master-key check. */
  governance?: GovernanceRuntime | undefined;
  /** MCP (`/mcp`), A2A (`/a2a/{agent}/`) and their management routes; chat requests with MCP tools use it too. */
  services?: GatewayServices | undefined;
  /**
   * Mounts the management API with governance: `routes/management/index.js`, which the caller imports at start-up only
   * when governance is on (it loads the store and all of governance).
   */
  mountManagement?: typeof mountManagementRoutes | undefined;
}

function modelRouteGuard(options: AppOptions): ModelMiddleware | undefined {
  const runtime = options.governance;
  if (runtime !== undefined) return virtualKeyAuth(runtime.auth, createGateDeps(runtime, options.router, options.logger));
  return options.masterKey === undefined ? undefined : masterKeyAuth(options.masterKey);
}

function errorJson(error: SwitchyardError): ReturnType<SwitchyardError['toOpenAIError']> {
  return error.toOpenAIError();
}

function unhandledError(logger: Logger, thrown: unknown, requestId: string | undefined, route: string): SwitchyardError {
  const name = thrown instanceof Error ? thrown.name : typeof thrown;
  logger.error({ requestId, route, err: { name } }, 'unhandled route error');
  return new SwitchyardError('internal', 'An internal error occurred.');
}

/** The fast path's onError: the same log line and 500 as the app's, or a dropped connection once the answer started. */
function answerUnhandled(logger: Logger, thrown: unknown, c: ModelContext): void {
  const error = unhandledError(logger, thrown, c.get('requestId'), c.req.path);
  if (c.env.outgoing.headersSent) c.env.outgoing.destroy();
  else sendError(c.env.outgoing, error);
}

/**
 * The gateway's Hono app: health and metrics are open; model routes (with and without /v1) need the master key if
 * one is set, or with governance the master key or a virtual key. The model routes are also attached as fast
 * routes (`fastRoutesOf(app)`), which the server runs without
 * Hono for plain `POST`s: the same middleware and handlers.
 */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const deps = { router: options.router, maxRequestBytes: options.maxRequestBytes, mcp: options.services };
  const guard = modelRouteGuard(options);
  const observe = observeRequest(options.logger, options.metrics);
  const identify = requestId();

  app.use('*', identify);
  app.get('/health/liveliness', livelinessRoute());
  app.get('/health/liveness', livelinessRoute());
  app.get('/health/readiness', readinessRoute({ isShuttingDown: options.isShuttingDown, modelGroups: new Set(options.router.deployments.map((deployment) => deployment.modelGroup)).size }));
  app.get('/metrics', metricsRoute(options.metrics));
  mountAdminUi(app);

  const chat = chatCompletionsRoute(deps);
  const embeddings = embeddingsRoute(deps);
  const models = options.governance === undefined ? modelsRoute(options.router) : governedModelsRoute(options.router, options.governance.auth);
  // The governed models route checks the key itself (it filters the list by the key's allow-lists).
  const guardedPaths = options.governance === undefined ? ['/chat/completions', '/embeddings', '/models'] : ['/chat/completions', '/embeddings'];
  const modelRoutes: ModelRoute[] = [];
  for (const prefix of ['/v1', '']) {
    // Registration order is execution order: observe first so refused requests are logged and counted too.
    app.use(`${prefix}/chat/completions`, observe);
    app.use(`${prefix}/embeddings`, observe);
    if (guard) for (const path of guardedPaths) app.use(`${prefix}${path}`, guard);
    app.post(`${prefix}/chat/completions`, chat);
    app.post(`${prefix}/embeddings`, embeddings);
    app.get(`${prefix}/models`, models);
    const middleware = guard ? [identify, observe, guard] : [identify, observe];
    modelRoutes.push({ path: `${prefix}/chat/completions`, middleware, handler: chat }, { path: `${prefix}/embeddings`, middleware, handler: embeddings });
  }
  if (options.services) {
    mountServiceRoutes(app, options.services, options.logger);
    mountServiceManagementRoutes(app, options.services, options.logger, options.maxRequestBytes);
  }
  attachFastRoutes(app, createFastRoutes(modelRoutes, (thrown, c) => answerUnhandled(options.logger, thrown, c)));
  if (options.governance !== undefined) {
    options.mountManagement?.(app, { store: options.governance.store, auth: options.governance.auth, router: options.router, logger: options.logger });
  }

  app.notFound((c) => {
    const error = new SwitchyardError('not_found', `Unknown route: ${c.req.method} ${c.req.path}.`, { code: 'unknown_route' });
    return c.json(errorJson(error), 404);
  });
  app.onError((thrown, c) => c.json(errorJson(unhandledError(options.logger, thrown, c.get('requestId'), c.req.path)), 500));
  return app;
}
