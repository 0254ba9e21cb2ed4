import type { RegisteredService, RegisteredServiceWithSecrets, Secrets } from '@switchyard/store';
import type { Logger } from '../observability/logger.js';
import type { A2aService } from './a2a-service.js';
import type { McpService } from './mcp-service.js';
import type { ServiceGovernance } from './service-governance.js';

type Entry = Record<string, unknown>;

/**
 * How a server or agent entry is stored: `auth_value`, every `env` value and every `headers` value are secrets
 * (encrypted by the store, named `auth_value`, `env:<NAME>`, `header:<name>`); everything else is plain config.
 */
export function splitSecrets(entry: Entry): { config: Entry; secrets: Secrets } {
  const { auth_value: authValue, env, headers, ...config } = entry;
  const secrets: Secrets = {};
  if (typeof authValue === 'string' && authValue !== '') secrets['auth_value'] = authValue;
  for (const [name, value] of Object.entries((env ?? {}) as Record<string, string>)) secrets[`env:${name}`] = value;
  for (const [name, value] of Object.entries((headers ?? {}) as Record<string, string>)) secrets[`header:${name}`] = value;
  return { config, secrets };
}

/** The entry back from a stored row: its config with the decrypted secrets put back in place. */
export function joinSecrets(row: RegisteredServiceWithSecrets): Entry {
  const entry: Entry = { ...row.config };
  const env: Record<string, string> = {};
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(row.secrets)) {
    if (name === 'auth_value') entry['auth_value'] = value;
    else if (name.startsWith('env:')) env[name.slice(4)] = value;
    else if (name.startsWith('header:')) headers[name.slice(7)] = value;
  }
  if (Object.keys(env).length > 0 || entry['transport'] === 'stdio' || 'command' in entry) entry['env'] = env;
  if (Object.keys(headers).length > 0) entry['headers'] = headers;
  return entry;
}

/** What the management API shows of a stored row: config and the names of its secrets, never their values. */
export function storedView(row: RegisteredService): Entry {
  return {
    ...row.config,
    description: row.description ?? undefined,
    secret_names: row.secretNames,
    source: 'db',
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

async function allWithSecrets(list: (query: { cursor?: string; limit?: number; enabled?: boolean }) => Promise<{ items: RegisteredServiceWithSecrets[]; nextCursor?: string | null | undefined }>) {
  const rows: RegisteredServiceWithSecrets[] = [];
  let cursor: string | undefined;
  do {
    const page = await list({ enabled: true, limit: 200, ...(cursor === undefined ? {} : { cursor }) });
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return rows;
}

/**
 * Registers the servers and agents stored through the management API. A name the config file defines keeps the
 * config's entry; a stored entry that no longer validates is skipped with a warning (the gateway still starts).
 */
export async function loadStoredServices(
  services: { mcp: McpService; a2a: A2aService; configured: { mcpServers: Set<string>; agents: Set<string> } },
  governance: ServiceGovernance,
  logger: Logger,
): Promise<void> {
  for (const row of await allWithSecrets((query) => governance.store.mcpServers.listWithSecrets(query))) {
    if (services.configured.mcpServers.has(row.name)) continue;
    await services.mcp.bridge.addServer(row.name, joinSecrets(row)).catch(() => logger.warn({ server: row.name }, 'stored MCP server is invalid; skipped'));
  }
  for (const row of await allWithSecrets((query) => governance.store.agents.listWithSecrets(query))) {
    if (services.configured.agents.has(row.name)) continue;
    try {
      services.a2a.register({ ...joinSecrets(row), agent_name: row.name });
    } catch {
      logger.warn({ agent: row.name }, 'stored A2A agent is invalid; skipped');
    }
  }
}
