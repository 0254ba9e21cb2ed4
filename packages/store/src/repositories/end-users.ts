import type { Database } from '../database.js';
import { endUsers } from '../schema/index.js';
import { governedRepository } from './governed-entity.js';
import type { BudgetClock, LimitsInput } from './limits.js';
import type { PageRequest } from './page.js';

export type EndUser = typeof endUsers.$inferSelect;

export interface EndUserPatch extends LimitsInput {
  alias?: string | null;
  allowedModelRegion?: string | null;
  defaultModel?: string | null;
}

export interface EndUserInput extends EndUserPatch {
  /** The caller's own identifier: the `user` field of requests (or the configured end-user header). */
  id: string;
}

/** End users (customers): budgets and limits for the people an application serves. */
export function createEndUserRepository(db: Database, clock: BudgetClock) {
  return governedRepository<typeof endUsers, EndUserInput, EndUserPatch, PageRequest>(
    db,
    clock,
    { table: endUsers, entityType: 'end_user' },
    () => [],
  );
}

export type EndUserRepository = ReturnType<typeof createEndUserRepository>;
