import type { RouteOptions } from '@switchyard/router';
import type { RequestOptions } from './switchyard-options.js';

/** Maps the OpenAI-style request options onto the router's. */
export function routeOptions(options: RequestOptions | undefined, signal?: AbortSignal): RouteOptions {
  const route: RouteOptions = {};
  if (options === undefined) {
    if (signal !== undefined) route.signal = signal;
    return route;
  }
  const effectiveSignal = signal ?? options.signal;
  if (effectiveSignal !== undefined) route.signal = effectiveSignal;
  if (options.timeout !== undefined) route.timeoutMs = options.timeout;
  if (options.maxRetries !== undefined) route.numRetries = options.maxRetries;
  if (options.headers !== undefined) {
    route.headers = options.headers;
    route.forwardHeaders = options.headers;
  }
  if (options.fallbacks !== undefined) route.fallbacks = options.fallbacks;
  if (options.disableFallbacks !== undefined) route.disableFallbacks = options.disableFallbacks;
  return route;
}
