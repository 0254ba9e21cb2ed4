import { eq } from 'drizzle-orm';
import type { Database } from '../database.js';
import { users, type UserRole } from '../schema/index.js';
import { governedRepository } from './governed-entity.js';
import type { BudgetClock, LimitsInput } from './limits.js';
import { equalsWhenSet, type PageRequest } from './page.js';

export type User = typeof users.$inferSelect;

export interface UserPatch extends LimitsInput {
  email?: string | null;
  alias?: string | null;
  role?: UserRole;
  organisationId?: string | null;
}

export interface UserInput extends UserPatch {
  id?: string;
}

export interface UserQuery extends PageRequest {
  organisationId?: string;
  role?: UserRole;
}

/**
 * `create` fails with `conflict` when the email is taken. Memberships go with a deleted user; `delete` fails with
 * `conflict` while keys still belong to them.
 */
export function createUserRepository(db: Database, clock: BudgetClock) {
  const repository = governedRepository<typeof users, UserInput, UserPatch, UserQuery>(
    db,
    clock,
    { table: users, entityType: 'user' },
    (query) => [equalsWhenSet(users.organisationId, query.organisationId), equalsWhenSet(users.role, query.role)],
  );
  return {
    ...repository,
    async findByEmail(email: string): Promise<User | undefined> {
      const [row] = await db.select().from(users).where(eq(users.email, email));
      return row;
    },
  };
}

export type UserRepository = ReturnType<typeof createUserRepository>;
