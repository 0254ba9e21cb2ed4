import { z } from 'zod';
import { durationText, id, ignored, limitFields, pageNumber, pageSizeOf, unsupported } from './input-fields.js';

const userRole = z.enum(['proxy_admin', 'proxy_admin_viewer', 'org_admin', 'internal_user', 'internal_user_viewer']);

const userFields = {
  ...limitFields,
  user_email: z.email().nullable().optional(),
  user_alias: z.string().max(256).nullable().optional(),
  user_role: userRole.optional(),
  organization_id: id.nullable().optional(),
  model_max_budget: unsupported,
  model_rpm_limit: unsupported,
  model_tpm_limit: unsupported,
  allowed_cache_controls: unsupported,
  guardrails: unsupported,
  prompts: unsupported,
  object_permission: unsupported,
  send_invite_email: ignored,
  sso_user_id: ignored,
  password: unsupported,
};

export const newUserSchema = z.strictObject({
  ...userFields,
  user_id: id.optional(),
  /** Team ids to join as a member. */
  teams: z.array(id).max(1000).optional(),
  /** LiteLLM's default: /user/new also issues a key for the user. */
  auto_create_key: z.boolean().default(true),
  key_alias: z.string().max(256).optional(),
  duration: durationText.optional(),
});

export const updateUserSchema = z.strictObject({ ...userFields, user_id: id });
export const deleteUsersSchema = z.strictObject({ user_ids: z.array(id).min(1).max(1000) });
export const userInfoQuery = z.strictObject({ user_id: id.optional() });
export const listUsersQuery = z.strictObject({
  page: pageNumber,
  page_size: pageSizeOf(100),
  role: userRole.optional(),
  organization_id: id.optional(),
  user_ids: ignored,
});
