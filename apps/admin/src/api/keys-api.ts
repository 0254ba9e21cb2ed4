import type { ApiClient } from './api-client';
import { bool, child, number, strings, text, type Row } from '../lib/records';

export interface KeyRow {
  /** The key's id (its hash): what the management routes accept in place of the key itself. */
  token: string;
  alias: string | undefined;
  /** A safe hint of the key such as `sk-...abcd`. */
  hint: string | undefined;
  spend: number;
  maxBudget: number | undefined;
  softBudget: number | undefined;
  budgetDuration: string | undefined;
  rpmLimit: number | undefined;
  tpmLimit: number | undefined;
  maxParallelRequests: number | undefined;
  models: string[];
  teamId: string | undefined;
  userId: string | undefined;
  blocked: boolean;
  expires: string | undefined;
  createdAt: string | undefined;
  mcpServers: string[] | undefined;
  agents: string[] | undefined;
}

/** What the key forms send: LiteLLM's field names, empty fields left out (or null to clear on update). */
export interface KeyLimits {
  key_alias?: string | null;
  models?: string[];
  max_budget?: number | null;
  soft_budget?: number | null;
  budget_duration?: string | null;
  rpm_limit?: number | null;
  tpm_limit?: number | null;
  max_parallel_requests?: number | null;
  team_id?: string | null;
  user_id?: string | null;
  duration?: string | null;
  object_permission?: { mcp_servers?: string[]; agents?: string[] } | null;
}

export interface GeneratedKey {
  key: string;
  token: string | undefined;
  alias: string | undefined;
  expires: string | undefined;
}

export interface KeyPage {
  keys: KeyRow[];
  total: number;
  pages: number;
}

function permissionList(row: Row, field: string): string[] | undefined {
  const permission = child(row, 'object_permission');
  if (permission === undefined || !Array.isArray(permission[field])) return undefined;
  return strings(permission, field);
}

export function keyRow(row: Row): KeyRow {
  return {
    token: text(row, 'token', 'key', 'id') ?? '',
    alias: text(row, 'key_alias'),
    hint: text(row, 'key_name', 'key_hint'),
    spend: number(row, 'spend') ?? 0,
    maxBudget: number(row, 'max_budget'),
    softBudget: number(row, 'soft_budget'),
    budgetDuration: text(row, 'budget_duration'),
    rpmLimit: number(row, 'rpm_limit'),
    tpmLimit: number(row, 'tpm_limit'),
    maxParallelRequests: number(row, 'max_parallel_requests'),
    models: strings(row, 'models'),
    teamId: text(row, 'team_id'),
    userId: text(row, 'user_id'),
    blocked: bool(row, 'blocked'),
    expires: text(row, 'expires', 'expires_at'),
    createdAt: text(row, 'created_at'),
    mcpServers: permissionList(row, 'mcp_servers'),
    agents: permissionList(row, 'agents'),
  };
}

/** `/key/list` answers key ids (LiteLLM's default) or whole rows (`return_full_object=true`): both are read. */
export async function listKeys(api: ApiClient, query: { page: number; size: number; team_id?: string }): Promise<KeyPage> {
  const answer = await api.get<unknown>('/key/list', { ...query, return_full_object: true });
  const raw = Array.isArray(answer) ? answer : ((answer as Row | undefined)?.['keys'] ?? []);
  const keys = (Array.isArray(raw) ? raw : []).map((item) => (typeof item === 'string' ? keyRow({ token: item }) : keyRow(item as Row)));
  const envelope = (Array.isArray(answer) ? {} : (answer ?? {})) as Row;
  return { keys, total: number(envelope, 'total_count') ?? keys.length, pages: Math.max(1, number(envelope, 'total_pages') ?? 1) };
}

export async function generateKey(api: ApiClient, input: KeyLimits): Promise<GeneratedKey> {
  const answer = await api.post<Row>('/key/generate', input);
  const key = text(answer, 'key');
  if (key === undefined) throw new Error('The gateway answered without a key.');
  return { key, token: text(answer, 'token', 'token_id'), alias: text(answer, 'key_alias'), expires: text(answer, 'expires') };
}

export async function updateKey(api: ApiClient, key: string, patch: KeyLimits): Promise<void> {
  await api.post('/key/update', { key, ...patch });
}

export async function regenerateKey(api: ApiClient, key: string): Promise<GeneratedKey> {
  const answer = await api.post<Row>('/key/regenerate', { key });
  const fresh = text(answer, 'key');
  if (fresh === undefined) throw new Error('The gateway answered without a key.');
  return { key: fresh, token: text(answer, 'token', 'token_id'), alias: text(answer, 'key_alias'), expires: text(answer, 'expires') };
}

export async function setKeyBlocked(api: ApiClient, key: string, blocked: boolean): Promise<void> {
  await api.post(blocked ? '/key/block' : '/key/unblock', { key });
}

export async function deleteKey(api: ApiClient, key: string): Promise<void> {
  await api.post('/key/delete', { keys: [key] });
}
