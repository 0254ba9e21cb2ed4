import type { KeyAuthContext } from '@switchyard/store';
import { governanceErrors } from './governance-errors.js';
import { modelAllowed } from './model-access.js';

/** Refuses an expired key, or a key whose key, team, user or organisation is blocked. */
export function checkKeyUsable(context: KeyAuthContext, now: Date): void {
  const { key, team, user, organisation } = context;
  if (key.expiresAt !== null && key.expiresAt.getTime() <= now.getTime()) throw governanceErrors.expired(key.expiresAt);
  if (key.blocked) throw governanceErrors.blocked('key');
  if (team?.blocked) throw governanceErrors.blocked('team');
  if (user?.blocked) throw governanceErrors.blocked('user');
  if (organisation?.blocked) throw governanceErrors.blocked('organisation');
}

/** Refuses a model that the key's, team's, user's or organisation's allow-list does not include. */
export function checkModelAllowed(context: KeyAuthContext, model: string, accessGroups?: ReadonlyMap<string, readonly string[]>): void {
  const levels: Array<[string, readonly string[] | undefined]> = [
    ['key', context.key.models],
    ['team', context.team?.models],
    ['user', context.user?.models],
    ['organisation', context.organisation?.models],
  ];
  for (const [what, models] of levels) {
    if (models !== undefined && !modelAllowed(model, models, accessGroups)) throw governanceErrors.modelNotAllowed(model, what);
  }
}
