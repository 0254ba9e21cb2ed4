import { SwitchyardError } from '@switchyard/core';
import { fallbackPlan } from '../reliability/fallback-plan.js';
import type { RequestRun, RoutableRequest } from './request-run.js';
import type { RoutingOutcome } from './route-options.js';
import { RoutingError } from './routing-error.js';
import { runGroup, type GroupOutcome } from './run-group.js';

export interface Routed<Result> extends RoutingOutcome {
  value: Result;
}

function routed<Result>(run: RequestRun<RoutableRequest, Result>, outcome: GroupOutcome<Result>, fallbacks: number): Routed<Result> {
  if (!outcome.ok) throw outcome.error;
  const { deployment } = outcome;
  return {
    value: outcome.value,
    deployment: { id: deployment.id, modelGroup: deployment.modelGroup, provider: deployment.providerId, model: outcome.model },
    attempts: run.history.length,
    fallbacks,
    history: run.history,
  };
}

/**
 * Routes a request: its model group first (with retries), then, if that fails, each fallback group in turn (each
 * with its own retries). Fails with the requested group's error, as a RoutingError carrying every attempt.
 */
export async function routeRequest<Request extends RoutableRequest, Result>(
  run: RequestRun<Request, Result>,
): Promise<Routed<Result>> {
  const { registry, options } = run.engine;
  const resolved = registry.resolve(run.base.model);
  if (resolved === undefined) {
    throw new SwitchyardError('not_found', `The model "${run.base.model}" does not exist or is not served here.`, {
      param: 'model',
    });
  }
  const first = await runGroup(run, resolved);
  if (first.ok) return routed(run, first, 0);
  const plan = fallbackPlan(resolved.group.name, first.error, run.fallbackRequest, options);
  let fallbacks = 0;
  for (const name of plan) {
    const target = registry.resolve(name);
    if (target === undefined || target.group === resolved.group) continue;
    fallbacks++;
    const outcome = await runGroup(run, target);
    if (outcome.ok) return routed(run, outcome, fallbacks);
  }
  throw new RoutingError(first.error, run.history, fallbacks);
}
