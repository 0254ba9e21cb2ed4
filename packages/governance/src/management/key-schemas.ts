import { z } from 'zod';
import { durationText, id, ignored, limitFields, pageNumber, pageSizeOf, queryFlag, unsupported } from './input-fields.js';

const objectPermission = z.strictObject({
  mcp_servers: z.array(z.string().min(1)).optional(),
  agents: z.array(z.string().min(1)).optional(),
  mcp_access_groups: unsupported,
  mcp_tool_permissions: unsupported,
  vector_stores: unsupported,
  object_permission_id: ignored,
});

/** LiteLLM's key fields Switchyard does not implement: accepted only empty (see input-fields.ts). */
const unsupportedKeyFields = {
  aliases: unsupported,
  config: unsupported,
  permissions: unsupported,
  model_max_budget: unsupported,
  model_rpm_limit: unsupported,
  model_tpm_limit: unsupported,
  allowed_routes: unsupported,
  allowed_passthrough_routes: unsupported,
  allowed_cache_controls: unsupported,
  guardrails: unsupported,
  prompts: unsupported,
  enforced_params: unsupported,
  budget_id: unsupported,
  rpm_limit_type: unsupported,
  tpm_limit_type: unsupported,
  auto_rotate: unsupported,
  rotation_interval: unsupported,
};

/** LiteLLM fields that change nothing a key may do (UI and invitation hints): accepted and ignored. */
const ignoredKeyFields = {
  tags: ignored,
  send_invite_email: ignored,
  key_type: ignored,
  soft_budget_cooldown: ignored,
  key_name: ignored,
};

/** The fields /key/generate, /key/update and /key/regenerate share (LiteLLM's GenerateKeyRequest). */
const keyFields = {
  ...limitFields,
  ...unsupportedKeyFields,
  ...ignoredKeyFields,
  key_alias: z.string().max(256).nullable().optional(),
  team_id: id.nullable().optional(),
  user_id: id.nullable().optional(),
  organization_id: id.nullable().optional(),
  /** Expiry relative to now: "30d", "1h". */
  duration: durationText.nullable().optional(),
  /** Expiry as an ISO date-time. */
  expires: z.iso.datetime({ offset: true }).nullable().optional(),
  object_permission: objectPermission.nullable().optional(),
};

const keyReference = z.string().min(1).max(1024);

export const generateKeySchema = z.strictObject({
  ...keyFields,
  /** Bring your own key (an import from LiteLLM): it must start with "sk-". */
  key: z.string().startsWith('sk-').min(16).max(512).optional(),
});

export const updateKeySchema = z.strictObject({ ...keyFields, key: keyReference });
export const regenerateKeySchema = z.strictObject({ ...keyFields, key: keyReference, new_key: unsupported });
export const keyReferenceSchema = z.strictObject({ key: keyReference });
export const deleteKeysSchema = z.strictObject({ keys: z.array(keyReference).min(1).max(1000), key_aliases: unsupported });
export const keyInfoQuery = z.strictObject({ key: keyReference.optional() });

export const listKeysQuery = z.strictObject({
  page: pageNumber,
  size: pageSizeOf(100),
  team_id: id.optional(),
  user_id: id.optional(),
  organization_id: id.optional(),
  return_full_object: queryFlag,
  include_team_keys: ignored,
  expand: ignored,
});

export type KeyFieldsInput = z.output<typeof updateKeySchema>;
