import { z } from 'zod';
import { id, ignored, limitFields, unsupported } from './input-fields.js';

/** LiteLLM's roles are `admin` and `user`; Switchyard's store calls the latter `member` (both accepted). */
export const memberSchema = z.strictObject({
  user_id: id.optional(),
  user_email: z.email().optional(),
  role: z.enum(['admin', 'user', 'member']).default('user'),
  max_budget_in_team: z.number().finite().nonnegative().nullable().optional(),
});

const objectPermission = z.strictObject({
  mcp_servers: z.array(z.string().min(1)).optional(),
  agents: z.array(z.string().min(1)).optional(),
  mcp_access_groups: unsupported,
  mcp_tool_permissions: unsupported,
  vector_stores: unsupported,
});

const teamFields = {
  ...limitFields,
  team_alias: z.string().max(256).nullable().optional(),
  organization_id: id.nullable().optional(),
  object_permission: objectPermission.nullable().optional(),
  model_aliases: unsupported,
  model_max_budget: unsupported,
  model_rpm_limit: unsupported,
  model_tpm_limit: unsupported,
  guardrails: unsupported,
  prompts: unsupported,
  team_member_permissions: unsupported,
  team_member_budget: unsupported,
  team_member_rpm_limit: unsupported,
  team_member_tpm_limit: unsupported,
  tags: ignored,
  admins: unsupported,
  members: unsupported,
};

export const newTeamSchema = z.strictObject({
  ...teamFields,
  team_id: id.optional(),
  members_with_roles: z.array(memberSchema).max(1000).optional(),
});

export const updateTeamSchema = z.strictObject({ ...teamFields, team_id: id });
export const deleteTeamsSchema = z.strictObject({ team_ids: z.array(id).min(1).max(1000) });
export const teamInfoQuery = z.strictObject({ team_id: id.optional() });
export const listTeamsQuery = z.strictObject({ organization_id: id.optional(), user_id: ignored });

export const memberAddSchema = z.strictObject({
  team_id: id,
  member: z.union([memberSchema, z.array(memberSchema).min(1).max(1000)]),
  max_budget_in_team: z.number().finite().nonnegative().nullable().optional(),
});

export const memberDeleteSchema = z.strictObject({ team_id: id, user_id: id.optional(), user_email: z.email().optional() });

export type MemberInput = z.output<typeof memberSchema>;
