import { SwitchyardError, type ChatTool } from '@switchyard/core';
import { narrowAccess, type McpAccess } from '../bridge/mcp-access.js';
import type { McpBridge } from '../bridge/mcp-bridge.js';
import { namespaceName } from '../bridge/namespaced-name.js';

/** A chat `tools` entry `{type: "mcp", ...}` in LiteLLM's and OpenAI's shape. */
export interface McpChatToolEntry {
  type: 'mcp';
  server_label?: string;
  /** `litellm_proxy` (every server the key has), `litellm_proxy/mcp/<server>`, or any URL ending in `/mcp/<server>`. */
  server_url?: string;
  allowed_tools?: string[] | { tool_names?: string[] };
  require_approval?: 'never' | 'always' | { never?: { tool_names?: string[] }; always?: { tool_names?: string[] } };
}

/** One entry resolved against the configuration and the caller's access. */
export interface McpToolSelection {
  access: McpAccess;
  /** True when a call of this namespaced tool must go back to the client for approval. */
  needsApproval: (namespacedName: string) => boolean;
}

export function isMcpChatTool(tool: ChatTool): tool is ChatTool & McpChatToolEntry {
  return tool.type === 'mcp';
}

function entryServers(entry: McpChatToolEntry, configured: readonly string[]): string[] | undefined {
  const url = entry.server_url;
  const fromPath = url === undefined ? undefined : /(?:^|\/)mcp\/([A-Za-z0-9_]+)\/?$/.exec(url)?.[1];
  if (fromPath !== undefined) return [fromPath];
  const label = entry.server_label;
  if (url === undefined && label !== undefined && !configured.includes(label)) {
    throw new SwitchyardError('not_found', `No MCP server named "${label}".`, { param: 'tools' });
  }
  if (url !== undefined && url !== 'litellm_proxy' && url !== 'switchyard') {
    const message = 'MCP tools must use server_url "litellm_proxy" or "litellm_proxy/mcp/<server>".';
    throw new SwitchyardError('bad_request', message, { param: 'tools' });
  }
  return label !== undefined && configured.includes(label) ? [label] : undefined;
}

function namespaced(names: readonly string[] | undefined, servers: readonly string[] | undefined, all: readonly string[]) {
  if (names === undefined) return undefined;
  const candidates = servers ?? all;
  return names.map((name) => {
    if (candidates.some((server) => name.startsWith(`${server}-`))) return name;
    return candidates.length === 1 ? namespaceName(candidates[0]!, name) : name;
  });
}

function toolNames(value: McpChatToolEntry['allowed_tools']): string[] | undefined {
  return Array.isArray(value) ? value : value?.tool_names;
}

/**
 * Resolves one `{type: "mcp"}` entry: which servers and tools it offers (never more than `keyAccess`: naming a
 * server the key lacks is a 403, an unknown one a 404) and which of its tools need the client's approval.
 */
export function selectMcpTools(
  bridge: McpBridge,
  entry: McpChatToolEntry,
  keyAccess: McpAccess,
  approvalOverride?: 'never' | 'always',
): McpToolSelection {
  const configured = bridge.serverNames;
  const servers = entryServers(entry, configured);
  for (const server of servers ?? []) bridge.connectionFor(server, keyAccess);
  const allowed = namespaced(toolNames(entry.allowed_tools), servers, configured);
  const access = narrowAccess(keyAccess, { servers, tools: allowed });
  const rule = approvalOverride ?? entry.require_approval ?? 'always';
  if (typeof rule === 'string') return { access, needsApproval: () => rule !== 'never' };
  const never = new Set(namespaced(rule.never?.tool_names ?? [], servers, configured));
  return { access, needsApproval: (name) => !never.has(name) };
}
