import { a2aAgentConfigSchema, summariseA2aAgent } from '@switchyard/a2a-client/config';
import { SwitchyardError } from '@switchyard/core';
import { mcpServerNameSchema, parseMcpServersConfig } from '@switchyard/mcp-bridge/config';
import type { CallerAccess } from './caller-access.js';
import type { GatewayServices } from './service-routes.js';
import { splitSecrets, storedView } from './stored-services.js';

type Entry = Record<string, unknown>;

function requireAdmin(caller: CallerAccess): void {
  if (!caller.admin) throw new SwitchyardError('permission', 'This route needs the master key or a key of a proxy_admin user.', { code: 'admin_required' });
}

function requireStore(services: GatewayServices) {
  if (services.governance) return services.governance;
  const message = 'Registering MCP servers and agents needs the store: configure a master key (governance), or list them in the config file.';
  throw new SwitchyardError('bad_request', message, { status: 501, code: 'store_required' });
}

function conflict(message: string): SwitchyardError {
  return new SwitchyardError('bad_request', message, { status: 409, code: 'conflict' });
}

function invalid(error: unknown): SwitchyardError {
  return new SwitchyardError('bad_request', error instanceof Error ? error.message : 'Invalid body.', { code: 'invalid_body' });
}

function asEntry(body: unknown): Entry {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new SwitchyardError('bad_request', 'The body must be a JSON object.');
  return body as Entry;
}

const visible = (list: readonly string[] | undefined, name: string) => list === undefined || list.includes(name);

/** `GET /v1/mcp/server`: the servers the caller may use, with their state; admins also see URLs and stored details. */
export async function listMcpServers(services: GatewayServices, caller: CallerAccess) {
  const stored = new Map<string, Entry>();
  if (caller.admin && services.governance) {
    for (const row of (await services.governance.store.mcpServers.list({ limit: 1000 })).items) stored.set(row.name, storedView(row));
  }
  return services.mcp.bridge
    .status()
    .filter((server) => visible(caller.mcpServers, server.name))
    .map((server) => {
      const config = services.mcp.bridge.connectionFor(server.name).config;
      return {
        server_name: server.name,
        transport: server.transport,
        status: server.state,
        description: server.description,
        source: services.configured.mcpServers.has(server.name) ? 'config' : 'db',
        allowed_tools: config.allowed_tools,
        disallowed_tools: config.disallowed_tools,
        ...(caller.admin && config.transport !== 'stdio' ? { url: config.url, auth_type: config.auth_type } : {}),
        ...(stored.get(server.name) ?? {}),
      };
    });
}

/** `POST /v1/mcp/server` {server_name, transport, url | command/args/env, auth_type, auth_value, ...}: admin only. */
export async function createMcpServer(services: GatewayServices, caller: CallerAccess, body: unknown) {
  requireAdmin(caller);
  const { server_name: rawName, ...entry } = asEntry(body);
  const name = mcpServerNameSchema.safeParse(rawName);
  if (!name.success) throw new SwitchyardError('bad_request', `server_name: ${name.error.issues[0]?.message ?? 'invalid'}`, { param: 'server_name' });
  try {
    parseMcpServersConfig({ [name.data]: entry });
  } catch (error) {
    throw invalid(error);
  }
  const governance = requireStore(services);
  if (services.configured.mcpServers.has(name.data)) throw conflict(`MCP server "${name.data}" is defined in the config file.`);
  if (await governance.store.mcpServers.findByName(name.data)) throw conflict(`MCP server "${name.data}" already exists.`);
  const { config, secrets } = splitSecrets(entry);
  const description = typeof entry['description'] === 'string' ? entry['description'] : null;
  const url = typeof entry['url'] === 'string' ? entry['url'] : null;
  const row = await governance.store.mcpServers.create({ name: name.data, description, url, config, secrets }, { actor: caller.subject });
  await services.mcp.bridge.addServer(name.data, entry);
  return { server_name: name.data, ...storedView(row) };
}

/** `DELETE /v1/mcp/server/{name}`: admin only; servers from the config file are removed there. */
export async function deleteMcpServer(services: GatewayServices, caller: CallerAccess, name: string) {
  requireAdmin(caller);
  const governance = requireStore(services);
  if (services.configured.mcpServers.has(name)) throw conflict(`MCP server "${name}" is defined in the config file; remove it there.`);
  const row = await governance.store.mcpServers.findByName(name);
  if (!row) throw new SwitchyardError('not_found', `No stored MCP server named "${name}".`);
  await governance.store.mcpServers.delete(row.id, { actor: caller.subject });
  await services.mcp.bridge.removeServer(name);
  return { server_name: name, deleted: true };
}

/** `GET /v1/mcp/tools[?server_name=]`: the tools the caller may use, as MCP tools with their server. */
export async function listMcpTools(services: GatewayServices, caller: CallerAccess, serverName: string | undefined) {
  if (serverName !== undefined && !visible(caller.mcpServers, serverName)) {
    throw new SwitchyardError('permission', `Access to MCP server "${serverName}" is not allowed.`);
  }
  const allowedServers = serverName === undefined ? caller.mcpServers : [serverName];
  const tools = await services.mcp.bridge.listTools({ allowedServers, subject: caller.subject });
  return { tools: tools.map((tool) => ({ ...tool, mcp_info: { server_name: tool.name.slice(0, tool.name.indexOf('-')) } })) };
}

/** `GET /v1/agents`: the agents the caller may use (never their header values). */
export function listAgents(services: GatewayServices, caller: CallerAccess) {
  return services.a2a.registry
    .list()
    .filter((agent) => visible(caller.agents, agent.name))
    .map((agent) => ({ ...summariseA2aAgent(agent), source: services.configured.agents.has(agent.name) ? 'config' : 'db' }));
}

/** `POST /v1/agents` {agent_name, url, headers?, timeout?, description?, cost_per_query?}: admin only. */
export async function createAgent(services: GatewayServices, caller: CallerAccess, body: unknown) {
  requireAdmin(caller);
  const parsed = a2aAgentConfigSchema.safeParse(asEntry(body));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SwitchyardError('bad_request', `${issue?.path.join('.') ?? 'body'}: ${issue?.message ?? 'invalid'}`);
  }
  const entry = parsed.data as Entry & { agent_name: string; url: string };
  const governance = requireStore(services);
  if (services.configured.agents.has(entry.agent_name)) throw conflict(`Agent "${entry.agent_name}" is defined in the config file.`);
  if (await governance.store.agents.findByName(entry.agent_name)) throw conflict(`Agent "${entry.agent_name}" already exists.`);
  const { agent_name: name, ...rest } = entry;
  const { config, secrets } = splitSecrets(rest);
  const description = typeof entry['description'] === 'string' ? entry['description'] : null;
  await governance.store.agents.create({ name, description, url: entry.url, config, secrets }, { actor: caller.subject });
  services.a2a.register(entry);
  return { ...summariseA2aAgent(services.a2a.registry.get(name)!), source: 'db' };
}

/** `DELETE /v1/agents/{name}`: admin only. */
export async function deleteAgent(services: GatewayServices, caller: CallerAccess, name: string) {
  requireAdmin(caller);
  const governance = requireStore(services);
  if (services.configured.agents.has(name)) throw conflict(`Agent "${name}" is defined in the config file; remove it there.`);
  const row = await governance.store.agents.findByName(name);
  if (!row) throw new SwitchyardError('not_found', `No stored agent named "${name}".`);
  await governance.store.agents.delete(row.id, { actor: caller.subject });
  services.a2a.remove(name);
  return { agent_name: name, deleted: true };
}
