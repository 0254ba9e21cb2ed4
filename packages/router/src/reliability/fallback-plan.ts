import type { SwitchyardError } from '@switchyard/core';
import type { RouterOptions } from '../config/router-options.js';

export interface FallbackRequest {
  /** Fallback groups the request itself names (the body's `fallbacks`); they replace the configured general ones. */
  fallbacks: readonly string[] | undefined;
  disableFallbacks: boolean;
}

function configured(map: ReadonlyMap<string, readonly string[]>, group: string): readonly string[] | undefined {
  return map.get(group) ?? map.get('*');
}

/**
 * The model groups to try, in order, after `group` failed with `error`: context-window and content-policy errors
 * use their own fallbacks when configured; everything but a bad request then uses the general ones (the request's,
 * the group's, "*", then default_fallbacks). At most max_fallbacks, never the group itself.
 */
export function fallbackPlan(
  group: string,
  error: SwitchyardError,
  request: FallbackRequest,
  options: RouterOptions,
): readonly string[] {
  if (request.disableFallbacks || options.maxFallbacks === 0) return [];
  let plan: readonly string[] | undefined;
  if (error.kind === 'context_window_exceeded') plan = configured(options.contextWindowFallbacks, group);
  else if (error.kind === 'content_policy') plan = configured(options.contentPolicyFallbacks, group);
  else if (error.kind === 'bad_request' || error.kind === 'payload_too_large') return [];
  plan ??= request.fallbacks ?? configured(options.fallbacks, group) ?? options.defaultFallbacks;
  const unique: string[] = [];
  for (const name of plan) if (name !== group && !unique.includes(name)) unique.push(name);
  return unique.slice(0, options.maxFallbacks);
}

/** Whether a content-policy fallback exists for the group (then content-policy errors are not retried). */
export function hasContentPolicyFallback(group: string, request: FallbackRequest, options: RouterOptions): boolean {
  return !request.disableFallbacks && (configured(options.contentPolicyFallbacks, group)?.length ?? 0) > 0;
}
