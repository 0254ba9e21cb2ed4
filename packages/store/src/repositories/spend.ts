import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Database } from '../database.js';
import { dailySpend, spendLogs, virtualKeys } from '../schema/index.js';
import { StoreError } from '../store-error.js';
import { listSpendLogs, type SpendLogQuery } from './spend-log-query.js';
import { recordSpend, type SpendLogInput } from './spend-record.js';
import { spendReport, topSpenders, type SpendReportQuery, type TopSpendersQuery } from './spend-report.js';

export interface KeyBudgetStatus {
  keyId: string;
  keyAlias: string | null;
  /** Spend of the current budget period. */
  spend: number;
  /** Everything the key has spent, from the daily roll-ups. */
  lifetimeSpend: number;
  maxBudget: number | null;
  softBudget: number | null;
  /** `maxBudget - spend`, never below 0; null without a budget. */
  remaining: number | null;
  exceeded: boolean;
  softExceeded: boolean;
  budgetDuration: string | null;
  budgetResetAt: Date | null;
}

async function keyBudget(db: Database, keyId: string): Promise<KeyBudgetStatus> {
  const lifetime = db
    .select({ cost: sql`coalesce(sum(${dailySpend.cost}), 0)`.as('cost') })
    .from(dailySpend)
    .where(and(eq(dailySpend.scope, 'key'), eq(dailySpend.scopeId, virtualKeys.keyHash)));
  const [row] = await db
    .select({
      key: virtualKeys,
      lifetimeSpend: sql<number>`(${lifetime})`.mapWith(Number),
    })
    .from(virtualKeys)
    .where(eq(virtualKeys.id, keyId));
  if (row === undefined) throw new StoreError('not_found', `virtual_key ${keyId} not found`);
  const { key, lifetimeSpend } = row;
  return {
    keyId: key.id,
    keyAlias: key.keyAlias,
    spend: key.spend,
    lifetimeSpend,
    maxBudget: key.maxBudget,
    softBudget: key.softBudget,
    remaining: key.maxBudget === null ? null : Math.max(0, key.maxBudget - key.spend),
    exceeded: key.maxBudget !== null && key.spend >= key.maxBudget,
    softExceeded: key.softBudget !== null && key.spend >= key.softBudget,
    budgetDuration: key.budgetDuration,
    budgetResetAt: key.budgetResetAt,
  };
}

/** Deletes logs that started before `before`, `batchSize` rows a statement, so memory stays flat. Roll-ups stay. */
async function deleteLogsBefore(db: Database, before: Date, batchSize = 5000): Promise<number> {
  let deleted = 0;
  for (;;) {
    const batch = db
      .select({ requestId: spendLogs.requestId })
      .from(spendLogs)
      .where(lt(spendLogs.startedAt, before))
      .limit(batchSize);
    const rows = await db.delete(spendLogs).where(inArray(spendLogs.requestId, batch)).returning({ id: spendLogs.requestId });
    deleted += rows.length;
    if (rows.length < batchSize) return deleted;
  }
}

/** Spend logs (write in batches, read with filters), daily reports, top spenders and key budgets. */
export function createSpendRepository(db: Database) {
  return {
    /** Idempotent per request id; updates roll-ups and spend counters only for rows really inserted. */
    record: (logs: readonly SpendLogInput[]) => recordSpend(db, logs),
    logs: (query: SpendLogQuery = {}) => listSpendLogs(db, query),
    report: (query: SpendReportQuery) => spendReport(db, query),
    topSpenders: (query: TopSpendersQuery) => topSpenders(db, query),
    keyBudget: (keyId: string) => keyBudget(db, keyId),
    deleteLogsBefore: (before: Date, batchSize?: number) => deleteLogsBefore(db, before, batchSize),
  };
}

export type SpendRepository = ReturnType<typeof createSpendRepository>;
