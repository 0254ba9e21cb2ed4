import { describe, expect, it } from 'vitest';
import { budgetShare, formatBudget, formatDuration, formatUsd, utcDay } from './format';

describe('format', () => {
  it('shows dollars with cents, small amounts to three significant digits', () => {
    expect([formatUsd(12.345), formatUsd(0.5), formatUsd(0.000123), formatUsd(0), formatUsd(undefined)]).toEqual(['$12.35', '$0.50', '$0.000123', '$0.00', '—']);
  });

  it('shows durations in ms, s and min', () => {
    expect([formatDuration(850), formatDuration(1250), formatDuration(2000), formatDuration(125_000), formatDuration(undefined)]).toEqual(['850 ms', '1.25 s', '2 s', '2 min 5 s', '—']);
  });

  it('tells spend against budget', () => {
    expect(formatBudget(1.2, 5)).toBe('$1.20 of $5.00');
    expect(formatBudget(1.2, undefined)).toBe('$1.20 (no budget)');
    expect([budgetShare(1, 4), budgetShare(1, undefined), budgetShare(0, 0), budgetShare(1, 0)]).toEqual([0.25, undefined, 1, Infinity]);
  });

  it('names UTC days', () => {
    expect(utcDay(new Date('2026-11-27T23:30:00-05:00'))).toBe('2026-11-28');
  });
});
