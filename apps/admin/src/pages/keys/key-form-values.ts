import type { KeyLimits } from '../../api/keys-api';
import { checkedWithExtra, defined, optionalNumber, optionalText, orNull } from '../../lib/form-values';

/** Pattern for budget_duration and duration: "30s", "10m", "24h", "30d" (LiteLLM's units). */
export const durationPattern = '^\\d+[smhd]$|^\\d+mo$';

function checkDuration(value: string | undefined, label: string): string | undefined {
  if (value !== undefined && !new RegExp(durationPattern).test(value)) throw new Error(`${label} must look like 30d, 24h, 10m or 1mo.`);
  return value;
}

function accessList(form: FormData, name: string, allName: string): string[] | undefined {
  if (form.get(allName) === 'on') return undefined;
  return checkedWithExtra(form, name, `${name}_extra`);
}

/**
 * The key form's values as LiteLLM's fields. On create, empty fields are left out; on update they are sent as
 * null (the limit is removed). An empty model list means every model.
 */
export function keyLimitsFrom(form: FormData, mode: 'create' | 'update'): KeyLimits {
  const blank = <T>(value: T | undefined): T | null | undefined => (mode === 'create' ? value : orNull(value));
  const mcpServers = accessList(form, 'mcp_servers', 'mcp_all');
  const agents = accessList(form, 'agents', 'agents_all');
  const limits: { [Field in keyof KeyLimits]: KeyLimits[Field] | undefined } = {
    key_alias: blank(optionalText(form, 'key_alias')),
    models: checkedWithExtra(form, 'models', 'models_extra'),
    max_budget: blank(optionalNumber(form, 'max_budget', 'Max budget')),
    soft_budget: blank(optionalNumber(form, 'soft_budget', 'Soft budget')),
    budget_duration: blank(checkDuration(optionalText(form, 'budget_duration'), 'Budget period')),
    rpm_limit: blank(optionalNumber(form, 'rpm_limit', 'Requests per minute', { integer: true })),
    tpm_limit: blank(optionalNumber(form, 'tpm_limit', 'Tokens per minute', { integer: true })),
    max_parallel_requests: blank(optionalNumber(form, 'max_parallel_requests', 'Parallel requests', { integer: true })),
    team_id: blank(optionalText(form, 'team_id')),
    user_id: blank(optionalText(form, 'user_id')),
  };
  if (mode === 'create') {
    const duration = checkDuration(optionalText(form, 'duration'), 'Expires after');
    if (duration !== undefined) limits.duration = duration;
  }
  if (mcpServers !== undefined || agents !== undefined) {
    limits.object_permission = { ...(mcpServers === undefined ? {} : { mcp_servers: mcpServers }), ...(agents === undefined ? {} : { agents }) };
  } else if (mode === 'update') {
    limits.object_permission = null;
  }
  return defined(limits) as KeyLimits;
}
