import type { ApiClient } from './api-client';
import { isRow, listOf, number, text, type Row } from '../lib/records';

export type SpendGrouping = 'day' | 'key' | 'team' | 'model';

/** One figure of a spend report: for a day, a name (key, team or model), or both. */
export interface SpendPoint {
  day: string | undefined;
  name: string | undefined;
  spend: number;
  requests: number;
  tokens: number;
}

const nameFields: Record<SpendGrouping, string[]> = {
  day: [],
  key: ['key_alias', 'api_key', 'key', 'token', 'key_hash'],
  team: ['team_alias', 'team_name', 'team_id'],
  model: ['model_group', 'model', 'model_name'],
};
const genericNames = ['name', 'group', 'scope_id', 'scopeId'];
const nestedLists = ['teams', 'keys', 'api_keys', 'models', 'customers', 'users', 'breakdown', 'data'];

function dayOf(row: Row): string | undefined {
  const day = text(row, 'day', 'date', 'group_by_day', 'startTime');
  return day === undefined ? undefined : day.slice(0, 10);
}

function pointOf(row: Row, grouping: SpendGrouping, day: string | undefined): SpendPoint {
  const prompt = number(row, 'prompt_tokens', 'total_input_tokens') ?? 0;
  const completion = number(row, 'completion_tokens', 'total_output_tokens') ?? 0;
  return {
    day: dayOf(row) ?? day,
    name: grouping === 'day' ? undefined : text(row, ...nameFields[grouping], ...genericNames),
    spend: number(row, 'spend', 'total_spend', 'total_cost', 'cost') ?? 0,
    requests: number(row, 'requests', 'api_requests', 'request_count', 'total_requests') ?? 0,
    tokens: number(row, 'total_tokens', 'tokens') ?? prompt + completion,
  };
}

/**
 * Flattens a `/global/spend/report` answer into points. Flat rows (`{day, model, spend, requests}`) are read as
 * they are; LiteLLM's nested rows (`{group_by_day, teams: [{team_name, total_spend}]}`) give one point per inner row.
 */
export function spendPoints(answer: unknown, grouping: SpendGrouping): SpendPoint[] {
  const points: SpendPoint[] = [];
  for (const row of listOf(answer, 'data', 'report', 'rows')) {
    const inner = nestedLists.map((field) => row[field]).find((value) => Array.isArray(value) && value.some(isRow));
    if (Array.isArray(inner)) {
      for (const item of inner.filter(isRow)) points.push(pointOf(item, grouping, dayOf(row)));
    } else {
      points.push(pointOf(row, grouping, undefined));
    }
  }
  return points;
}

/** `perDay` asks for key, team or model rows per day (`per_day=true`, Switchyard's addition to LiteLLM's report). */
export async function spendReport(api: ApiClient, range: { start_date: string; end_date: string }, grouping: SpendGrouping, perDay = false): Promise<SpendPoint[]> {
  const query = { ...range, group_by: grouping, per_day: perDay && grouping !== 'day' ? true : undefined };
  return spendPoints(await api.get('/global/spend/report', query), grouping);
}

export interface NamedTotal {
  name: string;
  spend: number;
  requests: number;
  tokens: number;
}

/** Totals per name, largest spend first. */
export function totalsByName(points: readonly SpendPoint[]): NamedTotal[] {
  const totals = new Map<string, NamedTotal>();
  for (const point of points) {
    const name = point.name ?? '(none)';
    const total = totals.get(name) ?? { name, spend: 0, requests: 0, tokens: 0 };
    total.spend += point.spend;
    total.requests += point.requests;
    total.tokens += point.tokens;
    totals.set(name, total);
  }
  return [...totals.values()].sort((a, b) => b.spend - a.spend || b.requests - a.requests || a.name.localeCompare(b.name));
}

export interface SeriesSet {
  days: string[];
  series: Array<{ name: string; values: number[] }>;
}

/** Every UTC day from `from` to `to` inclusive (`YYYY-MM-DD`). */
export function daySpan(from: string, to: string): string[] {
  const days: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let at = Date.parse(`${from}T00:00:00Z`); at <= end && days.length < 1000; at += 86_400_000) {
    days.push(new Date(at).toISOString().slice(0, 10));
  }
  return days;
}

/**
 * Per-day series of one measure for the `limit` largest names (the rest summed as "other"), zero-filled over
 * `days`. Points without a name make a single "total" series.
 */
export function seriesByName(points: readonly SpendPoint[], days: readonly string[], measure: 'spend' | 'requests', limit = 5): SeriesSet {
  const ranked = totalsByName(points).map((total) => total.name);
  const kept = new Set(ranked.slice(0, limit));
  const index = new Map(days.map((day, position) => [day, position]));
  const series = new Map<string, number[]>();
  for (const point of points) {
    const position = point.day === undefined ? undefined : index.get(point.day);
    if (position === undefined) continue;
    const name = point.name === undefined ? 'total' : kept.has(point.name) ? point.name : 'other';
    const values = series.get(name) ?? days.map(() => 0);
    values[position] = (values[position] ?? 0) + point[measure];
    series.set(name, values);
  }
  const order = [...ranked.filter((name) => kept.has(name)), 'other', 'total'];
  return { days: [...days], series: order.filter((name) => series.has(name)).map((name) => ({ name, values: series.get(name)! })) };
}
