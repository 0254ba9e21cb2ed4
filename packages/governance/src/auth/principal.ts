import type { KeyAuthContext } from '@switchyard/store';

/** Who is calling: the master key, or a virtual key with its team, user, organisation and membership. */
export type Principal = { kind: 'master' } | { kind: 'key'; context: KeyAuthContext };

/** The master key and keys of `proxy_admin` users may use the management API without restriction. */
export function isAdmin(principal: Principal): boolean {
  return principal.kind === 'master' || principal.context.user?.role === 'proxy_admin';
}
