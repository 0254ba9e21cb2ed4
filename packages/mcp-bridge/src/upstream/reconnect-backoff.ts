export interface ReconnectBackoff {
  /** Wait after the first failed connection attempt. */
  initialDelayMs: number;
  /** The longest wait between attempts. */
  maxDelayMs: number;
}

export const defaultReconnectBackoff: ReconnectBackoff = { initialDelayMs: 500, maxDelayMs: 30_000 };

/** Milliseconds to wait before the next attempt after `failures` consecutive failed attempts (1, 2, ...). */
export function reconnectDelay(failures: number, backoff: ReconnectBackoff): number {
  if (failures <= 0) return 0;
  const exponent = Math.min(failures - 1, 30);
  return Math.min(backoff.maxDelayMs, backoff.initialDelayMs * 2 ** exponent);
}
