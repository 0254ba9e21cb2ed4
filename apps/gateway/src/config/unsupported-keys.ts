import { isCustomPriceField } from '@switchyard/cost';
import { deploymentParamsSchema, ignoredRouterSettingKeys, litellmRoutingSettingsSchema, requestDefaultKeys } from '@switchyard/router';

type Section = Record<string, unknown>;

const topLevelKeys = new Set([
  'model_list',
  'general_settings',
  'litellm_settings',
  'router_settings',
  'environment_variables',
  'mcp_servers',
  'a2a_agents',
]);
const litellmSettingKeys = new Set(['drop_params', ...Object.keys(litellmRoutingSettingsSchema.shape)]);
const generalSettingKeys = new Set(['master_key', 'database_url', 'max_request_size_mb', 'alerting', 'alerting_webhook_url', 'alerting_webhook_allow_private']);
const sectionKeys: Readonly<Record<string, (key: string) => boolean>> = {
  general_settings: (key) => generalSettingKeys.has(key),
  litellm_settings: (key) => litellmSettingKeys.has(key),
  // The router reads these; ignoredRouterSettingKeys names the rest.
  router_settings: (key) => ignoredRouterSettingKeys({ [key]: true }).length === 0,
};
/** litellm_params the router reads (connection, rpm/tpm, order, tags...), OpenAI presets, and the gateway's `organization`. */
const routerParamKeys = new Set(['organization', ...Object.keys(deploymentParamsSchema.shape), ...requestDefaultKeys]);
/** Family-specific settings (AWS region and credentials, Vertex project, Azure AD...) handed to the family as options. */
const providerOptionPrefixes = ['aws_', 'vertex_', 'azure_'];

/**
 * Custom prices (`input_cost_per_token`, cache and tier prices) are read from litellm_params as from model_info, by
 * @switchyard/cost; litellm_params wins, as LiteLLM's per-call custom price does. Per-second prices are not priced.
 */
function isSupportedParamKey(key: string): boolean {
  return routerParamKeys.has(key) || isCustomPriceField(key) || providerOptionPrefixes.some((prefix) => key.startsWith(prefix));
}
const modelEntryKeys = new Set(['model_name', 'litellm_params', 'params', 'model_info']);

function isSection(value: unknown): value is Section {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keeps the keys `keep` accepts; reports the others under `prefix`. */
function filterKeys(section: Section, keep: (key: string) => boolean, prefix: string, unsupported: Set<string>): Section {
  const kept: Section = {};
  for (const [key, value] of Object.entries(section)) {
    if (keep(key)) kept[key] = value;
    else unsupported.add(prefix === '' ? key : `${prefix}.${key}`);
  }
  return kept;
}

function filterModelEntry(entry: unknown, unsupported: Set<string>): unknown {
  if (!isSection(entry)) return entry;
  const kept = filterKeys(entry, (key) => modelEntryKeys.has(key), 'model_list[]', unsupported);
  for (const paramsKey of ['litellm_params', 'params']) {
    const params = kept[paramsKey];
    if (isSection(params)) kept[paramsKey] = filterKeys(params, isSupportedParamKey, `model_list[].${paramsKey}`, unsupported);
  }
  return kept;
}

export interface SupportedPart {
  /** The config with only the keys the gateway acts on. */
  config: Section;
  /** Key paths present in the file that the gateway does not act on yet (model_list entries folded as `[]`). */
  unsupported: string[];
}

/**
 * Splits a LiteLLM config into what the gateway supports and what it would ignore, so start-up can report the
 * ignored keys in one warning and `os.environ/` references in them need not resolve.
 */
export function splitUnsupportedKeys(raw: Section): SupportedPart {
  const unsupported = new Set<string>();
  const config = filterKeys(raw, (key) => topLevelKeys.has(key), '', unsupported);
  for (const [name, keep] of Object.entries(sectionKeys)) {
    const section = config[name];
    if (isSection(section)) config[name] = filterKeys(section, keep, name, unsupported);
  }
  if (Array.isArray(config['model_list'])) {
    config['model_list'] = config['model_list'].map((entry) => filterModelEntry(entry, unsupported));
  }
  return { config, unsupported: [...unsupported] };
}

/** The one start-up warning that lists every ignored key. */
export function unsupportedKeysWarning(source: string, unsupported: readonly string[]): string | undefined {
  if (unsupported.length === 0) return undefined;
  return `${source}: these keys are not supported by Switchyard yet and are ignored: ${unsupported.join(', ')}`;
}
