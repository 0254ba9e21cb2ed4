/** Wall-clock fields in a time zone; month is 1-12. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let cached = formatters.get(timeZone);
  if (cached === undefined) {
    cached = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, cached);
  }
  return cached;
}

/** Throws a RangeError for an unknown IANA time zone. */
export function assertTimeZone(timeZone: string): void {
  formatter(timeZone);
}

export function wallClockAt(instant: Date, timeZone: string): WallClock {
  const fields: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields['year'] ?? 0,
    month: fields['month'] ?? 0,
    day: fields['day'] ?? 0,
    hour: fields['hour'] ?? 0,
    minute: fields['minute'] ?? 0,
    second: fields['second'] ?? 0,
  };
}

/** Date.UTC normalises overflowing fields (day 32, hour 24), which the calendar arithmetic below relies on. */
function asUtc(wall: WallClock): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

const dayMs = 86_400_000;

function offsetAt(epochMs: number, timeZone: string): number {
  const floored = Math.floor(epochMs / 1000) * 1000;
  return asUtc(wallClockAt(new Date(floored), timeZone)) - floored;
}

/**
 * The instant a wall-clock time names in a time zone. In a DST gap the time is read with the offset before the
 * change (02:30 that does not exist becomes 03:30); in an overlap the earlier instant wins.
 */
export function instantOf(wall: WallClock, timeZone: string): Date {
  const guess = asUtc(wall);
  // The offsets a day either side are the ones before and after any transition near this wall-clock time.
  const before = guess - offsetAt(guess - dayMs, timeZone);
  const after = guess - offsetAt(guess + dayMs, timeZone);
  const names = (candidate: number): boolean => asUtc(wallClockAt(new Date(candidate), timeZone)) === guess;
  const valid = [before, after].filter(names);
  return new Date(valid.length > 0 ? Math.min(...valid) : before);
}
