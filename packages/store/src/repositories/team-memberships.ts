import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../database.js';
import { teamMemberships, type TeamRole } from '../schema/index.js';
import { StoreError, toStoreError } from '../store-error.js';
import { recordAudit, type MutationOptions } from './audit-log.js';
import { equalsWhenSet } from './page.js';

export type TeamMembership = typeof teamMemberships.$inferSelect;

export interface TeamMembershipPatch {
  role?: TeamRole;
  /** The member's own budget inside the team (LiteLLM's per-member budget). */
  maxBudget?: number | null;
  rpmLimit?: number | null;
  tpmLimit?: number | null;
  spend?: number;
}

export interface TeamMembershipInput extends TeamMembershipPatch {
  teamId: string;
  userId: string;
}

export interface TeamMembershipQuery {
  teamId?: string;
  userId?: string;
}

const ENTITY = 'team_membership';

function membershipId(teamId: string, userId: string): string {
  return `${teamId}/${userId}`;
}

function whereMember(teamId: string, userId: string) {
  return and(eq(teamMemberships.teamId, teamId), eq(teamMemberships.userId, userId));
}

/** Which users belong to which teams, with a role and optional per-member limits. */
export function createTeamMembershipRepository(db: Database) {
  async function mutate(
    teamId: string,
    userId: string,
    options: MutationOptions | undefined,
    change: (tx: Database) => Promise<{ action: string; before: TeamMembership | null; after: TeamMembership | null }>,
  ) {
    try {
      return await db.transaction(async (tx) => {
        const { action, before, after } = await change(tx);
        const row = after ?? before;
        if (row === null) throw new StoreError('not_found', `user ${userId} is not a member of team ${teamId}`);
        await recordAudit(tx, options, { action, entityType: ENTITY, entityId: membershipId(teamId, userId), before, after });
        return row;
      });
    } catch (error) {
      return toStoreError(error, `membership of user ${userId} in team ${teamId}`);
    }
  }

  return {
    /** Fails with `conflict` when the membership exists or the team or user does not. */
    add: (input: TeamMembershipInput, options?: MutationOptions) =>
      mutate(input.teamId, input.userId, options, async (tx) => {
        const [after] = await tx.insert(teamMemberships).values(input).returning();
        return { action: 'create', before: null, after: after ?? null };
      }),
    update: (teamId: string, userId: string, patch: TeamMembershipPatch, options?: MutationOptions) =>
      mutate(teamId, userId, options, async (tx) => {
        const [before] = await tx.select().from(teamMemberships).where(whereMember(teamId, userId)).for('update');
        if (before === undefined) return { action: 'update', before: null, after: null };
        const set = { ...patch, updatedAt: sql`now()` };
        const [after] = await tx.update(teamMemberships).set(set).where(whereMember(teamId, userId)).returning();
        return { action: 'update', before, after: after ?? null };
      }),
    remove: (teamId: string, userId: string, options?: MutationOptions) =>
      mutate(teamId, userId, options, async (tx) => {
        const [before] = await tx.delete(teamMemberships).where(whereMember(teamId, userId)).returning();
        return { action: 'delete', before: before ?? null, after: null };
      }),
    async get(teamId: string, userId: string): Promise<TeamMembership | undefined> {
      const [row] = await db.select().from(teamMemberships).where(whereMember(teamId, userId));
      return row;
    },
    /** A team's members or a user's teams (both indexed). */
    list(query: TeamMembershipQuery): Promise<TeamMembership[]> {
      return db
        .select()
        .from(teamMemberships)
        .where(
          and(
            equalsWhenSet(teamMemberships.teamId, query.teamId),
            equalsWhenSet(teamMemberships.userId, query.userId),
          ),
        )
        .orderBy(asc(teamMemberships.teamId), asc(teamMemberships.userId));
    },
  };
}

export type TeamMembershipRepository = ReturnType<typeof createTeamMembershipRepository>;
