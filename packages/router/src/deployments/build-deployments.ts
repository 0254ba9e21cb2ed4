import { SwitchyardError } from '@switchyard/core';
import type { Deployment } from './deployment.js';
import { deploymentId } from './deployment-id.js';
import { modelListEntrySchema, type DeploymentParams, type ParsedModelListEntry } from './model-list-schema.js';
import { createDeploymentProvider, type ProviderSource } from './provider-source.js';
import { providerIdOf, providerSettingsFromParams, requestDefaultsFromParams } from './provider-settings.js';

export interface BuildDeploymentsOptions {
  /** Applied to deployments without their own max_parallel_requests (default_max_parallel_requests). */
  defaultMaxParallelRequests: number;
  /** Skip an entry that cannot be used (recording why in `warnings`) instead of throwing. */
  skipInvalid?: boolean;
  /** Where skipped entries are explained, one line each. */
  warnings?: string[];
}

type Draft = Omit<Deployment, 'slot'>;

function secondsToMs(seconds: number | undefined): number | undefined {
  return seconds === undefined ? undefined : seconds * 1000;
}

function draftDeployment(entry: ParsedModelListEntry, source: ProviderSource, options: BuildDeploymentsOptions): Draft {
  const params = (entry.litellm_params ?? entry.params) as DeploymentParams;
  const info = entry.model_info ?? {};
  const providerId = providerIdOf(params);
  if (providerId === undefined) {
    throw new SwitchyardError(
      'bad_request',
      `Model group "${entry.model_name}": cannot tell the provider of "${params.model}"; write litellm_params.model as "<provider>/${params.model}".`,
    );
  }
  const settings = providerSettingsFromParams(providerId, params);
  const prefix = `${providerId}/`;
  return {
    id: info.id ?? deploymentId(entry.model_name, params),
    modelGroup: entry.model_name,
    providerId,
    provider: createDeploymentProvider(source, { providerId, settings, entry }),
    model: params.model,
    upstreamModel: params.model.startsWith(prefix) ? params.model.slice(prefix.length) : params.model,
    rpm: params.rpm ?? 0,
    tpm: params.tpm ?? 0,
    weight: params.weight,
    order: params.order ?? 0,
    tags: params.tags ?? [],
    maxParallelRequests: params.max_parallel_requests ?? options.defaultMaxParallelRequests,
    timeoutMs: secondsToMs(params.timeout),
    streamTimeoutMs: secondsToMs(params.stream_timeout),
    maxInputTokens: info.max_input_tokens ?? 0,
    inputCostPerToken: info.input_cost_per_token,
    outputCostPerToken: info.output_cost_per_token,
    region: params.region_name ?? info.region,
    requestDefaults: requestDefaultsFromParams(params),
    params,
    info,
  };
}

function draftEntry(raw: unknown, index: number, source: ProviderSource, options: BuildDeploymentsOptions): Draft {
  const parsed = modelListEntrySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `.${issue.path.join('.')}` : '';
    throw new SwitchyardError('bad_request', `model_list[${index}]${where}: ${issue?.message ?? 'invalid entry'}`);
  }
  try {
    return draftDeployment(parsed.data, source, options);
  } catch (error) {
    // A family that rejects its settings (a missing key, an unknown preset) is named with the entry it came from.
    if (!SwitchyardError.isInstance(error) || error.message.startsWith('Model group')) throw error;
    throw new SwitchyardError(error.kind, `model_list[${index}] (model_name "${parsed.data.model_name}"): ${error.message}`);
  }
}

/**
 * Validates a LiteLLM model_list and creates one provider per entry. Deployments come back grouped by model group
 * (first appearance) and sorted by order within a group, so a group and each of its order tiers are slot ranges.
 */
export function buildDeployments(
  modelList: readonly unknown[],
  source: ProviderSource,
  options: BuildDeploymentsOptions,
): Deployment[] {
  const groups = new Map<string, Draft[]>();
  const ids = new Set<string>();
  modelList.forEach((raw, index) => {
    let draft: Draft;
    try {
      draft = draftEntry(raw, index, source, options);
      if (ids.has(draft.id)) {
        throw new SwitchyardError('bad_request', `model_list[${index}]: deployment id "${draft.id}" is used twice.`);
      }
    } catch (error) {
      if (!options.skipInvalid || !SwitchyardError.isInstance(error)) throw error;
      options.warnings?.push(`${error.message} Skipped.`);
      return;
    }
    ids.add(draft.id);
    const group = groups.get(draft.modelGroup) ?? [];
    group.push(draft);
    groups.set(draft.modelGroup, group);
  });
  const deployments: Deployment[] = [];
  for (const drafts of groups.values()) {
    const sorted = drafts.map((draft, index) => ({ draft, index })).sort((a, b) => a.draft.order - b.draft.order || a.index - b.index);
    for (const { draft } of sorted) deployments.push({ ...draft, slot: deployments.length });
  }
  return deployments;
}
