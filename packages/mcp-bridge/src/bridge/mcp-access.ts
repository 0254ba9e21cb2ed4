import type { McpServerConfig } from '../config/mcp-server-config.js';
import { namespaceName } from './namespaced-name.js';

/**
 * What one caller (a virtual key, a team, one chat request) may use. Every field only ever narrows: an undefined
 * list means "no restriction at this level", never "more than the configuration allows".
 */
export interface McpAccess {
  /** Server names the caller may use; undefined: every configured server. */
  allowedServers?: readonly string[] | undefined;
  /** Namespaced tool names (`everything-echo`) the caller may use; undefined: every tool of its servers. */
  allowedTools?: readonly string[] | undefined;
  /** Who the access belongs to (a key id); an MCP session stays bound to it. */
  subject?: string | undefined;
}

function intersect(a: readonly string[] | undefined, b: readonly string[] | undefined): readonly string[] | undefined {
  if (a === undefined) return b === undefined ? undefined : [...b];
  if (b === undefined) return [...a];
  const keep = new Set(b);
  return a.filter((item) => keep.has(item));
}

/**
 * Narrows access to the requested servers (from `/mcp/{server}`, `x-mcp-servers` or a chat `server_label`) and,
 * optionally, tools. The result is the intersection: requesting a server the caller lacks grants nothing.
 */
export function narrowAccess(
  access: McpAccess,
  narrowing: { servers?: readonly string[] | undefined; tools?: readonly string[] | undefined },
): McpAccess {
  return {
    ...access,
    allowedServers: intersect(access.allowedServers, narrowing.servers),
    allowedTools: intersect(access.allowedTools, narrowing.tools),
  };
}

/** True when the caller's access (not the server config) lets it reach `server` at all. */
export function accessIncludesServer(access: McpAccess, server: string): boolean {
  return access.allowedServers === undefined || access.allowedServers.includes(server);
}

/** The server config's own `allowed_tools` / `disallowed_tools` (allowed wins, as in LiteLLM). */
export function configAllowsTool(config: McpServerConfig, tool: string): boolean {
  if (config.allowed_tools !== undefined) return config.allowed_tools.includes(tool);
  if (config.disallowed_tools !== undefined) return !config.disallowed_tools.includes(tool);
  return true;
}

/** Both the configuration and the caller's access allow `server`'s upstream tool `tool`. */
export function toolPermitted(config: McpServerConfig, access: McpAccess, server: string, tool: string): boolean {
  if (!accessIncludesServer(access, server) || !configAllowsTool(config, tool)) return false;
  return access.allowedTools === undefined || access.allowedTools.includes(namespaceName(server, tool));
}

/** A stable string for comparing two accesses (sessions are bound to the access they were opened with). */
export function accessFingerprint(access: McpAccess): string {
  const sorted = (list: readonly string[] | undefined) => (list === undefined ? null : [...list].sort());
  return JSON.stringify([access.subject ?? null, sorted(access.allowedServers), sorted(access.allowedTools)]);
}
