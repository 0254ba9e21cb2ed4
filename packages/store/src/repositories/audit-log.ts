import { and, desc, gte, lt, lte, type SQL } from 'drizzle-orm';
import type { Database } from '../database.js';
import { auditLog } from '../schema/index.js';
import { equalsWhenSet, pageOf, pageSize, type Page, type PageRequest } from './page.js';

export type AuditEntry = typeof auditLog.$inferSelect;

/** Who made a management change; written to the audit log with it. */
export interface MutationOptions {
  /** A user id, `master_key`, or a service name; default `system`. */
  actor?: string;
}

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string;
  before: object | null;
  after: object | null;
}

/** Plain JSON for jsonb: Dates become ISO strings. */
function toJson(value: object | null): Record<string, unknown> | null {
  return value === null ? null : (JSON.parse(JSON.stringify(value)) as Record<string, unknown>);
}

/** Appends an audit entry; call it inside the transaction that makes the change. */
export async function recordAudit(db: Database, options: MutationOptions | undefined, record: AuditRecord) {
  await db.insert(auditLog).values({
    actor: options?.actor ?? 'system',
    action: record.action,
    entityType: record.entityType,
    entityId: record.entityId,
    before: toJson(record.before),
    after: toJson(record.after),
  });
}

export interface AuditQuery extends PageRequest {
  entityType?: string;
  entityId?: string;
  actor?: string;
  from?: Date;
  to?: Date;
}

function cursorCondition(cursor: string | undefined): SQL | undefined {
  if (cursor === undefined) return undefined;
  const id = Number(cursor);
  return Number.isSafeInteger(id) ? lt(auditLog.id, id) : undefined;
}

/** Reads the audit log, newest first, filtered by entity, actor and time. */
export function createAuditRepository(db: Database) {
  return {
    async list(query: AuditQuery = {}): Promise<Page<AuditEntry>> {
      const limit = pageSize(query.limit);
      const conditions = [
        equalsWhenSet(auditLog.entityType, query.entityType),
        equalsWhenSet(auditLog.entityId, query.entityId),
        equalsWhenSet(auditLog.actor, query.actor),
        query.from === undefined ? undefined : gte(auditLog.occurredAt, query.from),
        query.to === undefined ? undefined : lte(auditLog.occurredAt, query.to),
        cursorCondition(query.cursor),
      ];
      const rows = await db
        .select()
        .from(auditLog)
        .where(and(...conditions))
        .orderBy(desc(auditLog.id))
        .limit(limit + 1);
      return pageOf(rows, limit, (row) => String(row.id));
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
