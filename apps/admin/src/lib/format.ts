const usdLarge = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const usdSmall = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumSignificantDigits: 3 });
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Dollars: cents from one cent up, three significant digits below (a request often costs $0.000123). */
export function formatUsd(amount: number | undefined): string {
  if (amount === undefined) return '—';
  if (amount === 0) return '$0.00';
  return Math.abs(amount) >= 0.01 ? usdLarge.format(amount) : usdSmall.format(amount);
}

export function formatCount(count: number | undefined): string {
  return count === undefined ? '—' : integer.format(count);
}

/** `850 ms`, `1.25 s`, `2 min 5 s`. */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2).replace(/\.?0+$/, '')} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** A timestamp in the viewer's locale and zone, to the second; the raw text when it is not a date. */
export function formatTime(value: string | undefined): string {
  if (value === undefined) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** "$1.20 of $5.00" or "$1.20 (no budget)". */
export function formatBudget(spend: number | undefined, budget: number | undefined): string {
  if (budget === undefined) return `${formatUsd(spend ?? 0)} (no budget)`;
  return `${formatUsd(spend ?? 0)} of ${formatUsd(budget)}`;
}

/** The share of a budget spent, 0..1 and more when overspent; undefined without a budget. */
export function budgetShare(spend: number | undefined, budget: number | undefined): number | undefined {
  if (budget === undefined) return undefined;
  if (budget <= 0) return (spend ?? 0) > 0 ? Infinity : 1;
  return (spend ?? 0) / budget;
}

/** `YYYY-MM-DD` of a Date in UTC (the spend reports count UTC days). */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function daysAgo(days: number, from: Date = new Date()): Date {
  return new Date(from.getTime() - days * 86_400_000);
}
