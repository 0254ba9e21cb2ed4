import { SwitchyardError, type ProviderSettings } from '@switchyard/core';
import type { DeploymentParams } from '../config/config-schema.js';
import { connectionParamKeys, isProviderOptionKey, requestDefaultParamKeys } from '../config/deployment-param-keys.js';
import type { DeploymentConfig, GatewayConfig } from '../config/gateway-config.js';
import type { ProviderRegistry } from '../providers/provider-registry.js';
import type { Deployment } from './deployment.js';
import { inferProvider } from './infer-provider.js';

export interface BuiltDeployments {
  deployments: Deployment[];
  /** One line per skipped deployment, saying why and what to do. */
  warnings: string[];
}

function pickParams(params: DeploymentParams, keep: (key: string) => boolean): Record<string, unknown> | undefined {
  let picked: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || !keep(key)) continue;
    picked ??= {};
    picked[key] = value;
  }
  return picked;
}

function providerSettings(provider: string, params: DeploymentParams, config: GatewayConfig): ProviderSettings {
  const settings: ProviderSettings = { provider, dropParams: params.drop_params ?? config.dropParams };
  const baseURL = params.api_base ?? params.base_url;
  if (params.api_key !== undefined) settings.apiKey = params.api_key;
  if (baseURL !== undefined) settings.baseURL = baseURL;
  if (params.api_version !== undefined) settings.apiVersion = params.api_version;
  if (params.extra_headers || params.headers) settings.headers = { ...params.extra_headers, ...params.headers };
  if (params.timeout !== undefined) settings.timeoutMs = params.timeout * 1000;
  const options = pickParams(params, (key) => isProviderOptionKey(key) || key === 'organization');
  if (options) settings.options = options;
  return settings;
}

function describeFailure(error: unknown): string {
  return SwitchyardError.isInstance(error) ? error.message : 'the provider family rejected its settings';
}

function buildOne(entry: DeploymentConfig, index: number, registry: ProviderRegistry, config: GatewayConfig): Deployment | string {
  const where = `${entry.path} (model_name "${entry.modelName}")`;
  const target = inferProvider(entry.params.model, entry.params.custom_llm_provider);
  if (!target) {
    return `${where}: cannot tell the provider of "${entry.params.model}"; write litellm_params.model as "<provider>/${entry.params.model}". Skipped.`;
  }
  const family = registry.family(target.provider);
  if (!family) {
    const installed = registry.providerIds().join(', ') || 'none';
    return `${where}: no installed provider family serves "${target.provider}" (installed: ${installed}). Skipped.`;
  }
  let provider;
  try {
    provider = family.create(providerSettings(target.provider, entry.params, config));
  } catch (error) {
    return `${where}: ${describeFailure(error)}. Skipped.`;
  }
  const timeoutMs = entry.params.timeout === undefined ? config.requestTimeoutMs : entry.params.timeout * 1000;
  const id = entry.modelInfo['id'];
  return {
    id: typeof id === 'string' || typeof id === 'number' ? String(id) : `${entry.modelName}#${index}`,
    modelGroup: entry.modelName,
    providerId: target.provider,
    provider,
    upstreamModel: target.model,
    timeoutMs,
    streamTimeoutMs: entry.params.stream_timeout === undefined ? timeoutMs : entry.params.stream_timeout * 1000,
    defaults: pickParams(entry.params, (key) => requestDefaultParamKeys.has(key) && !connectionParamKeys.has(key)),
  };
}

/** Builds one provider instance per deployment; a deployment that cannot be served is skipped with a warning. */
export function buildDeployments(config: GatewayConfig, registry: ProviderRegistry): BuiltDeployments {
  const deployments: Deployment[] = [];
  const warnings: string[] = [];
  config.deployments.forEach((entry, index) => {
    const built = buildOne(entry, index, registry, config);
    if (typeof built === 'string') warnings.push(`${config.source}: ${built}`);
    else deployments.push(built);
  });
  return { deployments, warnings };
}
