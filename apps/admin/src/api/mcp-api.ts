import type { ApiClient } from './api-client';
import { child, listOf, text, type Row } from '../lib/records';

export interface McpServerRow {
  name: string;
  transport: string | undefined;
  url: string | undefined;
  description: string | undefined;
  status: string | undefined;
  /** `config` (the config file: read-only here) or `db` (stored through the API). */
  source: string | undefined;
}

export interface McpToolRow {
  /** `<server>-<tool>` as the gateway exposes it. */
  name: string;
  server: string | undefined;
  description: string | undefined;
}

export interface AgentRow {
  name: string;
  url: string | undefined;
  description: string | undefined;
  source: string | undefined;
}

/** An MCP server as the form sends it; credentials (headers) are write-only. */
export interface McpServerInput {
  server_name: string;
  url: string;
  transport: 'http' | 'sse';
  description?: string;
  headers?: Record<string, string>;
}

export interface AgentInput {
  agent_name: string;
  url: string;
  description?: string;
  headers?: Record<string, string>;
}

export function mcpServerRow(row: Row): McpServerRow {
  return {
    name: text(row, 'server_name', 'name', 'alias', 'server_id') ?? '',
    transport: text(row, 'transport'),
    url: text(row, 'url'),
    description: text(row, 'description'),
    status: text(row, 'status', 'state', 'health'),
    source: text(row, 'source'),
  };
}

export function mcpToolRow(row: Row): McpToolRow {
  const server = text(row, 'server_name', 'server') ?? text(child(row, 'mcp_info'), 'server_name');
  return { name: text(row, 'name') ?? '', server, description: text(row, 'description') };
}

export function agentRow(row: Row): AgentRow {
  const card = child(row, 'agent_card') ?? child(row, 'card');
  return {
    name: text(row, 'agent_name', 'name', 'agent_id') ?? '',
    url: text(row, 'url') ?? text(card, 'url'),
    description: text(row, 'description') ?? text(card, 'description'),
    source: text(row, 'source'),
  };
}

export async function listMcpServers(api: ApiClient): Promise<McpServerRow[]> {
  return listOf(await api.get('/v1/mcp/server'), 'servers', 'data').map(mcpServerRow);
}

export async function addMcpServer(api: ApiClient, input: McpServerInput): Promise<void> {
  await api.post('/v1/mcp/server', input);
}

export async function deleteMcpServer(api: ApiClient, name: string): Promise<void> {
  await api.delete(`/v1/mcp/server/${encodeURIComponent(name)}`);
}

export async function listMcpTools(api: ApiClient, server?: string): Promise<McpToolRow[]> {
  return listOf(await api.get('/v1/mcp/tools', { server_name: server }), 'tools', 'data').map(mcpToolRow);
}

export async function listAgents(api: ApiClient): Promise<AgentRow[]> {
  return listOf(await api.get('/v1/agents'), 'agents', 'data').map(agentRow);
}

export async function addAgent(api: ApiClient, input: AgentInput): Promise<void> {
  await api.post('/v1/agents', input);
}

export async function deleteAgent(api: ApiClient, name: string): Promise<void> {
  await api.delete(`/v1/agents/${encodeURIComponent(name)}`);
}
