import { eq, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

export interface PageRequest {
  /** The `nextCursor` of the previous page. */
  cursor?: string;
  /** 1 to 1000; default 100. */
  limit?: number;
  /** Rows to skip before the page (page-number pagination); ignored with a cursor. Prefer cursors for deep pages. */
  offset?: number;
}

export interface Page<T> {
  items: T[];
  /** Pass it as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** The offset to apply: none with a cursor, otherwise a whole number ≥ 0. */
export function pageOffset(page: PageRequest): number {
  if (page.cursor !== undefined || page.offset === undefined) return 0;
  return Math.max(0, Math.trunc(page.offset));
}

export function pageSize(limit: number | undefined): number {
  if (limit === undefined) return 100;
  return Math.min(1000, Math.max(1, Math.trunc(limit)));
}

/** `rows` was fetched with `limit + 1`: the extra row only says that another page exists. */
export function pageOf<T>(rows: T[], limit: number, cursorOf: (row: T) => string): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last !== undefined ? cursorOf(last) : null };
}

/** A filter condition when the value is given, nothing otherwise (`and()` drops undefined). */
export function equalsWhenSet(column: PgColumn, value: string | undefined): SQL | undefined {
  return value === undefined ? undefined : eq(column, value);
}
