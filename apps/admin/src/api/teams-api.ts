import type { ApiClient } from './api-client';
import { bool, listOf, number, strings, text, type Row } from '../lib/records';

export interface TeamMember {
  userId: string;
  email: string | undefined;
  role: string;
}

export interface TeamRow {
  id: string;
  alias: string | undefined;
  spend: number;
  maxBudget: number | undefined;
  budgetDuration: string | undefined;
  rpmLimit: number | undefined;
  tpmLimit: number | undefined;
  models: string[];
  members: TeamMember[];
  blocked: boolean;
}

export interface TeamLimits {
  team_alias?: string | null;
  max_budget?: number | null;
  budget_duration?: string | null;
  rpm_limit?: number | null;
  tpm_limit?: number | null;
  models?: string[];
}

export interface UserRow {
  id: string;
  email: string | undefined;
  role: string | undefined;
  spend: number;
  maxBudget: number | undefined;
  teams: string[];
}

export interface UserInput {
  user_id?: string;
  user_email?: string;
  user_role?: string;
  max_budget?: number | null;
}

export const userRoles = ['proxy_admin', 'proxy_admin_viewer', 'internal_user', 'internal_user_viewer'] as const;
/** LiteLLM's team roles (Switchyard's store calls `user` a member). */
export const teamRoles = ['admin', 'user'] as const;

export function teamRow(row: Row): TeamRow {
  return {
    id: text(row, 'team_id', 'id') ?? '',
    alias: text(row, 'team_alias', 'alias'),
    spend: number(row, 'spend') ?? 0,
    maxBudget: number(row, 'max_budget'),
    budgetDuration: text(row, 'budget_duration'),
    rpmLimit: number(row, 'rpm_limit'),
    tpmLimit: number(row, 'tpm_limit'),
    models: strings(row, 'models'),
    members: listOf(row['members_with_roles'] ?? row['members']).map((member) => ({
      userId: text(member, 'user_id') ?? '',
      email: text(member, 'user_email'),
      role: text(member, 'role') ?? 'user',
    })),
    blocked: bool(row, 'blocked'),
  };
}

export function userRow(row: Row): UserRow {
  return {
    id: text(row, 'user_id', 'id') ?? '',
    email: text(row, 'user_email', 'email'),
    role: text(row, 'user_role', 'role'),
    spend: number(row, 'spend') ?? 0,
    maxBudget: number(row, 'max_budget'),
    teams: strings(row, 'teams'),
  };
}

export async function listTeams(api: ApiClient): Promise<TeamRow[]> {
  return listOf(await api.get('/team/list'), 'teams', 'data').map(teamRow);
}

export async function createTeam(api: ApiClient, input: TeamLimits): Promise<TeamRow> {
  return teamRow((await api.post<Row>('/team/new', input)) ?? {});
}

export async function updateTeam(api: ApiClient, teamId: string, patch: TeamLimits): Promise<void> {
  await api.post('/team/update', { team_id: teamId, ...patch });
}

export async function deleteTeam(api: ApiClient, teamId: string): Promise<void> {
  await api.post('/team/delete', { team_ids: [teamId] });
}

export async function addTeamMember(api: ApiClient, teamId: string, member: { user_id: string; role: string }): Promise<void> {
  await api.post('/team/member_add', { team_id: teamId, member });
}

export async function listUsers(api: ApiClient): Promise<UserRow[]> {
  return listOf(await api.get('/user/list', { page_size: 100 }), 'users', 'data').map(userRow);
}

/** `/user/new` also issues the user's first key (as LiteLLM does): returned here, shown once. */
export async function createUser(api: ApiClient, input: UserInput): Promise<{ user: UserRow; key: string | undefined }> {
  const answer = (await api.post<Row>('/user/new', input)) ?? {};
  return { user: userRow(answer), key: text(answer, 'key') };
}

export async function updateUser(api: ApiClient, userId: string, patch: UserInput): Promise<void> {
  await api.post('/user/update', { user_id: userId, ...patch });
}

export async function deleteUser(api: ApiClient, userId: string): Promise<void> {
  await api.post('/user/delete', { user_ids: [userId] });
}
