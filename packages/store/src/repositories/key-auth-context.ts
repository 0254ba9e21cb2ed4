import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../database.js';
import { organisations, teamMemberships, teams, users, virtualKeys } from '../schema/index.js';

const keyOrganisationId = sql`coalesce(${virtualKeys.organisationId}, ${teams.organisationId})`;

/** The lookup query, exposed so tests can EXPLAIN exactly what runs. */
export function keyAuthContextSelect(db: Database, keyHash: string) {
  return db
    .select({
      key: virtualKeys,
      team: teams,
      user: users,
      organisation: organisations,
      membership: teamMemberships,
    })
    .from(virtualKeys)
    .leftJoin(teams, eq(teams.id, virtualKeys.teamId))
    .leftJoin(users, eq(users.id, virtualKeys.userId))
    .leftJoin(organisations, eq(organisations.id, keyOrganisationId))
    .leftJoin(
      teamMemberships,
      and(eq(teamMemberships.teamId, virtualKeys.teamId), eq(teamMemberships.userId, virtualKeys.userId)),
    )
    .where(eq(virtualKeys.keyHash, keyHash));
}

/**
 * Everything a request's governance checks need about its key, in one round trip: a unique-index probe on
 * `key_hash` followed by primary-key joins. The organisation is the key's own, else its team's.
 */
export async function findKeyAuthContext(db: Database, keyHash: string) {
  const [row] = await keyAuthContextSelect(db, keyHash);
  return row;
}

export type KeyAuthContext = NonNullable<Awaited<ReturnType<typeof findKeyAuthContext>>>;
