import type { ApiClient } from './api-client';
import { bool, child, listOf, number, text, type Row } from '../lib/records';

export type DeploymentHealth = 'healthy' | 'cooldown' | 'unhealthy' | 'unknown';

export interface DeploymentRow {
  id: string;
  modelName: string;
  /** `provider/model` the deployment calls. */
  model: string | undefined;
  apiBase: string | undefined;
  /** Stored through the management API (editable here), as opposed to the config file. */
  stored: boolean;
  health: DeploymentHealth;
  cooldownUntil: string | undefined;
  /** Requests in flight and failures this minute, from the router (configured deployments only). */
  inFlight: number | undefined;
  failuresThisMinute: number | undefined;
  rpm: number | undefined;
  tpm: number | undefined;
  inputCostPerToken: number | undefined;
  outputCostPerToken: number | undefined;
}

/** A stored deployment as the form sends it. `api_key` only when typed: secrets are write-only. */
export interface DeploymentInput {
  model_name: string;
  litellm_params: { model: string; api_base?: string; api_key?: string; rpm?: number; tpm?: number };
}

/**
 * The router's live state: `model_info.health` is `{status: 'healthy'|'cooling_down', cooldown_until, ...}` (null
 * when the router does not report it, e.g. stored deployments); plain strings are read too.
 */
function healthOf(info: Row | undefined): Pick<DeploymentRow, 'health' | 'cooldownUntil' | 'inFlight' | 'failuresThisMinute'> {
  const live = child(info, 'health');
  const cooldownUntil = text(live, 'cooldown_until') ?? text(info, 'cooldown_until', 'cooldown_expires_at');
  const stated = text(live, 'status') ?? text(info, 'health', 'health_status', 'status');
  const counts = { inFlight: number(live, 'in_flight'), failuresThisMinute: number(live, 'failures_this_minute') };
  if (bool(info, 'in_cooldown') || stated === 'cooldown' || stated === 'cooling_down' || cooldownUntil !== undefined) return { health: 'cooldown', cooldownUntil, ...counts };
  if (stated === 'healthy' || stated === 'unhealthy') return { health: stated, cooldownUntil, ...counts };
  return { health: stated === undefined ? 'unknown' : 'unhealthy', cooldownUntil, ...counts };
}

export function deploymentRow(row: Row): DeploymentRow {
  const params = child(row, 'litellm_params');
  const info = child(row, 'model_info');
  return {
    id: text(info, 'id') ?? text(row, 'id', 'model_id') ?? '',
    modelName: text(row, 'model_name') ?? '',
    model: text(params, 'model'),
    apiBase: text(params, 'api_base'),
    stored: bool(info, 'db_model', 'stored') || bool(row, 'stored'),
    ...healthOf(info),
    rpm: number(params, 'rpm'),
    tpm: number(params, 'tpm'),
    inputCostPerToken: number(info, 'input_cost_per_token'),
    outputCostPerToken: number(info, 'output_cost_per_token'),
  };
}

export async function listDeployments(api: ApiClient): Promise<DeploymentRow[]> {
  return listOf(await api.get('/model/info'), 'data').map(deploymentRow);
}

export async function addDeployment(api: ApiClient, input: DeploymentInput): Promise<void> {
  await api.post('/model/new', input);
}

export async function updateDeployment(api: ApiClient, id: string, input: DeploymentInput): Promise<void> {
  await api.post('/model/update', { ...input, model_info: { id } });
}

export async function deleteDeployment(api: ApiClient, id: string): Promise<void> {
  await api.post('/model/delete', { id });
}

/** The model names a key may be given or a chat sent to: the distinct model groups. */
export function modelNames(deployments: readonly DeploymentRow[]): string[] {
  return [...new Set(deployments.map((deployment) => deployment.modelName).filter((name) => name !== ''))].sort();
}
