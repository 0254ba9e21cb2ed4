import { and, asc, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../database.js';
import { dailySpend, type SpendScope } from '../schema/index.js';
import { StoreError } from '../store-error.js';
import type { SpendCounts } from './spend-rollup.js';

export type ReportDimension = 'day' | 'scopeId' | 'modelGroup' | 'provider';

export interface SpendReportQuery {
  /** Whose roll-ups: `global` (default) covers every request. */
  scope?: SpendScope;
  /** One key hash, team, user, … of the scope; all of them when absent. */
  scopeId?: string;
  /** First and last UTC day, inclusive, `YYYY-MM-DD`. */
  from: string;
  to: string;
  groupBy: ReportDimension[];
  modelGroup?: string;
}

export interface SpendTotals extends SpendCounts {
  cost: number;
}

export type SpendReportRow = SpendTotals & Partial<Record<ReportDimension, string>>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const dimensionColumns: Record<ReportDimension, PgColumn> = {
  day: dailySpend.day,
  scopeId: dailySpend.scopeId,
  modelGroup: dailySpend.modelGroup,
  provider: dailySpend.provider,
};

const total = (column: PgColumn) => sql<number>`coalesce(sum(${column}), 0)`.mapWith(Number);

export const totals = {
  cost: total(dailySpend.cost),
  requests: total(dailySpend.requests),
  successfulRequests: total(dailySpend.successfulRequests),
  failedRequests: total(dailySpend.failedRequests),
  cacheHits: total(dailySpend.cacheHits),
  promptTokens: total(dailySpend.promptTokens),
  completionTokens: total(dailySpend.completionTokens),
  cachedTokens: total(dailySpend.cachedTokens),
  reasoningTokens: total(dailySpend.reasoningTokens),
};

export function assertDayRange(from: string, to: string): void {
  if (!DAY.test(from) || !DAY.test(to)) throw new StoreError('invalid', 'report days are YYYY-MM-DD');
  if (from > to) throw new StoreError('invalid', `report range ${from}..${to} is empty`);
}

/** Roll-up rows of one scope over a day range: the index `daily_spend (scope, day)` or the unique key. */
export function dailyRange(scope: SpendScope, from: string, to: string, extra: Array<SQL | undefined> = []) {
  assertDayRange(from, to);
  return and(eq(dailySpend.scope, scope), gte(dailySpend.day, from), lte(dailySpend.day, to), ...extra);
}

/** Spend over a day range from the daily roll-ups, grouped by any of day, scope id, model group and provider. */
export async function spendReport(db: Database, query: SpendReportQuery): Promise<SpendReportRow[]> {
  const scope = query.scope ?? 'global';
  const groups = [...new Set(query.groupBy)];
  const selection: Record<string, PgColumn | SQL.Aliased | SQL> = { ...totals };
  for (const dimension of groups) selection[dimension] = dimensionColumns[dimension];
  const where = dailyRange(scope, query.from, query.to, [
    query.scopeId === undefined ? undefined : eq(dailySpend.scopeId, query.scopeId),
    query.modelGroup === undefined ? undefined : eq(dailySpend.modelGroup, query.modelGroup),
  ]);
  const columns = groups.map((dimension) => dimensionColumns[dimension]);
  const rows = await db
    .select(selection)
    .from(dailySpend)
    .where(where)
    .groupBy(...columns)
    .orderBy(...columns.map((column) => asc(column)));
  return rows as unknown as SpendReportRow[];
}

export interface TopSpendersQuery {
  scope: Exclude<SpendScope, 'global'>;
  from: string;
  to: string;
  /** Default 10, at most 1000. */
  limit?: number;
}

export type TopSpender = SpendTotals & { scopeId: string };

/** The biggest spenders of a scope over a day range, most expensive first. */
export async function topSpenders(db: Database, query: TopSpendersQuery): Promise<TopSpender[]> {
  const limit = Math.min(1000, Math.max(1, Math.trunc(query.limit ?? 10)));
  return db
    .select({ scopeId: dailySpend.scopeId, ...totals })
    .from(dailySpend)
    .where(dailyRange(query.scope, query.from, query.to))
    .groupBy(dailySpend.scopeId)
    .orderBy(desc(totals.cost), asc(dailySpend.scopeId))
    .limit(limit);
}
