import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextBudgetResetAt, parseBudgetDuration } from './budget-reset.js';
import { wallClockAt } from './zoned-time.js';

const at = (iso: string) => new Date(iso);
const next = (duration: string, now: string, timeZone?: string) => nextBudgetResetAt(duration, at(now), timeZone).toISOString();

describe('nextBudgetResetAt in UTC', () => {
  it('resets daily budgets at the next midnight', () => {
    expect(next('1d', '2026-03-10T15:30:00Z')).toBe('2026-03-11T00:00:00.000Z');
    expect(next('1d', '2026-03-10T00:00:00Z')).toBe('2026-03-11T00:00:00.000Z');
    expect(next('1d', '2026-12-31T23:59:59Z')).toBe('2027-01-01T00:00:00.000Z');
  });

  it('resets weekly budgets on the next Monday at midnight', () => {
    expect(next('7d', '2026-03-11T09:00:00Z')).toBe('2026-03-16T00:00:00.000Z'); // a Wednesday
    expect(next('1w', '2026-03-15T23:00:00Z')).toBe('2026-03-16T00:00:00.000Z'); // a Sunday
    expect(next('7d', '2026-03-16T00:00:00Z')).toBe('2026-03-23T00:00:00.000Z'); // a Monday: the next one
    expect(next('2w', '2026-03-11T09:00:00Z')).toBe('2026-03-23T00:00:00.000Z');
  });

  it('resets monthly budgets on the 1st at midnight', () => {
    expect(next('30d', '2026-03-10T15:30:00Z')).toBe('2026-04-01T00:00:00.000Z');
    expect(next('1mo', '2026-01-31T10:00:00Z')).toBe('2026-02-01T00:00:00.000Z');
    expect(next('1mo', '2026-12-15T00:00:00Z')).toBe('2027-01-01T00:00:00.000Z');
    expect(next('3mo', '2026-11-02T00:00:00Z')).toBe('2027-02-01T00:00:00.000Z');
  });

  it('counts other day counts from midnight today', () => {
    expect(next('3d', '2026-03-10T15:30:00Z')).toBe('2026-03-13T00:00:00.000Z');
  });

  it('aligns seconds, minutes and hours to multiples since midnight', () => {
    expect(next('15m', '2026-03-10T10:07:30Z')).toBe('2026-03-10T10:15:00.000Z');
    expect(next('15m', '2026-03-10T10:15:00Z')).toBe('2026-03-10T10:30:00.000Z');
    expect(next('30s', '2026-03-10T10:07:30Z')).toBe('2026-03-10T10:08:00.000Z');
    expect(next('6h', '2026-03-10T13:00:00Z')).toBe('2026-03-10T18:00:00.000Z');
    expect(next('6h', '2026-03-10T22:00:00Z')).toBe('2026-03-11T00:00:00.000Z');
    expect(next('5h', '2026-03-10T21:00:00Z')).toBe('2026-03-11T00:00:00.000Z');
  });
});

describe('nextBudgetResetAt in a time zone', () => {
  it('uses the zone’s midnight, before and after a DST change', () => {
    expect(next('1d', '2026-03-07T12:00:00Z', 'America/New_York')).toBe('2026-03-08T05:00:00.000Z'); // EST
    expect(next('1d', '2026-03-10T15:30:00Z', 'America/New_York')).toBe('2026-03-11T04:00:00.000Z'); // EDT
  });

  it('uses the zone’s calendar for weeks and months, including half-hour offsets', () => {
    // 2026-01-31T20:00Z is 1 February 01:30 in Kolkata (UTC+5:30).
    expect(next('1mo', '2026-01-31T20:00:00Z', 'Asia/Kolkata')).toBe('2026-02-28T18:30:00.000Z');
    // 2026-03-15T23:30Z is Monday 16 March 00:30 in Berlin: the next Monday is the 23rd.
    expect(next('7d', '2026-03-15T23:30:00Z', 'Europe/Berlin')).toBe('2026-03-22T23:00:00.000Z');
  });

  it('rejects an unknown time zone', () => {
    expect(() => next('1d', '2026-03-10T00:00:00Z', 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('parseBudgetDuration', () => {
  it('reads LiteLLM durations', () => {
    expect(parseBudgetDuration('30s')).toEqual({ value: 30, unit: 's' });
    expect(parseBudgetDuration('1mo')).toEqual({ value: 1, unit: 'mo' });
    expect(parseBudgetDuration(' 7d ')).toEqual({ value: 7, unit: 'd' });
  });

  it.each(['', '0d', 'd', '1.5d', '5x', '-1d', '1 d', '1M'])('rejects %j', (text) => {
    expect(() => parseBudgetDuration(text)).toThrow(expect.objectContaining({ kind: 'invalid' }));
  });
});

describe('nextBudgetResetAt properties', () => {
  const zones = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham'];
  const instants = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });
  const durations = fc.constantFrom('30s', '15m', '1h', '6h', '1d', '3d', '7d', '1w', '2w', '30d', '1mo', '2mo');

  it('is always in the future, and within the period', () => {
    fc.assert(
      fc.property(instants, durations, fc.constantFrom(...zones), (now, duration, zone) => {
        const reset = nextBudgetResetAt(duration, now, zone);
        expect(reset.getTime()).toBeGreaterThan(now.getTime());
        expect(reset.getTime() - now.getTime()).toBeLessThanOrEqual(93 * 86_400_000);
      }),
    );
  });

  it('lands on local midnight next to a half-hour DST change (Lord Howe, found by the property below)', () => {
    const reset = nextBudgetResetAt('1mo', new Date('2090-08-31T13:30:00.000Z'), 'Australia/Lord_Howe');
    const wall = wallClockAt(reset, 'Australia/Lord_Howe');
    expect([wall.month, wall.day, wall.hour, wall.minute]).toEqual([10, 1, 0, 0]);
  });

  it('lands on a midnight of the zone for day, week and month periods', () => {
    fc.assert(
      fc.property(instants, fc.constantFrom('1d', '3d', '7d', '2w', '30d', '1mo'), fc.constantFrom(...zones), (now, duration, zone) => {
        const wall = wallClockAt(nextBudgetResetAt(duration, now, zone), zone);
        // Lord Howe and Chatham have no DST gap at midnight, so midnight always exists there.
        expect([wall.hour, wall.minute, wall.second]).toEqual([0, 0, 0]);
        if (duration === '30d' || duration === '1mo') expect(wall.day).toBe(1);
      }),
    );
  });
});
