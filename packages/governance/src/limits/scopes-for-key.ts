import type { EndUser, KeyAuthContext } from '@switchyard/store';
import type { LimitScope } from './limit-scope.js';

interface Limited {
  id: string;
  spend: number;
  maxBudget: number | null;
  rpmLimit: number | null;
  tpmLimit: number | null;
  maxParallelRequests: number | null;
  budgetResetAt: Date | null;
}

function scopeOf(kind: string, label: string, entity: Limited): LimitScope {
  return {
    id: `${kind}:${entity.id}`,
    label: `${label} ${entity.id}`,
    rpmLimit: entity.rpmLimit,
    tpmLimit: entity.tpmLimit,
    maxParallelRequests: entity.maxParallelRequests,
    maxBudget: entity.maxBudget,
    spend: entity.spend,
    period: entity.budgetResetAt === null ? 'lifetime' : String(entity.budgetResetAt.getTime()),
    periodEndsAt: entity.budgetResetAt?.getTime(),
  };
}

/** Every scope a request with this key (and end user) counts against: key, team, user, organisation, end user. */
export function scopesForKey(context: KeyAuthContext, endUser?: EndUser): LimitScope[] {
  const scopes = [scopeOf('key', 'key', { ...context.key, id: context.key.id })];
  if (context.team) scopes.push(scopeOf('team', 'team', context.team));
  if (context.user) scopes.push(scopeOf('user', 'user', context.user));
  if (context.organisation) scopes.push(scopeOf('org', 'organisation', context.organisation));
  if (context.membership && context.team && context.user) {
    const m = context.membership;
    scopes.push(
      scopeOf('member', 'team member', {
        id: `${m.teamId}:${m.userId}`,
        spend: m.spend,
        maxBudget: m.maxBudget,
        rpmLimit: m.rpmLimit,
        tpmLimit: m.tpmLimit,
        maxParallelRequests: null,
        budgetResetAt: context.team.budgetResetAt,
      }),
    );
  }
  if (endUser) scopes.push(scopeOf('end-user', 'end user', endUser));
  return scopes;
}
