import { managementErrors } from './management-errors.js';

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/** `now` plus a LiteLLM duration ("30s", "1h", "30d", "2w", "1mo"; months are calendar months). */
export function addDuration(now: Date, duration: string): Date {
  const match = /^(\d+)(mo|s|m|h|d|w)$/.exec(duration);
  if (match === null) throw managementErrors.invalid('duration', `Invalid "duration": "${duration}".`);
  const value = Number(match[1]);
  const unit = match[2] as keyof typeof UNIT_MS | 'mo';
  if (unit !== 'mo') return new Date(now.getTime() + value * UNIT_MS[unit]);
  const next = new Date(now);
  next.setUTCMonth(next.getUTCMonth() + value);
  return next;
}

/**
 * The key's expiry from `expires` (a date-time) or `duration` (relative to now); undefined when neither was sent,
 * null when the one sent was null (no expiry).
 */
export function expiryFrom(input: { duration?: string | null | undefined; expires?: string | null | undefined }, now: Date) {
  if (input.duration !== undefined && input.expires !== undefined) {
    throw managementErrors.invalid('duration', 'Send either "duration" or "expires", not both.');
  }
  if (input.expires !== undefined) return input.expires === null ? null : new Date(input.expires);
  if (input.duration !== undefined) return input.duration === null ? null : addDuration(now, input.duration);
  return undefined;
}
