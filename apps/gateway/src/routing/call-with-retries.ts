import { toSwitchyardError, type SwitchyardError } from '@switchyard/core';
import type { Deployment, ModelGroup } from '../models/deployment.js';

export interface RetryPolicy {
  /** Retries after the first attempt. */
  numRetries: number;
  /** An upstream retry-after longer than this is not waited for: the error goes back to the client at once. */
  maxRetryAfterMs: number;
  /** Back-off before retrying the same deployment when the upstream gave no retry-after (doubles each time). */
  baseDelayMs: number;
}

export type AttemptResult<T> =
  | { ok: true; value: T; deployment: Deployment; attempts: number }
  | { ok: false; error: SwitchyardError; deployment: Deployment; attempts: number };

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}

/** How long to wait before the next attempt, or undefined when retrying cannot help. */
function retryDelay(error: SwitchyardError, attempt: number, switching: boolean, policy: RetryPolicy): number | undefined {
  if (!error.retryable) return undefined;
  if (error.retryAfterMs !== undefined) return error.retryAfterMs > policy.maxRetryAfterMs ? undefined : error.retryAfterMs;
  return switching ? 0 : policy.baseDelayMs * 2 ** attempt;
}

/**
 * The gateway's small retry loop (the router package replaces it): tries the group's deployments in turn,
 * starting round-robin, retrying retryable failures up to `numRetries` times and honouring retry-after up to a cap.
 * Stops as soon as the client is gone (`signal`).
 */
export async function callWithRetries<T>(
  group: ModelGroup,
  policy: RetryPolicy,
  signal: AbortSignal,
  attempt: (deployment: Deployment) => Promise<T>,
): Promise<AttemptResult<T>> {
  const deployments = group.deployments;
  let index = group.cursor;
  group.cursor = (group.cursor + 1) % deployments.length;
  for (let attempts = 1; ; attempts++) {
    const deployment = deployments[index % deployments.length]!;
    try {
      return { ok: true, value: await attempt(deployment), deployment, attempts };
    } catch (thrown) {
      const error = toSwitchyardError(thrown);
      const switching = deployments.length > 1;
      const delay = attempts > policy.numRetries || signal.aborted ? undefined : retryDelay(error, attempts - 1, switching, policy);
      if (delay === undefined) return { ok: false, error, deployment, attempts };
      await sleep(delay, signal);
      if (signal.aborted) return { ok: false, error, deployment, attempts };
      index++;
    }
  }
}
