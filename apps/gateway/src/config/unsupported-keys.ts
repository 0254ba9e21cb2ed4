import { isSupportedParamKey } from './deployment-param-keys.js';

type Section = Record<string, unknown>;

const topLevelKeys = new Set(['model_list', 'general_settings', 'litellm_settings', 'router_settings', 'environment_variables']);
const sectionKeys: Readonly<Record<string, ReadonlySet<string>>> = {
  general_settings: new Set(['master_key', 'max_request_size_mb']),
  litellm_settings: new Set(['drop_params', 'request_timeout', 'num_retries']),
  router_settings: new Set(['num_retries', 'timeout']),
};
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
  for (const [name, keys] of Object.entries(sectionKeys)) {
    const section = config[name];
    if (isSection(section)) config[name] = filterKeys(section, (key) => keys.has(key), name, unsupported);
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
