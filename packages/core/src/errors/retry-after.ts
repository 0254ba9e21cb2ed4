/**
 * Parses `retry-after-ms` or `retry-after` (seconds or an HTTP date) into milliseconds.
 * Returns undefined when neither header holds a usable value.
 */
export function parseRetryAfter(
  retryAfter: string | undefined | null,
  retryAfterMs?: string | undefined | null,
  now: number = Date.now(),
): number | undefined {
  if (retryAfterMs) {
    const ms = Number(retryAfterMs);
    if (Number.isFinite(ms) && ms >= 0) return ms;
  }
  if (!retryAfter) return undefined;
  if (/^\s*[-+]?[\d.]+\s*$/.test(retryAfter)) {
    const seconds = Number(retryAfter);
    return Number.isFinite(seconds) && seconds >= 0 ? Math.round(seconds * 1000) : undefined;
  }
  const date = Date.parse(retryAfter);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Formats milliseconds as a `retry-after` header value (whole seconds, rounded up). */
export function formatRetryAfter(ms: number): string {
  return String(Math.max(0, Math.ceil(ms / 1000)));
}
