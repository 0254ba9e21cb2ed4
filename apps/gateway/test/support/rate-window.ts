import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Rate limits count per calendar minute (60 s windows from the epoch). A test that needs all its requests in one
 * window waits, when fewer than `marginMs` are left in the current one, for the next to begin.
 */
export async function withinOneRateWindow(marginMs = 15_000): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < marginMs) await sleep(left + 100);
}
