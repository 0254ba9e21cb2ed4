import type { Database } from '../database.js';
import { teams, type ObjectPermission } from '../schema/index.js';
import { governedRepository } from './governed-entity.js';
import type { BudgetClock, LimitsInput } from './limits.js';
import { equalsWhenSet, type PageRequest } from './page.js';

export type Team = typeof teams.$inferSelect;

export interface TeamPatch extends LimitsInput {
  alias?: string | null;
  organisationId?: string | null;
  objectPermission?: ObjectPermission | null;
}

export interface TeamInput extends TeamPatch {
  id?: string;
}

export interface TeamQuery extends PageRequest {
  organisationId?: string;
}

/** Memberships go with a deleted team; `delete` fails with `conflict` while keys still belong to it. */
export function createTeamRepository(db: Database, clock: BudgetClock) {
  return governedRepository<typeof teams, TeamInput, TeamPatch, TeamQuery>(
    db,
    clock,
    { table: teams, entityType: 'team' },
    (query) => [equalsWhenSet(teams.organisationId, query.organisationId)],
  );
}

export type TeamRepository = ReturnType<typeof createTeamRepository>;
