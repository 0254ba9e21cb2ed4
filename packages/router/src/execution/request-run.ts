import type { FallbackRequest } from '../reliability/fallback-plan.js';
import { RoutingContext } from '../selection/routing-context.js';
import { requestTags } from '../selection/tags.js';
import type { Operation } from './operations.js';
import type { AttemptRecord, RouteOptions } from './route-options.js';
import type { RouterEngine } from './router-engine.js';

/** Body fields that steer the router and are not sent upstream (LiteLLM accepts them in the request). */
const routerFields = ['fallbacks', 'disable_fallbacks', 'num_retries'] as const;

export interface RoutableRequest {
  model: string;
  metadata?: Record<string, unknown> | null | undefined;
}

/** One request's journey through the router: its inputs, its routing context and the calls made so far. */
export interface RequestRun<Request extends RoutableRequest, Result> {
  readonly engine: RouterEngine;
  readonly operation: Operation<Request, Result>;
  /** The request without router fields; each attempt copies it with the deployment's model. */
  readonly base: Request;
  readonly context: RoutingContext;
  readonly history: AttemptRecord[];
  readonly options: RouteOptions;
  readonly requestRetries: number | undefined;
  readonly fallbackRequest: FallbackRequest;
}

/**
 * The request without router fields. `metadata` carries LiteLLM's routing inputs (tags, region) and is not sent
 * upstream either, unless the request stores the completion (`store: true`), the one case OpenAI reads it for.
 */
function stripRouterFields<Request extends RoutableRequest>(request: Request): Request {
  const record = request as unknown as Record<string, unknown>;
  const dropMetadata = record['metadata'] !== undefined && record['store'] !== true;
  if (!dropMetadata && routerFields.every((field) => record[field] === undefined)) return request;
  const copy = { ...record };
  for (const field of routerFields) delete copy[field];
  if (dropMetadata) delete copy['metadata'];
  return copy as unknown as Request;
}

function stringList(value: unknown): readonly string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter((item): item is string => typeof item === 'string' && item !== '');
}

export function createRun<Request extends RoutableRequest, Result>(
  engine: RouterEngine,
  operation: Operation<Request, Result>,
  request: Request,
  options: RouteOptions,
  estimateTokens: () => number,
): RequestRun<Request, Result> {
  const body = request as unknown as Record<string, unknown>;
  const metadata = options.metadata ?? request.metadata ?? undefined;
  const region = options.allowedRegion ?? metadata?.['allowed_model_region'];
  const bodyRetries = body['num_retries'];
  return {
    engine,
    operation,
    base: stripRouterFields(request),
    context: new RoutingContext({
      stream: operation.stream,
      tags: requestTags(metadata, options.headers),
      allowedRegion: typeof region === 'string' && region !== '' ? region : undefined,
      estimateTokens,
    }),
    history: [],
    options,
    requestRetries: options.numRetries ?? (typeof bodyRetries === 'number' ? bodyRetries : undefined),
    fallbackRequest: {
      fallbacks: options.fallbacks ?? stringList(body['fallbacks']),
      disableFallbacks: options.disableFallbacks ?? body['disable_fallbacks'] === true,
    },
  };
}
