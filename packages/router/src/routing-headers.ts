import type { RoutingOutcome } from './execution/route-options.js';
import { RoutingError } from './execution/routing-error.js';

/**
 * The `x-switchyard-*` response headers for a routed request: which deployment served it, how many upstream calls
 * it took and how many fallback groups were tried. For a failure, only the attempt and fallback counts.
 */
export function routingHeaders(outcome: RoutingOutcome | RoutingError): Record<string, string> {
  if (outcome instanceof RoutingError) {
    return { 'x-switchyard-attempts': String(outcome.attempts), 'x-switchyard-fallbacks': String(outcome.fallbacks) };
  }
  return {
    'x-switchyard-deployment': outcome.deployment.id,
    'x-switchyard-model-group': outcome.deployment.modelGroup,
    'x-switchyard-provider': outcome.deployment.provider,
    'x-switchyard-attempts': String(outcome.attempts),
    'x-switchyard-fallbacks': String(outcome.fallbacks),
  };
}
