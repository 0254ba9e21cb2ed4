import { and, arrayContains, desc, eq, gte, lt, lte, or, type SQL } from 'drizzle-orm';
import type { Database } from '../database.js';
import { spendLogs, type SpendStatus } from '../schema/index.js';
import { StoreError } from '../store-error.js';
import { equalsWhenSet, pageOf, pageOffset, pageSize, type Page, type PageRequest } from './page.js';

export type SpendLog = typeof spendLogs.$inferSelect;

/** Every filter is served by an index led by its column and followed by `started_at`. */
export interface SpendLogQuery extends PageRequest {
  /** One request (the primary key). */
  requestId?: string;
  keyHash?: string;
  teamId?: string;
  userId?: string;
  endUserId?: string;
  modelGroup?: string;
  status?: SpendStatus;
  /** Logs carrying this tag (GIN index on `tags`). */
  tag?: string;
  /** Started at or after. */
  from?: Date;
  /** Started before. */
  to?: Date;
}

interface Cursor {
  startedAt: Date;
  requestId: string;
}

function encodeCursor(log: SpendLog): string {
  return Buffer.from(JSON.stringify([log.startedAt.toISOString(), log.requestId])).toString('base64url');
}

function decodeCursor(cursor: string): Cursor {
  try {
    const [startedAt, requestId] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const date = new Date(String(startedAt));
    if (typeof requestId !== 'string' || Number.isNaN(date.getTime())) throw new Error('bad cursor');
    return { startedAt: date, requestId };
  } catch (error) {
    throw new StoreError('invalid', 'not a spend-log cursor', { cause: error });
  }
}

/**
 * Rows after the cursor in (started_at desc, request_id desc) order. The redundant `started_at <=` is the part an
 * index range scan can use; the OR settles ties on the same millisecond.
 */
function afterCursor(cursor: string | undefined): SQL | undefined {
  if (cursor === undefined) return undefined;
  const { startedAt, requestId } = decodeCursor(cursor);
  return and(
    lte(spendLogs.startedAt, startedAt),
    or(lt(spendLogs.startedAt, startedAt), and(eq(spendLogs.startedAt, startedAt), lt(spendLogs.requestId, requestId))),
  );
}

/** The list query, exposed so tests can EXPLAIN exactly what the repository runs. */
export function spendLogSelect(db: Database, query: SpendLogQuery, limit: number) {
  return db
    .select()
    .from(spendLogs)
    .where(
      and(
        equalsWhenSet(spendLogs.requestId, query.requestId),
        equalsWhenSet(spendLogs.keyHash, query.keyHash),
        equalsWhenSet(spendLogs.teamId, query.teamId),
        equalsWhenSet(spendLogs.userId, query.userId),
        equalsWhenSet(spendLogs.endUserId, query.endUserId),
        equalsWhenSet(spendLogs.modelGroup, query.modelGroup),
        equalsWhenSet(spendLogs.status, query.status),
        query.tag === undefined ? undefined : arrayContains(spendLogs.tags, [query.tag]),
        query.from === undefined ? undefined : gte(spendLogs.startedAt, query.from),
        query.to === undefined ? undefined : lt(spendLogs.startedAt, query.to),
        afterCursor(query.cursor),
      ),
    )
    .orderBy(desc(spendLogs.startedAt), desc(spendLogs.requestId))
    .limit(limit + 1)
    .offset(pageOffset(query));
}

/** Spend logs, newest first, with keyset (cursor) pagination: deep pages cost what the first page costs. */
export async function listSpendLogs(db: Database, query: SpendLogQuery = {}): Promise<Page<SpendLog>> {
  const limit = pageSize(query.limit);
  return pageOf(await spendLogSelect(db, query, limit), limit, encodeCursor);
}
