import { randomUUID } from 'node:crypto';
import type { Store, Team, TeamRole } from '@switchyard/store';
import type { z } from 'zod';
import type { Principal } from '../auth/principal.js';
import { allPages } from './all-pages.js';
import { actorOf, requireAdmin, visibilityOf } from './access.js';
import { compact, limitsFrom } from './input-fields.js';
import type { ManagementDeps } from './management-deps.js';
import { managementErrors, storeCall } from './management-errors.js';
import { parseInput } from './parse-input.js';
import { ensureUser } from './references.js';
import {
  deleteTeamsSchema,
  listTeamsQuery,
  memberAddSchema,
  memberDeleteSchema,
  newTeamSchema,
  teamInfoQuery,
  updateTeamSchema,
  type MemberInput,
} from './team-schemas.js';
import { keyView, membershipView, teamView } from './views.js';

type TeamFields = Omit<z.output<typeof updateTeamSchema>, 'team_id'>;

async function teamPatch(store: Store, input: TeamFields) {
  if (typeof input.organization_id === 'string' && (await store.organisations.get(input.organization_id)) === undefined) {
    throw managementErrors.notFound('organization', input.organization_id, 'organization_id');
  }
  const permission = input.object_permission;
  return compact({
    ...limitsFrom(input),
    alias: input.team_alias,
    organisationId: input.organization_id,
    objectPermission: permission === undefined || permission === null ? permission : compact({ mcpServers: permission.mcp_servers, agents: permission.agents }),
  });
}

export async function requireTeam(store: Store, teamId: string, param = 'team_id'): Promise<Team> {
  const team = await store.teams.get(teamId);
  if (team === undefined) throw managementErrors.notFound('team', teamId, param);
  return team;
}

async function viewOf(store: Store, team: Team) {
  return teamView(team, await store.memberships.list({ teamId: team.id }));
}

/** Adds members (creating users LiteLLM-style when unknown); an existing member gets the new role. */
async function addMembers(store: Store, teamId: string, members: readonly MemberInput[], actor: string, param: string) {
  for (const [index, member] of members.entries()) {
    const userId = member.user_id ?? (member.user_email === undefined ? undefined : (await store.users.findByEmail(member.user_email))?.id);
    if (userId === undefined && member.user_email === undefined) {
      throw managementErrors.invalid(`${param}.${index}.user_id`, 'A member needs "user_id" or "user_email".');
    }
    const user = await ensureUser(store, userId ?? randomUUID(), actor, member.user_email);
    const role: TeamRole = member.role === 'admin' ? 'admin' : 'member';
    const limits = { role, ...(member.max_budget_in_team === undefined ? {} : { maxBudget: member.max_budget_in_team }) };
    const existing = await store.memberships.get(teamId, user.id);
    if (existing === undefined) await storeCall(() => store.memberships.add({ teamId, userId: user.id, ...limits }, { actor }));
    else await storeCall(() => store.memberships.update(teamId, user.id, limits, { actor }));
  }
}

/** POST /team/new. */
export async function newTeam(principal: Principal, input: unknown, deps: ManagementDeps) {
  requireAdmin(principal);
  const { team_id, members_with_roles, ...fields } = parseInput(newTeamSchema, input);
  const actor = actorOf(principal);
  const patch = await teamPatch(deps.store, fields);
  const team = await storeCall(() => deps.store.teams.create({ ...patch, ...(team_id === undefined ? {} : { id: team_id }) }, { actor }));
  await addMembers(deps.store, team.id, members_with_roles ?? [], actor, 'members_with_roles');
  deps.auth.invalidate();
  return viewOf(deps.store, team);
}

/** GET /team/info?team_id=: admins any team, a team admin's key its own team (the default without team_id). */
export async function teamInfo(principal: Principal, input: unknown, deps: ManagementDeps) {
  const query = parseInput(teamInfoQuery, input);
  const visibility = visibilityOf(principal);
  const teamId = query.team_id ?? (visibility.scope === 'all' ? undefined : visibility.key.teamId ?? undefined);
  if (teamId === undefined) throw managementErrors.invalid('team_id', '"team_id" is required.');
  if (visibility.scope === 'key' || (visibility.scope === 'team' && visibility.teamId !== teamId)) {
    throw managementErrors.forbidden('This key may read its own team only, and only as a team admin.');
  }
  const team = await requireTeam(deps.store, teamId);
  const members = await deps.store.memberships.list({ teamId });
  const keys = await allPages((cursor) => deps.store.keys.list({ teamId, limit: 1000, ...cursor }));
  return { team_id: team.id, team_info: teamView(team, members), keys: keys.map(keyView), team_memberships: members.map(membershipView) };
}

/** POST /team/update {team_id, ...fields}. */
export async function updateTeam(principal: Principal, input: unknown, deps: ManagementDeps) {
  requireAdmin(principal);
  const { team_id, ...fields } = parseInput(updateTeamSchema, input);
  await requireTeam(deps.store, team_id);
  const patch = await teamPatch(deps.store, fields);
  const team = await storeCall(() => deps.store.teams.update(team_id, patch, { actor: actorOf(principal) }));
  deps.auth.invalidate();
  return viewOf(deps.store, team);
}

/** POST /team/delete {team_ids}: as LiteLLM does, a team's keys are deleted with it (each change audited). */
export async function deleteTeams(principal: Principal, input: unknown, deps: ManagementDeps) {
  requireAdmin(principal);
  const { team_ids } = parseInput(deleteTeamsSchema, input);
  const actor = actorOf(principal);
  for (const [index, teamId] of team_ids.entries()) await requireTeam(deps.store, teamId, `team_ids.${index}`);
  for (const teamId of team_ids) {
    const keys = await allPages((cursor) => deps.store.keys.list({ teamId, limit: 1000, ...cursor }));
    for (const key of keys) await storeCall(() => deps.store.keys.delete(key.id, { actor }));
    await storeCall(() => deps.store.teams.delete(teamId, { actor }));
  }
  deps.auth.invalidate();
  return { deleted_teams: team_ids };
}

/** POST /team/member_add {team_id, member: {user_id|user_email, role} | [...]}. */
export async function addTeamMember(principal: Principal, input: unknown, deps: ManagementDeps) {
  requireAdmin(principal);
  const body = parseInput(memberAddSchema, input);
  const team = await requireTeam(deps.store, body.team_id);
  const members = (Array.isArray(body.member) ? body.member : [body.member]).map((member) =>
    body.max_budget_in_team === undefined || member.max_budget_in_team !== undefined ? member : { ...member, max_budget_in_team: body.max_budget_in_team },
  );
  await addMembers(deps.store, team.id, members, actorOf(principal), 'member');
  deps.auth.invalidate();
  return viewOf(deps.store, team);
}

/** POST /team/member_delete {team_id, user_id|user_email}. */
export async function deleteTeamMember(principal: Principal, input: unknown, deps: ManagementDeps) {
  requireAdmin(principal);
  const body = parseInput(memberDeleteSchema, input);
  const team = await requireTeam(deps.store, body.team_id);
  const userId = body.user_id ?? (body.user_email === undefined ? undefined : (await deps.store.users.findByEmail(body.user_email))?.id);
  if (userId === undefined) throw managementErrors.invalid('user_id', 'Name the member with "user_id" or a known "user_email".');
  await storeCall(() => deps.store.memberships.remove(team.id, userId, { actor: actorOf(principal) }));
  deps.auth.invalidate();
  return viewOf(deps.store, team);
}

/** GET /team/list: every team (admins only), as LiteLLM's list of team objects. */
export async function listTeams(principal: Principal, input: unknown, deps: ManagementDeps) {
  requireAdmin(principal);
  const query = parseInput(listTeamsQuery, input);
  const filter = compact({ organisationId: query.organization_id });
  const teams = await allPages((cursor) => deps.store.teams.list({ ...filter, limit: 1000, ...cursor }));
  return Promise.all(teams.map((team) => viewOf(deps.store, team)));
}
