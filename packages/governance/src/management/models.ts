import type { ModelDeploymentPatch, Secrets } from '@switchyard/store';
import type { Principal } from '../auth/principal.js';
import { checkModelAllowed } from '../auth/check-key.js';
import { actorOf, requireAdmin } from './access.js';
import { allPages } from './all-pages.js';
import { compact } from './input-fields.js';
import { nowOf, type ManagementDeps } from './management-deps.js';
import { managementErrors, storeCall } from './management-errors.js';
import { isSecretParam } from './model-params.js';
import { deleteModelSchema, modelInfoQuery, newModelSchema, updateModelSchema } from './model-schemas.js';
import { configuredModelView, healthOf, storedModelView } from './model-views.js';
import { parseInput } from './parse-input.js';

const ROUTING = new Set(['model', 'api_base', 'custom_llm_provider', 'rpm', 'tpm', 'weight', 'order']);

/** Splits litellm_params into the store's columns, its plain params and its secrets (non-strings kept as JSON text). */
interface RoutingParams {
  model?: string | undefined;
  api_base?: string | null | undefined;
  custom_llm_provider?: string | undefined;
  rpm?: number | null | undefined;
  tpm?: number | null | undefined;
  weight?: number | null | undefined;
  order?: number | null | undefined;
}

function splitParams(all: Record<string, unknown>) {
  const input = all as RoutingParams & Record<string, unknown>;
  const params: Record<string, unknown> = {};
  const secrets: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(all)) {
    if (ROUTING.has(name) || value === undefined) continue;
    if (!isSecretParam(name)) params[name] = value;
    else secrets[name] = value === null ? null : typeof value === 'string' ? value : JSON.stringify(value);
  }
  let target: { provider: string; model: string } | undefined;
  if (input.model !== undefined) {
    const slash = input.model.indexOf('/');
    target = slash > 0 ? { provider: input.model.slice(0, slash), model: input.model.slice(slash + 1) } : { provider: input.custom_llm_provider ?? 'openai', model: input.model };
  }
  const columns = compact({ apiBase: input.api_base, rpm: input.rpm, tpm: input.tpm, weight: input.weight, order: input.order, ...target });
  return { columns, params, secrets };
}

/** A deployment of the config file (in the router, not in the store): listed, never changed here. */
async function isConfigured(deps: ManagementDeps, id: string): Promise<boolean> {
  if (deps.router?.deployments.some((deployment) => deployment.id === id) !== true) return false;
  return (await storeCall(() => deps.store.deployments.get(id))) === undefined;
}

function refuseConfigured(id: string): never {
  throw managementErrors.invalid('id', `Deployment "${id}" comes from the config file; change it there.`);
}

/** Every deployment /model/info shows: the router's (with health), stored ones once, with the router's health when loaded. */
async function allModelEntries(deps: ManagementDeps) {
  const now = nowOf(deps).getTime();
  const router = deps.router;
  const rows = await allPages((cursor) => deps.store.deployments.list({ limit: 1000, ...cursor }));
  const storedIds = new Set(rows.map((row) => row.id));
  const live = new Map((router?.deployments ?? []).map((deployment) => [deployment.id, deployment]));
  const stored = rows.map((row) => {
    const loaded = live.get(row.id);
    return storedModelView(row, router === undefined || loaded === undefined ? null : healthOf(router, loaded.slot, now));
  });
  const configured =
    router === undefined ? [] : router.deployments.filter((deployment) => !storedIds.has(deployment.id)).map((deployment) => configuredModelView(router, deployment, now));
  return [...configured, ...stored];
}

/** GET /model/info: configured deployments (with the router's health and cooldowns) and stored ones; never secrets. */
export async function modelInfo(principal: Principal, input: unknown, deps: ManagementDeps) {
  const query = parseInput(modelInfoQuery, input);
  let data = await allModelEntries(deps);
  if (query.litellm_model_id !== undefined) data = data.filter((entry) => entry.model_info.id === query.litellm_model_id);
  if (principal.kind === 'key' && principal.context.user?.role !== 'proxy_admin') {
    const context = principal.context;
    data = data.filter((entry) => {
      try {
        checkModelAllowed(context, entry.model_name);
        return true;
      } catch {
        return false;
      }
    });
  }
  return { data };
}

/** POST /model/new {model_name, litellm_params, model_info}: stores a deployment; secrets are encrypted, write-only. */
export async function newModel(principal: Principal, input: unknown, deps: ManagementDeps) {
  requireAdmin(principal);
  const body = parseInput(newModelSchema, input);
  const { id, ...info } = body.model_info ?? {};
  if (id !== undefined && (await isConfigured(deps, id))) throw managementErrors.conflict(`Deployment "${id}" exists in the config file.`, 'model_info.id');
  const { columns, params, secrets } = splitParams(body.litellm_params);
  const set = Object.fromEntries(Object.entries(secrets).filter((entry): entry is [string, string] => entry[1] !== null));
  const row = await storeCall(() =>
    deps.store.deployments.create(
      { provider: 'openai', model: body.litellm_params.model, ...columns, modelGroup: body.model_name, params, modelInfo: info, secrets: set, ...(id === undefined ? {} : { id }) },
      { actor: actorOf(principal) },
    ),
  );
  return storedModelView(row);
}

/** POST /model/update {model_info: {id}, model_name?, litellm_params?}: merges; a secret set to null is removed. */
export async function updateModel(principal: Principal, input: unknown, deps: ManagementDeps) {
  requireAdmin(principal);
  const body = parseInput(updateModelSchema, input);
  const { id, ...info } = body.model_info;
  if (await isConfigured(deps, id)) refuseConfigured(id);
  const current = await storeCall(() => deps.store.deployments.get(id));
  if (current === undefined) throw managementErrors.notFound('deployment', id, 'model_info.id');
  const { columns, params, secrets } = splitParams(body.litellm_params ?? {});
  const patch: ModelDeploymentPatch = {
    ...columns,
    ...(body.model_name === undefined ? {} : { modelGroup: body.model_name }),
    params: { ...current.params, ...params },
    modelInfo: { ...current.modelInfo, ...info },
  };
  if (Object.keys(secrets).length > 0) {
    const withSecrets = await storeCall(() => deps.store.deployments.getWithSecrets(id));
    const merged: Secrets = { ...withSecrets?.secrets };
    for (const [name, value] of Object.entries(secrets)) {
      if (value === null) delete merged[name];
      else merged[name] = value;
    }
    patch.secrets = merged;
  }
  const row = await storeCall(() => deps.store.deployments.update(id, patch, { actor: actorOf(principal) }));
  return storedModelView(row);
}

/** POST /model/delete {id}: stored deployments only. */
export async function deleteModel(principal: Principal, input: unknown, deps: ManagementDeps) {
  requireAdmin(principal);
  const { id } = parseInput(deleteModelSchema, input);
  if (await isConfigured(deps, id)) refuseConfigured(id);
  if ((await storeCall(() => deps.store.deployments.get(id))) === undefined) throw managementErrors.notFound('deployment', id, 'id');
  await storeCall(() => deps.store.deployments.delete(id, { actor: actorOf(principal) }));
  return { id, deleted: true, message: `Model ${id} deleted.` };
}
