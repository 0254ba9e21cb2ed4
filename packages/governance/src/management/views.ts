import type { EndUser, Team, TeamMembership, User, VirtualKey } from '@switchyard/store';

const iso = (date: Date | null | undefined): string | null => (date ? date.toISOString() : null);

/** The limit fields every governed entity reports, in LiteLLM's names. */
function limitsView(row: Team | User | EndUser | VirtualKey) {
  return {
    spend: row.spend,
    max_budget: row.maxBudget,
    soft_budget: row.softBudget,
    budget_duration: row.budgetDuration,
    budget_reset_at: iso(row.budgetResetAt),
    rpm_limit: row.rpmLimit,
    tpm_limit: row.tpmLimit,
    max_parallel_requests: row.maxParallelRequests,
    blocked: row.blocked,
    models: row.models,
    metadata: row.metadata,
    created_at: iso(row.createdAt),
    updated_at: iso(row.updatedAt),
  };
}

function objectPermissionView(permission: { mcpServers?: string[]; agents?: string[] } | null) {
  if (permission === null) return null;
  return { mcp_servers: permission.mcpServers ?? [], agents: permission.agents ?? [] };
}

/**
 * A key as every route but /key/generate and /key/regenerate reports it: `token` is the SHA-256 of the key (LiteLLM's
 * token), `key_name` its hint. The key itself is never part of it.
 */
export function keyView(row: VirtualKey) {
  return {
    token: row.keyHash,
    key_id: row.id,
    key_name: row.keyHint,
    key_alias: row.keyAlias,
    team_id: row.teamId,
    user_id: row.userId,
    organization_id: row.organisationId,
    expires: iso(row.expiresAt),
    object_permission: objectPermissionView(row.objectPermission),
    created_by: row.createdBy,
    ...limitsView(row),
  };
}

export type KeyView = ReturnType<typeof keyView>;

/** LiteLLM's team member roles are `admin` and `user`. */
export const memberRoleView = (membership: TeamMembership) => (membership.role === 'admin' ? 'admin' : 'user');

export function membershipView(membership: TeamMembership) {
  return {
    team_id: membership.teamId,
    user_id: membership.userId,
    role: memberRoleView(membership),
    spend: membership.spend,
    max_budget: membership.maxBudget,
    rpm_limit: membership.rpmLimit,
    tpm_limit: membership.tpmLimit,
  };
}

export function teamView(row: Team, members: readonly TeamMembership[]) {
  return {
    team_id: row.id,
    team_alias: row.alias,
    organization_id: row.organisationId,
    members_with_roles: members.map((member) => ({ user_id: member.userId, role: memberRoleView(member) })),
    object_permission: objectPermissionView(row.objectPermission),
    ...limitsView(row),
  };
}

export function userView(row: User, teams: readonly string[]) {
  return {
    user_id: row.id,
    user_email: row.email,
    user_alias: row.alias,
    user_role: row.role,
    organization_id: row.organisationId,
    teams: [...teams],
    ...limitsView(row),
  };
}

export function customerView(row: EndUser) {
  const limits = limitsView(row);
  return {
    user_id: row.id,
    alias: row.alias,
    allowed_model_region: row.allowedModelRegion,
    default_model: row.defaultModel,
    ...limits,
    litellm_budget_table: {
      max_budget: limits.max_budget,
      soft_budget: limits.soft_budget,
      budget_duration: limits.budget_duration,
      budget_reset_at: limits.budget_reset_at,
      rpm_limit: limits.rpm_limit,
      tpm_limit: limits.tpm_limit,
      max_parallel_requests: limits.max_parallel_requests,
    },
  };
}
