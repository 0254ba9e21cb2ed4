import { and, asc, count as countAll, eq, gt, sql, type InferInsertModel, type InferSelectModel, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../database.js';
import { StoreError, toStoreError } from '../store-error.js';
import { recordAudit, type MutationOptions } from './audit-log.js';
import { pageOf, pageOffset, pageSize, type Page, type PageRequest } from './page.js';

/** A table keyed by a text `id` with an `updated_at` column: every management entity. */
export type EntityTable = PgTable & { id: PgColumn; updatedAt: PgColumn };

export interface EntityDescription<T extends EntityTable> {
  table: T;
  /** The name in audit entries and error messages, e.g. `team`. */
  entityType: string;
  /** What the audit log may see of a row (default: all of it). */
  redact?: (row: InferSelectModel<T>) => object;
}

export type Patch<T extends EntityTable> = Partial<InferInsertModel<T>>;

async function listRows<Row>(db: Database, table: EntityTable, conditions: Array<SQL | undefined>, page: PageRequest): Promise<Page<Row>> {
  const limit = pageSize(page.limit);
  const after = page.cursor === undefined ? undefined : gt(table.id, page.cursor);
  const rows = (await db
    .select()
    .from(table as PgTable)
    .where(and(...conditions, after))
    .orderBy(asc(table.id))
    .limit(limit + 1)
    .offset(pageOffset(page))) as Row[];
  return pageOf(rows, limit, (row) => String((row as { id: unknown }).id));
}

async function countRows(db: Database, table: EntityTable, conditions: Array<SQL | undefined>): Promise<number> {
  const [row] = await db.select({ value: countAll() }).from(table as PgTable).where(and(...conditions));
  return Number(row?.value ?? 0);
}

/**
 * Audited create, read, update, delete and list for one table. Each change runs in a transaction together with
 * its audit entry (before and after). Repositories build on it and add their own rules.
 */
export function entityOperations<T extends EntityTable>(db: Database, description: EntityDescription<T>) {
  type Row = InferSelectModel<T>;
  const { table, entityType } = description;
  const redact = description.redact ?? ((row: Row) => row as object);
  const source = table as PgTable;

  async function find(executor: Database, id: string, lock = false): Promise<Row | undefined> {
    const query = executor.select().from(source).where(eq(table.id, id));
    const rows = lock ? await query.for('update') : await query;
    return rows[0] as Row | undefined;
  }

  async function require(executor: Database, id: string, lock = false): Promise<Row> {
    const row = await find(executor, id, lock);
    if (row === undefined) throw new StoreError('not_found', `${entityType} ${id} not found`);
    return row;
  }

  async function insert(values: InferInsertModel<T>, options?: MutationOptions): Promise<Row> {
    try {
      return await db.transaction(async (tx) => {
        const [row] = (await tx.insert(source).values(values as never).returning()) as Row[];
        if (row === undefined) throw new StoreError('conflict', `${entityType} was not inserted`);
        const entityId = String((row as { id: unknown }).id);
        await recordAudit(tx, options, { action: 'create', entityType, entityId, before: null, after: redact(row) });
        return row;
      });
    } catch (error) {
      return toStoreError(error, entityType);
    }
  }

  /** `prepare` sees the locked current row and returns the patch to apply (for derived columns). */
  async function update(
    id: string,
    prepare: (before: Row) => Patch<T>,
    options?: MutationOptions,
    action = 'update',
  ): Promise<Row> {
    try {
      return await db.transaction(async (tx) => {
        const before = await require(tx, id, true);
        const patch = { ...prepare(before), updatedAt: sql`now()` };
        const [after] = (await tx.update(source).set(patch as never).where(eq(table.id, id)).returning()) as Row[];
        if (after === undefined) throw new StoreError('not_found', `${entityType} ${id} not found`);
        await recordAudit(tx, options, { action, entityType, entityId: id, before: redact(before), after: redact(after) });
        return after;
      });
    } catch (error) {
      return toStoreError(error, entityType);
    }
  }

  async function remove(id: string, options?: MutationOptions): Promise<Row> {
    try {
      return await db.transaction(async (tx) => {
        const [row] = (await tx.delete(source).where(eq(table.id, id)).returning()) as Row[];
        if (row === undefined) throw new StoreError('not_found', `${entityType} ${id} not found`);
        await recordAudit(tx, options, { action: 'delete', entityType, entityId: id, before: redact(row), after: null });
        return row;
      });
    } catch (error) {
      return toStoreError(error, entityType);
    }
  }

  /** Pages in id order; the cursor is the last id of the previous page (or page numbers through an offset). */
  const list = (conditions: Array<SQL | undefined>, page: PageRequest = {}) => listRows<Row>(db, table, conditions, page);
  /** How many rows the filters match (for page-number pagination's totals). */
  const count = (conditions: Array<SQL | undefined>) => countRows(db, table, conditions);

  return {
    get: (id: string) => find(db, id),
    require: (id: string) => require(db, id),
    insert,
    update,
    remove,
    list,
    count,
  };
}

export type EntityOperations<T extends EntityTable> = ReturnType<typeof entityOperations<T>>;
