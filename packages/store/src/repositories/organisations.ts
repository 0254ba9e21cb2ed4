import type { Database } from '../database.js';
import { organisations, type ObjectPermission } from '../schema/index.js';
import { governedRepository } from './governed-entity.js';
import type { BudgetClock, LimitsInput } from './limits.js';
import type { PageRequest } from './page.js';

export type Organisation = typeof organisations.$inferSelect;

export interface OrganisationPatch extends LimitsInput {
  alias?: string | null;
  objectPermission?: ObjectPermission | null;
}

export interface OrganisationInput extends OrganisationPatch {
  id?: string;
}

/** `delete` fails with `conflict` while teams, users or keys still belong to the organisation. */
export function createOrganisationRepository(db: Database, clock: BudgetClock) {
  return governedRepository<typeof organisations, OrganisationInput, OrganisationPatch, PageRequest>(
    db,
    clock,
    { table: organisations, entityType: 'organisation' },
    () => [],
  );
}

export type OrganisationRepository = ReturnType<typeof createOrganisationRepository>;
