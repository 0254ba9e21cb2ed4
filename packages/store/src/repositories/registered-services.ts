import { eq } from 'drizzle-orm';
import type { SecretBox } from '../crypto/secret-box.js';
import type { Database } from '../database.js';
import { agents, mcpServers, type Metadata } from '../schema/index.js';
import type { PageRequest } from './page.js';
import { secretRepository, type Redacted, type Secrets, type WithSecrets } from './secret-entity.js';

export type RegisteredService = Redacted<typeof mcpServers.$inferSelect>;
export type RegisteredServiceWithSecrets = WithSecrets<typeof mcpServers.$inferSelect>;

export interface RegisteredServicePatch {
  /** Unique; what keys' `objectPermission` lists refer to. */
  name?: string;
  description?: string | null;
  url?: string | null;
  /** Transport, tool filters, agent card, headers that are not secret, … */
  config?: Metadata;
  enabled?: boolean;
  /** Tokens and auth headers: encrypted at rest; replaces all, null removes all. */
  secrets?: Secrets | null;
}

export interface RegisteredServiceInput extends RegisteredServicePatch {
  id?: string;
  name: string;
}

export interface RegisteredServiceQuery extends PageRequest {
  enabled?: boolean;
}

/** MCP servers and A2A agents share one shape; each gets its own table and repository. */
function createRegisteredServiceRepository(
  db: Database,
  box: SecretBox | undefined,
  table: typeof mcpServers,
  entityType: string,
) {
  const repository = secretRepository<typeof mcpServers, RegisteredServiceInput, RegisteredServicePatch, RegisteredServiceQuery>(
    db,
    box,
    { table, entityType },
    (query) => [query.enabled === undefined ? undefined : eq(table.enabled, query.enabled)],
  );
  return {
    ...repository,
    async findByName(name: string): Promise<RegisteredService | undefined> {
      const [row] = await db.select({ id: table.id }).from(table).where(eq(table.name, name));
      return row === undefined ? undefined : repository.get(row.id);
    },
  };
}

export type RegisteredServiceRepository = ReturnType<typeof createRegisteredServiceRepository>;

export function createMcpServerRepository(db: Database, box: SecretBox | undefined): RegisteredServiceRepository {
  return createRegisteredServiceRepository(db, box, mcpServers, 'mcp_server');
}

/** The agents table has the same columns as mcp_servers; only its name differs. */
export function createAgentRepository(db: Database, box: SecretBox | undefined): RegisteredServiceRepository {
  return createRegisteredServiceRepository(db, box, agents as unknown as typeof mcpServers, 'agent');
}
