import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt, type Metadata } from './columns.js';

/**
 * Secrets are one AES-256-GCM ciphertext of a JSON object (see secret-box.ts), bound to the row's table and id.
 * `secret_names` lists the object's keys in clear, so lists and the audit log can say which secrets are set.
 */
const secretColumns = () => ({
  secretNames: text('secret_names').array().notNull().default(sql`'{}'::text[]`),
  secretsCiphertext: text('secrets_ciphertext'),
});

/** Model deployments added through the management API (LiteLLM's `store_model_in_db`). */
export const modelDeployments = pgTable(
  'model_deployments',
  {
    id: text('id').primaryKey(),
    modelGroup: text('model_group').notNull(),
    provider: text('provider').notNull(),
    model: text('model').notNull(),
    apiBase: text('api_base'),
    params: jsonb('params').$type<Metadata>().notNull().default({}),
    modelInfo: jsonb('model_info').$type<Metadata>().notNull().default({}),
    rpm: integer('rpm'),
    tpm: integer('tpm'),
    weight: integer('weight'),
    order: integer('order'),
    enabled: boolean('enabled').notNull().default(true),
    ...secretColumns(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('model_deployments_model_group_idx').on(table.modelGroup)],
);

/** The columns MCP servers and A2A agents share: a unique name, an endpoint, free-form config and secrets. */
const serviceColumns = () => ({
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description'),
  url: text('url'),
  config: jsonb('config').$type<Metadata>().notNull().default({}),
  enabled: boolean('enabled').notNull().default(true),
  ...secretColumns(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** MCP servers registered through the management API; the transport and tool settings live in `config`. */
export const mcpServers = pgTable('mcp_servers', serviceColumns(), (table) => [
  uniqueIndex('mcp_servers_name_key').on(table.name),
]);

/** A2A agents registered through the management API; the agent card and settings live in `config`. */
export const agents = pgTable('agents', serviceColumns(), (table) => [uniqueIndex('agents_name_key').on(table.name)]);
