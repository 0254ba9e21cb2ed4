import { getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../database.js';
import { dailySpend, endUsers, organisations, teamMemberships, teams, users, virtualKeys } from '../schema/index.js';
import { insertSpendLogs, type SpendLogInput } from './spend-insert.js';
import { compareText, rollUpDaily, sumSpendCounters, type CountedSpend, type DailySpendRow, type SpendIncrement } from './spend-rollup.js';

export type { SpendLogInput };

export interface RecordSpendResult {
  /** Rows written now. */
  inserted: number;
  /** Rows whose request id was already stored (a retried flush): counted nowhere a second time. */
  duplicates: number;
}

/** 1000 roll-up rows × 14 columns stays well under Postgres' 65,535 bind parameters per statement. */
const CHUNK = 1000;

/**
 * Inserts in request-id order. Two flushes carrying the same request ids wait on each other's uncommitted rows;
 * in one shared order they queue, in different orders they deadlock (seen on Postgres before the sort).
 */
function insertLogs(tx: Database, logs: readonly SpendLogInput[]): Promise<CountedSpend[]> {
  return insertSpendLogs(tx, [...logs].sort((a, b) => compareText(a.requestId, b.requestId)));
}

const added = (column: string) => sql.raw(`"daily_spend"."${column}" + excluded."${column}"`);

async function upsertDaily(tx: Database, rows: readonly DailySpendRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const values = rows.slice(start, start + CHUNK).map((row) => ({ ...row, cost: sql`${row.cost}::numeric` }));
    await tx
      .insert(dailySpend)
      .values(values as unknown as Array<typeof dailySpend.$inferInsert>)
      .onConflictDoUpdate({
        target: [dailySpend.scope, dailySpend.scopeId, dailySpend.day, dailySpend.modelGroup, dailySpend.provider],
        set: {
          requests: added('requests'),
          successfulRequests: added('successful_requests'),
          failedRequests: added('failed_requests'),
          cacheHits: added('cache_hits'),
          promptTokens: added('prompt_tokens'),
          completionTokens: added('completion_tokens'),
          cachedTokens: added('cached_tokens'),
          reasoningTokens: added('reasoning_tokens'),
          cost: added('cost'),
        },
      });
  }
}

/**
 * `spend = spend + v.cost` for the listed rows, after locking them in id order (the materialized CTE), so two
 * flushes touching the same keys or teams queue behind each other instead of deadlocking.
 */
async function addSpend(tx: Database, table: PgTable, idColumns: string[], increments: SpendIncrement[]) {
  if (increments.length === 0) return;
  const name = sql.identifier(getTableName(table));
  const ids = idColumns.map((column) => sql.identifier(column));
  const valueNames = sql.join([...idColumns.map((_, n) => sql.raw(`id${n}`)), sql.raw('cost')], sql`, `);
  const rows = increments.map(
    ({ ids: values, cost }) => sql`(${sql.join([...values.map((value) => sql`${value}::text`), sql`${cost}::numeric`], sql`, `)})`,
  );
  const matches = (alias: string): SQL =>
    sql.join(ids.map((id, n) => sql`${sql.raw(alias)}.${id} = v.${sql.raw(`id${n}`)}`), sql` and `);
  const orderBy = sql.join(ids.map((id) => sql`t.${id}`), sql`, `);
  await tx.execute(sql`
    with v (${valueNames}) as (values ${sql.join(rows, sql`, `)}),
    locked as materialized (
      select ${orderBy} from ${name} as t join v on ${matches('t')} order by ${orderBy} for update of t
    )
    update ${name} as target set spend = target.spend + v.cost
    from v join locked as t on ${matches('t')}
    where ${matches('target')}`);
}

/**
 * Writes a batch of spend logs in one transaction. Request ids already stored are skipped (ON CONFLICT DO
 * NOTHING), and only the rows really inserted go into the daily roll-ups and the spend counters of their key,
 * team, user, organisation, end user and team membership, so a retried flush never counts twice.
 */
export async function recordSpend(db: Database, logs: readonly SpendLogInput[]): Promise<RecordSpendResult> {
  if (logs.length === 0) return { inserted: 0, duplicates: 0 };
  const inserted = await db.transaction(async (tx) => {
    const rows = await insertLogs(tx, logs);
    await upsertDaily(tx, rollUpDaily(rows));
    const counters = sumSpendCounters(rows);
    await addSpend(tx, organisations, ['id'], counters.organisations);
    await addSpend(tx, teams, ['id'], counters.teams);
    await addSpend(tx, users, ['id'], counters.users);
    await addSpend(tx, teamMemberships, ['team_id', 'user_id'], counters.memberships);
    await addSpend(tx, endUsers, ['id'], counters.endUsers);
    await addSpend(tx, virtualKeys, ['key_hash'], counters.keys);
    return rows.length;
  });
  return { inserted, duplicates: logs.length - inserted };
}
