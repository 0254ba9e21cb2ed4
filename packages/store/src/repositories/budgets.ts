import { and, eq, isNotNull, lte } from 'drizzle-orm';
import { nextBudgetResetAt } from '../budget/budget-reset.js';
import type { Database } from '../database.js';
import { endUsers, organisations, teams, users, virtualKeys } from '../schema/index.js';
import type { GovernedTable } from './governed-entity.js';
import type { BudgetClock } from './limits.js';

type ResetTable = GovernedTable & typeof teams;

const governedTables = {
  organisations,
  teams,
  users,
  endUsers,
  keys: virtualKeys,
} as unknown as Record<string, ResetTable>;

export interface BudgetResetResult {
  /** Rows reset per entity kind (organisations, teams, users, endUsers, keys). */
  reset: Record<string, number>;
  /** Stored durations that do not parse; their rows are left alone. */
  invalidDurations: string[];
}

async function resetTable(db: Database, table: ResetTable, now: Date, timeZone: string, invalid: Set<string>) {
  const due = and(isNotNull(table.budgetDuration), lte(table.budgetResetAt, now));
  const durations = await db.selectDistinct({ duration: table.budgetDuration }).from(table).where(due);
  let count = 0;
  for (const { duration } of durations) {
    if (duration === null) continue;
    let next: Date;
    try {
      next = nextBudgetResetAt(duration, now, timeZone);
    } catch {
      invalid.add(duration);
      continue;
    }
    const rows = await db
      .update(table)
      .set({ spend: 0, budgetResetAt: next })
      .where(and(due, eq(table.budgetDuration, duration)))
      .returning({ id: table.id });
    count += rows.length;
  }
  return count;
}

/**
 * Budget periods: every entity whose `budget_reset_at` has passed gets `spend = 0` and its next calendar-aligned
 * reset. All rows due with the same duration share the next boundary, so it is one UPDATE per duration.
 * Run it from a timer (LiteLLM: every ~10 minutes); it is idempotent.
 */
export function createBudgetRepository(db: Database, clock: BudgetClock) {
  return {
    async resetDue(now: Date = clock.now()): Promise<BudgetResetResult> {
      const invalid = new Set<string>();
      const reset: Record<string, number> = {};
      for (const [name, table] of Object.entries(governedTables)) {
        reset[name] = await resetTable(db, table, now, clock.timeZone, invalid);
      }
      return { reset, invalidDurations: [...invalid] };
    },
  };
}

export type BudgetRepository = ReturnType<typeof createBudgetRepository>;
