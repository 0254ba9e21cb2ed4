import type { OutgoingHttpHeaders } from 'node:http';
import type { LimitRefusal, RateLimitState } from '@switchyard/governance';

/** OpenAI writes reset times as durations ("1s", "6m0s"); the limiter's windows are whole minutes. */
function resetIn(resetAt: number, now: number): string {
  const seconds = Math.max(0, Math.ceil((resetAt - now) / 1000));
  if (seconds >= 3600) return `${Math.floor(seconds / 3600)}h${Math.floor((seconds % 3600) / 60)}m${seconds % 60}s`;
  return seconds >= 60 ? `${Math.floor(seconds / 60)}m${seconds % 60}s` : `${seconds}s`;
}

/**
 * The x-ratelimit-* headers of the tightest governed scope (key, team, user, ...), in OpenAI's names; they replace
 * an upstream's headers of the same name, which describe the provider account rather than the caller.
 */
export function setRateLimitHeaders(headers: OutgoingHttpHeaders, state: RateLimitState, now = Date.now()): void {
  if (state.limitRequests !== undefined) {
    headers['x-ratelimit-limit-requests'] = String(state.limitRequests);
    headers['x-ratelimit-remaining-requests'] = String(state.remainingRequests ?? 0);
    headers['x-ratelimit-reset-requests'] = resetIn(state.resetAt, now);
  }
  if (state.limitTokens !== undefined) {
    headers['x-ratelimit-limit-tokens'] = String(state.limitTokens);
    headers['x-ratelimit-remaining-tokens'] = String(state.remainingTokens ?? 0);
    headers['x-ratelimit-reset-tokens'] = resetIn(state.resetAt, now);
  }
}

const refusalHeaderSuffix = { rpm: 'requests', tpm: 'tokens', budget: 'budget' } as const;

/**
 * The headers of a limiter's 429, besides retry-after: the refusing limit as `x-ratelimit-limit-<requests|tokens|
 * budget>` with remaining 0 and its reset, as OpenAI answers a rate limit. A budget refusal also says
 * `x-should-retry: false`: the official clients would otherwise retry at once, and it cannot pass before the
 * period ends. A max_parallel_requests refusal has no OpenAI header; its retry-after (1 s) is enough.
 */
export function limitRefusalHeaders(refused: LimitRefusal, now = Date.now()): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  if (refused.refusal === 'parallel') return headers;
  const suffix = refusalHeaderSuffix[refused.refusal];
  headers[`x-ratelimit-limit-${suffix}`] = String(refused.limit);
  headers[`x-ratelimit-remaining-${suffix}`] = '0';
  if (refused.resetAt !== undefined) headers[`x-ratelimit-reset-${suffix}`] = resetIn(refused.resetAt, now);
  if (refused.refusal === 'budget') headers['x-should-retry'] = 'false';
  return headers;
}
