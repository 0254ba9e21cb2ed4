import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, instant, money, type Metadata } from './columns.js';

export type SpendStatus = 'success' | 'failure';

/**
 * One row per request. `request_id` is the primary key and the idempotency key: a retried flush inserts with
 * ON CONFLICT DO NOTHING and counts nothing twice. No foreign keys, so deleting a key or team keeps its history.
 * Every list filter has an index led by its column and followed by `started_at` (the sort and range column).
 */
export const spendLogs = pgTable(
  'spend_logs',
  {
    requestId: text('request_id').primaryKey(),
    keyHash: text('key_hash'),
    userId: text('user_id'),
    teamId: text('team_id'),
    organisationId: text('organisation_id'),
    endUserId: text('end_user_id'),
    modelGroup: text('model_group').notNull(),
    deploymentId: text('deployment_id'),
    provider: text('provider').notNull().default(''),
    model: text('model'),
    route: text('route'),
    promptTokens: integer('prompt_tokens').notNull().default(0),
    completionTokens: integer('completion_tokens').notNull().default(0),
    cachedTokens: integer('cached_tokens').notNull().default(0),
    reasoningTokens: integer('reasoning_tokens').notNull().default(0),
    cost: money('cost').notNull().default(0),
    latencyMs: integer('latency_ms').notNull(),
    timeToFirstTokenMs: integer('time_to_first_token_ms'),
    status: text('status').$type<SpendStatus>().notNull(),
    errorClass: text('error_class'),
    cacheHit: boolean('cache_hit').notNull().default(false),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    metadata: jsonb('metadata').$type<Metadata>(),
    startedAt: instant('started_at').notNull(),
    endedAt: instant('ended_at').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    index('spend_logs_started_at_idx').on(table.startedAt),
    index('spend_logs_key_hash_started_at_idx').on(table.keyHash, table.startedAt),
    index('spend_logs_team_id_started_at_idx').on(table.teamId, table.startedAt),
    index('spend_logs_user_id_started_at_idx').on(table.userId, table.startedAt),
    index('spend_logs_end_user_id_started_at_idx').on(table.endUserId, table.startedAt),
    index('spend_logs_model_group_started_at_idx').on(table.modelGroup, table.startedAt),
    index('spend_logs_status_started_at_idx').on(table.status, table.startedAt),
    index('spend_logs_tags_idx').using('gin', table.tags),
  ],
);

/** What a daily roll-up row is counted for. `global` has the scope id '' and breaks down by model and provider. */
export type SpendScope = 'global' | 'key' | 'team' | 'user' | 'end_user' | 'organisation' | 'tag';

const tokens = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);

/**
 * Daily roll-ups (UTC days) per scope (key hash, team, user, end user, organisation, tag, or everything), model
 * group and provider, updated in the same transaction as the spend-log insert and only for rows really inserted.
 */
export const dailySpend = pgTable(
  'daily_spend',
  {
    day: date('day', { mode: 'string' }).notNull(),
    scope: text('scope').$type<SpendScope>().notNull(),
    scopeId: text('scope_id').notNull(),
    modelGroup: text('model_group').notNull(),
    provider: text('provider').notNull(),
    requests: tokens('requests'),
    successfulRequests: tokens('successful_requests'),
    failedRequests: tokens('failed_requests'),
    cacheHits: tokens('cache_hits'),
    promptTokens: tokens('prompt_tokens'),
    completionTokens: tokens('completion_tokens'),
    cachedTokens: tokens('cached_tokens'),
    reasoningTokens: tokens('reasoning_tokens'),
    cost: money('cost').notNull().default(0),
  },
  (table) => [
    uniqueIndex('daily_spend_scope_entity_day_key').on(
      table.scope,
      table.scopeId,
      table.day,
      table.modelGroup,
      table.provider,
    ),
    index('daily_spend_scope_day_idx').on(table.scope, table.day),
  ],
);
