import { index, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, instant, limitColumns, metadata, models, updatedAt, type ObjectPermission } from './columns.js';
import { organisations, teams, users } from './identity.js';

/**
 * Virtual keys. The key itself is never stored: `key_hash` is the SHA-256 hex of the full key, unique, so the
 * lookup on every request is one index probe. `key_hint` ("sk-…AbCd") lets people recognise a key.
 */
export const virtualKeys = pgTable(
  'virtual_keys',
  {
    id: text('id').primaryKey(),
    keyHash: text('key_hash').notNull(),
    keyHint: text('key_hint').notNull(),
    keyAlias: text('key_alias'),
    teamId: text('team_id').references(() => teams.id, { onDelete: 'restrict' }),
    userId: text('user_id').references(() => users.id, { onDelete: 'restrict' }),
    organisationId: text('organisation_id').references(() => organisations.id, { onDelete: 'restrict' }),
    models: models(),
    objectPermission: jsonb('object_permission').$type<ObjectPermission>(),
    ...limitColumns(),
    expiresAt: instant('expires_at'),
    metadata: metadata(),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('virtual_keys_key_hash_key').on(table.keyHash),
    index('virtual_keys_team_id_idx').on(table.teamId),
    index('virtual_keys_user_id_idx').on(table.userId),
    index('virtual_keys_organisation_id_idx').on(table.organisationId),
    index('virtual_keys_budget_reset_at_idx').on(table.budgetResetAt),
  ],
);
