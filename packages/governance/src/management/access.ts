import type { VirtualKey } from '@switchyard/store';
import { governanceErrors } from '../auth/governance-errors.js';
import { isAdmin, type Principal } from '../auth/principal.js';
import { managementErrors } from './management-errors.js';

/**
 * What a caller may see through the management API:
 * - `all`: the master key and keys of `proxy_admin` users;
 * - `team`: a key whose user is an admin of the key's team sees that team's keys and spend (and itself);
 * - `key`: any other key sees itself only.
 */
export type Visibility =
  | { scope: 'all' }
  | { scope: 'team'; teamId: string; key: VirtualKey }
  | { scope: 'key'; key: VirtualKey };

export function visibilityOf(principal: Principal): Visibility {
  if (isAdmin(principal)) return { scope: 'all' };
  if (principal.kind !== 'key') return { scope: 'all' };
  const { key, membership } = principal.context;
  if (key.teamId !== null && membership?.role === 'admin') return { scope: 'team', teamId: key.teamId, key };
  return { scope: 'key', key };
}

/** Routes that change state, and reads of other people's data, need an admin. */
export function requireAdmin(principal: Principal): void {
  if (!isAdmin(principal)) throw governanceErrors.notAdmin();
}

/** Whether the caller may read this key (its info, its spend). */
export function canSeeKey(visibility: Visibility, key: VirtualKey): boolean {
  if (visibility.scope === 'all') return true;
  if (key.id === visibility.key.id) return true;
  return visibility.scope === 'team' && key.teamId === visibility.teamId;
}

export function requireKeyVisible(visibility: Visibility, key: VirtualKey): void {
  if (!canSeeKey(visibility, key)) throw managementErrors.forbidden('This key may not read another key.');
}

/** Who made a change, for the audit log: the master key, else the user behind the key, else the key's id. */
export function actorOf(principal: Principal): string {
  if (principal.kind === 'master') return 'master_key';
  const { key, user } = principal.context;
  return user?.id ?? `key:${key.id}`;
}
