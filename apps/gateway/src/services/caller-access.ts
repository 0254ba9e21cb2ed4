import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { SwitchyardError } from '@switchyard/core';
import { isAdmin, scopesForKey, type LimitScope, type Principal } from '@switchyard/governance/policy';
import type { KeyAuthContext, ObjectPermission } from '@switchyard/store';
import { presentedKey } from '../governance/presented-key.js';
import type { ServiceGovernance } from './service-governance.js';

/** Who is calling an MCP or A2A route, and what it may reach. */
export interface CallerAccess {
  /** Stable per key (`key:<id>`, `master`, `open`): MCP sessions stay bound to it. */
  subject: string;
  /** MCP servers the caller may use; undefined: every server. */
  mcpServers: readonly string[] | undefined;
  /** A2A agents the caller may use; undefined: every agent. */
  agents: readonly string[] | undefined;
  /** May use the management routes (master key, proxy_admin, or an open gateway). */
  admin: boolean;
  /** The virtual key behind the call, when governance is on and the caller is not the master key. */
  key?: KeyAuthContext | undefined;
  /** The scopes a call counts against (key, team, user, organisation). */
  scopes: LimitScope[];
}

export type ResolveCaller = (headers: IncomingHttpHeaders) => Promise<CallerAccess>;

function intersect(lists: ReadonlyArray<readonly string[] | undefined>): readonly string[] | undefined {
  let result: readonly string[] | undefined;
  for (const list of lists) {
    if (list === undefined) continue;
    result = result === undefined ? [...list] : result.filter((item) => list.includes(item));
  }
  return result;
}

/**
 * The servers or agents a key reaches: its own `object_permission`, its team's and its organisation's, intersected.
 * A level without a list (no object_permission, or one without that field) does not restrict.
 */
function permitted(context: KeyAuthContext, field: keyof ObjectPermission): readonly string[] | undefined {
  const levels = [context.key.objectPermission, context.team?.objectPermission, context.organisation?.objectPermission];
  return intersect(levels.map((permission) => permission?.[field] ?? undefined));
}

function fromPrincipal(principal: Principal): CallerAccess {
  if (principal.kind === 'master') return { subject: 'master', mcpServers: undefined, agents: undefined, admin: true, scopes: [] };
  const context = principal.context;
  return {
    subject: `key:${context.key.id}`,
    mcpServers: permitted(context, 'mcpServers'),
    agents: permitted(context, 'agents'),
    admin: isAdmin(principal),
    key: context,
    scopes: scopesForKey(context),
  };
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Resolves the caller of an MCP or A2A request from `Authorization: Bearer` (or x-api-key / api-key):
 * - governance on: the key's principal; its object_permission decides what it reaches;
 * - only a master key: that key, with access to everything; anything else is refused;
 * - neither: the gateway is open and every caller reaches everything.
 * Throws a SwitchyardError `authentication` (401) for a missing or unknown key.
 */
export function createCallerResolver(options: { masterKey: string | undefined; governance: ServiceGovernance | undefined }): ResolveCaller {
  const { governance } = options;
  if (governance) return async (headers) => fromPrincipal(await governance.auth.authenticate(presentedKey(headers)));
  if (options.masterKey === undefined) {
    const open: CallerAccess = { subject: 'open', mcpServers: undefined, agents: undefined, admin: true, scopes: [] };
    return async () => open;
  }
  const expected = digest(options.masterKey);
  return async (headers) => {
    const key = presentedKey(headers);
    if (key === undefined) throw new SwitchyardError('authentication', 'Missing API key: send "Authorization: Bearer <key>".');
    if (!timingSafeEqual(digest(key), expected)) throw new SwitchyardError('authentication', 'Invalid API key.');
    return fromPrincipal({ kind: 'master' });
  };
}
