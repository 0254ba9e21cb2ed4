import { StoreError } from '../store-error.js';
import { instantOf, wallClockAt, type WallClock } from './zoned-time.js';

export type BudgetDurationUnit = 's' | 'm' | 'h' | 'd' | 'w' | 'mo';

export interface BudgetDuration {
  value: number;
  unit: BudgetDurationUnit;
}

const DURATION = /^([1-9][0-9]{0,5})(s|m|h|d|w|mo)$/;

/** Parses LiteLLM's budget durations: `30s`, `15m`, `6h`, `1d`, `7d`, `30d`, `2w`, `1mo`. */
export function parseBudgetDuration(text: string): BudgetDuration {
  const match = DURATION.exec(text.trim());
  if (match === null) {
    throw new StoreError('invalid', `budget duration "${text}" is not <number><s|m|h|d|w|mo>`);
  }
  return { value: Number(match[1]), unit: match[2] as BudgetDurationUnit };
}

const SECONDS: Record<'s' | 'm' | 'h', number> = { s: 1, m: 60, h: 3600 };
const DAY_SECONDS = 86_400;

function midnightPlusDays(wall: WallClock, days: number): WallClock {
  return { year: wall.year, month: wall.month, day: wall.day + days, hour: 0, minute: 0, second: 0 };
}

function dayOfWeek(wall: WallClock): number {
  return new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay();
}

function nextWallClock(duration: BudgetDuration, wall: WallClock): WallClock {
  const { value, unit } = duration;
  if (unit === 's' || unit === 'm' || unit === 'h') {
    const step = value * SECONDS[unit];
    const sinceMidnight = wall.hour * 3600 + wall.minute * 60 + wall.second;
    const next = (Math.floor(sinceMidnight / step) + 1) * step;
    if (next >= DAY_SECONDS) return midnightPlusDays(wall, 1);
    return { ...midnightPlusDays(wall, 0), second: next };
  }
  if (unit === 'mo' || (unit === 'd' && value === 30)) {
    const months = unit === 'mo' ? value : 1;
    return { year: wall.year, month: wall.month + months, day: 1, hour: 0, minute: 0, second: 0 };
  }
  if (unit === 'w' || (unit === 'd' && value === 7)) {
    const weeks = unit === 'w' ? value : 1;
    const untilMonday = (8 - dayOfWeek(wall)) % 7 || 7;
    return midnightPlusDays(wall, untilMonday + 7 * (weeks - 1));
  }
  return midnightPlusDays(wall, value);
}

/**
 * The next budget reset after `now`, aligned to the calendar in `timeZone` (default UTC), as LiteLLM does:
 * - `Ns`, `Nm`, `Nh`: the next multiple of N seconds, minutes or hours since midnight (at most the next midnight);
 * - `1d`: the next midnight; `7d` and `1w`: the next Monday at midnight (`Nw`: N-1 weeks after it);
 * - `30d` and `1mo`: the 1st of next month at midnight (`Nmo`: N months ahead);
 * - any other `Nd`: midnight today plus N days.
 */
export function nextBudgetResetAt(durationText: string, now: Date, timeZone = 'UTC'): Date {
  const duration = parseBudgetDuration(durationText);
  const wall = wallClockAt(now, timeZone);
  const next = instantOf(nextWallClock(duration, wall), timeZone);
  // A DST gap can map the target back onto `now`; never return a reset that is not in the future.
  return next.getTime() > now.getTime() ? next : new Date(now.getTime() + 1000);
}
