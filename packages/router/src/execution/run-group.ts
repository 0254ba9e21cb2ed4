import { SwitchyardError, toSwitchyardError, type CallOptions } from '@switchyard/core';
import type { Deployment } from '../deployments/deployment.js';
import type { ModelGroup } from '../deployments/model-group.js';
import type { ResolvedModel } from '../deployments/model-registry.js';
import { fillWildcards } from '../deployments/wildcard-pattern.js';
import { backoffDelayMs } from '../reliability/backoff.js';
import { hasContentPolicyFallback } from '../reliability/fallback-plan.js';
import { shouldRetry } from '../reliability/retry-rule.js';
import type { AcquiredCounts } from '../state/router-state.js';
import { CallTracker } from './call-tracker.js';
import type { RequestRun, RoutableRequest } from './request-run.js';

export type GroupOutcome<Result> =
  | { ok: true; value: Result; deployment: Deployment; model: string }
  | { ok: false; error: SwitchyardError };

function abortError(signal: AbortSignal): SwitchyardError {
  return toSwitchyardError(signal.reason ?? Object.assign(new Error('aborted'), { name: 'AbortError' }));
}

/** Returned by `claim` when another instance took a deployment's last unit of a limit first: pick again. */
const lostRace = -2;

/**
 * Picks the next deployment and counts the call against it. With in-process state nothing between the decision
 * and the count awaits, so concurrent requests cannot both take a deployment's last unit of capacity; a shared
 * state re-checks the limits after its atomic increment instead. A retry that can only go back to a deployment
 * this request already tried waits first (exponential backoff with jitter, at least the upstream's retry-after);
 * one that reaches a fresh deployment does not. -1 when nothing is eligible or the wait would be too long.
 */
async function claim(
  run: RequestRun<RoutableRequest, unknown>,
  group: ModelGroup,
  lastError: SwitchyardError | undefined,
  retriesDone: number,
): Promise<number> {
  const { engine, context } = run;
  const { state, selector, clock } = engine;
  const refreshed = state.refresh(group.start, group.end, clock.now());
  if (refreshed !== undefined) await refreshed;
  let slot = selector.select(group, context, clock.now());
  if (slot >= 0 && lastError !== undefined && context.tried.includes(slot)) {
    const { options, random } = engine;
    const wait = backoffDelayMs(retriesDone - 1, lastError.retryAfterMs, options.minRetryWaitMs, options.backoff, random);
    if (wait === undefined) return -1;
    await clock.sleep(wait, run.options.signal);
    const again = state.refresh(group.start, group.end, clock.now());
    if (again !== undefined) await again;
    slot = selector.select(group, context, clock.now());
  }
  if (slot < 0) return -1;
  const now = clock.now();
  const acquired = state.acquire(slot, now);
  if (acquired === undefined) return slot;
  const counts = await acquired;
  return (await withinLimits(run, engine.deployments[slot] as Deployment, counts, now)) ? slot : lostRace;
}

/** After a shared increment: whether this call still fits the deployment's limits, else undoes the increment. */
async function withinLimits(
  run: RequestRun<RoutableRequest, unknown>,
  deployment: Deployment,
  counts: AcquiredCounts,
  now: number,
): Promise<boolean> {
  const { state } = run.engine;
  const slot = deployment.slot;
  const overRpm = deployment.rpm > 0 && counts.requestsThisMinute > deployment.rpm;
  const overParallel = deployment.maxParallelRequests > 0 && counts.inFlight > deployment.maxParallelRequests;
  if (!overRpm && !overParallel) return true;
  const cancelled = state.cancel(slot, now);
  if (cancelled !== undefined) await cancelled;
  run.context.blocked.push(slot);
  return false;
}

function upstreamRequest<Request extends RoutableRequest>(base: Request, deployment: Deployment, model: string): Request {
  const request: Record<string, unknown> = { ...(base as unknown as Record<string, unknown>), model };
  const defaults = deployment.requestDefaults;
  if (defaults !== undefined) {
    for (const key in defaults) if (request[key] === undefined) request[key] = defaults[key];
  }
  return request as Request;
}

function callOptions(run: RequestRun<RoutableRequest, unknown>, deployment: Deployment): CallOptions {
  const { options, engine } = run;
  const stream = run.operation.stream;
  const timeoutMs =
    options.timeoutMs ??
    (stream ? (deployment.streamTimeoutMs ?? engine.options.streamTimeoutMs) : undefined) ??
    deployment.timeoutMs ??
    engine.options.timeoutMs;
  const result: CallOptions = {};
  if (options.signal !== undefined) result.signal = options.signal;
  if (timeoutMs !== undefined) result.timeoutMs = timeoutMs;
  if (options.forwardHeaders !== undefined) result.headers = options.forwardHeaders;
  if (options.requestId !== undefined) result.requestId = options.requestId;
  return result;
}

function untriedLeft(run: RequestRun<RoutableRequest, unknown>, group: ModelGroup): boolean {
  for (let slot = group.start; slot < group.end; slot++) if (!run.context.tried.includes(slot)) return true;
  return false;
}

/** Calls one deployment; records the attempt, and on failure counts it (and maybe cools the deployment down). */
async function attempt<Request extends RoutableRequest, Result>(
  run: RequestRun<Request, Result>,
  deployment: Deployment,
  model: string,
): Promise<Result> {
  const tracker = new CallTracker(run.engine, deployment, run.operation.stream);
  run.context.tried.push(deployment.slot);
  run.context.blocked.length = 0;
  const record = { deployment: deployment.id, modelGroup: deployment.modelGroup, provider: deployment.providerId, model };
  run.history.push(record);
  const request = upstreamRequest(run.base, deployment, model);
  try {
    return await run.operation.call(deployment, request, callOptions(run, deployment), tracker, run.context);
  } catch (thrown) {
    const signal = run.options.signal;
    if (signal?.aborted) {
      tracker.abandon();
      throw abortError(signal);
    }
    const error = toSwitchyardError(thrown);
    Object.assign(record, { error: error.kind }, error.upstreamStatus === undefined ? {} : { status: error.upstreamStatus });
    await tracker.fail(error);
    throw error;
  }
}

/** Tries one model group: picks, calls, and retries by the retry rules until it succeeds or gives up. */
export async function runGroup<Request extends RoutableRequest, Result>(
  run: RequestRun<Request, Result>,
  resolved: ResolvedModel,
): Promise<GroupOutcome<Result>> {
  const group = resolved.group;
  const generic = run as unknown as RequestRun<RoutableRequest, unknown>;
  let retriesDone = 0;
  let lastError: SwitchyardError | undefined;
  for (;;) {
    const signal = run.options.signal;
    if (signal?.aborted) throw abortError(signal);
    const slot = await claim(generic, group, lastError, retriesDone);
    if (slot === lostRace) continue;
    if (slot < 0) return { ok: false, error: lastError ?? selectionError(run) };
    const deployment = run.engine.deployments[slot] as Deployment;
    const model = fillWildcards(deployment.upstreamModel, resolved.captures);
    try {
      const value = await attempt(run, deployment, model);
      return { ok: true, value, deployment, model };
    } catch (thrown) {
      if (signal?.aborted) throw thrown;
      lastError = thrown as SwitchyardError;
    }
    const retry = shouldRetry(
      {
        error: lastError,
        modelGroup: group.name,
        retriesDone,
        untriedLeft: untriedLeft(generic, group),
        contentPolicyFallback: hasContentPolicyFallback(group.name, run.fallbackRequest, run.engine.options),
        requestRetries: run.requestRetries,
      },
      run.engine.options,
    );
    if (!retry) return { ok: false, error: lastError };
    retriesDone++;
  }
}

function selectionError(run: RequestRun<RoutableRequest, unknown>): SwitchyardError {
  const failure = run.context.failure;
  if (failure === undefined) return new SwitchyardError('internal', 'The router found no deployment.');
  return new SwitchyardError(failure.kind, failure.message, failure.retryAfterMs === undefined ? {} : { retryAfterMs: failure.retryAfterMs });
}
