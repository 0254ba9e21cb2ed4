import { sql } from 'drizzle-orm';
import { boolean, integer, jsonb, numeric, text, timestamp } from 'drizzle-orm/pg-core';

/** US dollars, exact: 14 integer digits and 10 decimals, read back as a JS number. */
export const money = (name: string) => numeric(name, { precision: 24, scale: 10, mode: 'number' });

/** A timestamp with time zone, millisecond precision (what a JS Date holds, so cursors round-trip exactly). */
export const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: 'date' });

export type Metadata = Record<string, unknown>;

/** Which MCP servers and A2A agents a key, team or organisation may use; `null` means no restriction at that level. */
export interface ObjectPermission {
  mcpServers?: string[];
  agents?: string[];
}

export const createdAt = () => instant('created_at').notNull().defaultNow();
export const updatedAt = () => instant('updated_at').notNull().defaultNow();

export const metadata = () => jsonb('metadata').$type<Metadata>().notNull().default({});

/** An allow-list of model groups; the empty list allows every model. */
export const models = () => text('models').array().notNull().default(sql`'{}'::text[]`);

/**
 * The budget and rate-limit columns every governed entity carries (organisation, team, user, end user, key).
 * `spend` is the spend of the current budget period: the budget reset sets it back to 0.
 * A function, so every table gets its own column builders.
 */
export function limitColumns() {
  return {
    spend: money('spend').notNull().default(0),
    maxBudget: money('max_budget'),
    softBudget: money('soft_budget'),
    budgetDuration: text('budget_duration'),
    budgetResetAt: instant('budget_reset_at'),
    rpmLimit: integer('rpm_limit'),
    tpmLimit: integer('tpm_limit'),
    maxParallelRequests: integer('max_parallel_requests'),
    blocked: boolean('blocked').notNull().default(false),
  };
}
