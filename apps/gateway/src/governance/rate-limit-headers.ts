import type { OutgoingHttpHeaders } from 'node:http';
import type { RateLimitState } from '@switchyard/governance';

/** OpenAI writes reset times as durations ("1s", "6m0s"); the limiter's windows are whole minutes. */
function resetIn(resetAt: number, now: number): string {
  const seconds = Math.max(0, Math.ceil((resetAt - now) / 1000));
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
