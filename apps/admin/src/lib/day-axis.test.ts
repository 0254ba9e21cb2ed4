import { describe, expect, it } from 'vitest';
import { dayIncrs, dayLabel, daySplits } from './day-axis';

const at = (iso: string) => Date.parse(iso) / 1000;

describe('day axis', () => {
  it('puts one tick on each UTC midnight of the range', () => {
    expect(daySplits(at('2026-11-21T00:00:00Z'), at('2026-11-27T00:00:00Z'), dayIncrs[0]!).map(dayLabel)).toEqual(['Nov 21', 'Nov 22', 'Nov 23', 'Nov 24', 'Nov 25', 'Nov 26', 'Nov 27']);
  });

  it('starts at the first whole day and steps by the increment uPlot found', () => {
    const splits = daySplits(at('2026-11-01T06:00:00Z'), at('2026-11-30T00:00:00Z'), 7 * 86_400);
    expect(splits.map(dayLabel)).toEqual(['Nov 2', 'Nov 9', 'Nov 16', 'Nov 23', 'Nov 30']);
  });

  it('never ticks more often than daily, even when handed an hourly increment', () => {
    expect(daySplits(at('2026-11-21T00:00:00Z'), at('2026-11-23T00:00:00Z'), 3600)).toHaveLength(3);
  });

  it('labels the date alone, in UTC', () => {
    expect(dayLabel(at('2026-11-21T00:00:00Z'))).toBe('Nov 21');
    expect(dayLabel(at('2026-12-31T23:59:59Z'))).toBe('Dec 31');
  });
});
