import { index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, limitColumns, metadata, models, money, updatedAt, type ObjectPermission } from './columns.js';

export const organisations = pgTable('organisations', {
  id: text('id').primaryKey(),
  alias: text('alias'),
  models: models(),
  objectPermission: jsonb('object_permission').$type<ObjectPermission>(),
  ...limitColumns(),
  metadata: metadata(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const teams = pgTable(
  'teams',
  {
    id: text('id').primaryKey(),
    alias: text('alias'),
    organisationId: text('organisation_id').references(() => organisations.id, { onDelete: 'restrict' }),
    models: models(),
    objectPermission: jsonb('object_permission').$type<ObjectPermission>(),
    ...limitColumns(),
    metadata: metadata(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('teams_organisation_id_idx').on(table.organisationId)],
);

export type UserRole = 'proxy_admin' | 'proxy_admin_viewer' | 'org_admin' | 'internal_user' | 'internal_user_viewer';

export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    email: text('email'),
    alias: text('alias'),
    role: text('role').$type<UserRole>().notNull().default('internal_user'),
    organisationId: text('organisation_id').references(() => organisations.id, { onDelete: 'restrict' }),
    models: models(),
    ...limitColumns(),
    metadata: metadata(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('users_email_key').on(table.email),
    index('users_organisation_id_idx').on(table.organisationId),
  ],
);

export type TeamRole = 'admin' | 'member';

/** A user's membership of a team, with a role and an optional per-member budget inside the team. */
export const teamMemberships = pgTable(
  'team_memberships',
  {
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<TeamRole>().notNull().default('member'),
    spend: money('spend').notNull().default(0),
    maxBudget: money('max_budget'),
    rpmLimit: integer('rpm_limit'),
    tpmLimit: integer('tpm_limit'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    primaryKey({ columns: [table.teamId, table.userId] }),
    index('team_memberships_user_id_idx').on(table.userId),
  ],
);

/** End users (customers): the `user` of a request, identified by the caller's own id. */
export const endUsers = pgTable(
  'end_users',
  {
    id: text('id').primaryKey(),
    alias: text('alias'),
    allowedModelRegion: text('allowed_model_region'),
    defaultModel: text('default_model'),
    models: models(),
    ...limitColumns(),
    metadata: metadata(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('end_users_budget_reset_at_idx').on(table.budgetResetAt)],
);
