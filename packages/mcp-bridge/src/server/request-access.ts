import type { IncomingHttpHeaders } from 'node:http';
import { accessIncludesServer, narrowAccess, type McpAccess } from '../bridge/mcp-access.js';

export type RequestAccess = { ok: true; access: McpAccess } | { ok: false; status: 403 | 404; message: string };

/** The servers named by LiteLLM's `x-mcp-servers: a,b` narrowing header. */
export function headerServers(headers: IncomingHttpHeaders): string[] | undefined {
  const raw = headers['x-mcp-servers'];
  if (raw === undefined) return undefined;
  const list = (Array.isArray(raw) ? raw.join(',') : raw).split(',').map((name) => name.trim());
  return list.filter((name) => name !== '');
}

/**
 * The access one `/mcp` request runs with: the key's access narrowed to the path's server and the
 * `x-mcp-servers` header. Naming a server the key lacks is refused (403), naming an unknown one is 404; neither
 * ever widens what the key has.
 */
export function requestAccess(
  configured: readonly string[],
  keyAccess: McpAccess,
  pathServer: string | undefined,
  fromHeader: readonly string[] | undefined,
): RequestAccess {
  const named = [...(pathServer === undefined ? [] : [pathServer]), ...(fromHeader ?? [])];
  for (const server of named) {
    if (!accessIncludesServer(keyAccess, server)) {
      return { ok: false, status: 403, message: `Access to MCP server "${server}" is not allowed.` };
    }
    if (!configured.includes(server)) return { ok: false, status: 404, message: `No MCP server named "${server}".` };
  }
  let access = keyAccess;
  if (pathServer !== undefined) access = narrowAccess(access, { servers: [pathServer] });
  if (fromHeader !== undefined) access = narrowAccess(access, { servers: fromHeader });
  return { ok: true, access };
}
