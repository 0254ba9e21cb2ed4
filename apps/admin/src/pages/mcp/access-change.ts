import type { KeyRow } from '../../api/keys-api';

export type AccessKind = 'mcp_servers' | 'agents';

/** What a key may use of one kind: undefined means every server (or agent), as when it has no object_permission. */
export function allowedOf(key: KeyRow, kind: AccessKind): string[] | undefined {
  return kind === 'mcp_servers' ? key.mcpServers : key.agents;
}

export function hasAccess(key: KeyRow, kind: AccessKind, name: string): boolean {
  const allowed = allowedOf(key, kind);
  return allowed === undefined || allowed.includes(name);
}

/**
 * The key's new list after granting or revoking `name`. Revoking from a key that may use everything gives it an
 * explicit list of every other known name; granting keeps "everything" as it is.
 */
export function changedAccess(key: KeyRow, kind: AccessKind, name: string, grant: boolean, known: readonly string[]): string[] | undefined {
  const allowed = allowedOf(key, kind);
  if (grant) return allowed === undefined || allowed.includes(name) ? allowed : [...allowed, name];
  const base = allowed ?? [...known];
  return base.filter((item) => item !== name);
}

/** The object_permission to send for the key after the change, keeping the other kind's list as it was. */
export function permissionAfter(key: KeyRow, kind: AccessKind, list: string[] | undefined): { mcp_servers?: string[]; agents?: string[] } {
  const other: AccessKind = kind === 'mcp_servers' ? 'agents' : 'mcp_servers';
  const permission: { mcp_servers?: string[]; agents?: string[] } = {};
  const otherList = allowedOf(key, other);
  if (otherList !== undefined) permission[other] = otherList;
  if (list !== undefined) permission[kind] = list;
  return permission;
}
