import { randomUUID } from 'node:crypto';
import type { InferInsertModel, InferSelectModel, SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../database.js';
import type { MutationOptions } from './audit-log.js';
import { entityOperations, type EntityDescription, type EntityTable, type Patch } from './entity-operations.js';
import { budgetResetOnCreate, budgetResetOnUpdate, type BudgetClock, type LimitsInput } from './limits.js';
import type { PageRequest } from './page.js';

/** A table with the limit columns (organisations, teams, users, end users, virtual keys). */
export type GovernedTable = EntityTable & { budgetDuration: PgColumn };

type Input = LimitsInput & { id?: string };

/**
 * Entity operations plus the budget rules: a duration is validated and sets the next calendar-aligned reset.
 * Ids default to random UUIDs; callers may bring their own (LiteLLM lets you choose team and user ids).
 */
export function governedEntity<T extends GovernedTable>(
  db: Database,
  clock: BudgetClock,
  description: EntityDescription<T>,
) {
  type Row = InferSelectModel<T>;
  const operations = entityOperations(db, description);
  return {
    ...operations,
    create(input: Input, options?: MutationOptions): Promise<Row> {
      const values = { ...input, ...budgetResetOnCreate(input, clock), id: input.id ?? randomUUID() };
      return operations.insert(values as unknown as InferInsertModel<T>, options);
    },
    patch(id: string, patch: LimitsInput, options?: MutationOptions, action?: string): Promise<Row> {
      return operations.update(
        id,
        (before) => {
          const budgetDuration = (before as { budgetDuration: string | null }).budgetDuration;
          return { ...patch, ...budgetResetOnUpdate(patch, { budgetDuration }, clock) } as Patch<T>;
        },
        options,
        action,
      );
    },
  };
}

/**
 * The standard repository of a governed entity: create, get, require, update, delete, and a paged list whose
 * filters `conditions` turns into SQL. Organisations, teams, users and end users are this plus their own types.
 */
export function governedRepository<T extends GovernedTable, I extends Input, P extends LimitsInput, Q extends PageRequest>(
  db: Database,
  clock: BudgetClock,
  description: EntityDescription<T>,
  conditions: (query: Q) => Array<SQL | undefined>,
) {
  const entity = governedEntity(db, clock, description);
  return {
    create: (input: I, options?: MutationOptions) => entity.create(input, options),
    get: entity.get,
    require: entity.require,
    update: (id: string, patch: P, options?: MutationOptions) => entity.patch(id, patch, options),
    delete: entity.remove,
    list: (query: Q = {} as Q) => entity.list(conditions(query), query),
    /** How many rows `list` would page through with the same filters. */
    count: (query: Q = {} as Q) => entity.count(conditions(query)),
  };
}
