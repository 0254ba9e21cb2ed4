import { formatKeyPath } from './config-error.js';

const prefix = 'os.environ/';

export interface MissingReference {
  /** Where the reference sits, for example `model_list[0].litellm_params.api_key`. */
  path: string;
  /** The environment variable it names. */
  name: string;
}

export interface ResolvedValue {
  value: unknown;
  missing: MissingReference[];
}

function walk(value: unknown, env: NodeJS.ProcessEnv, path: PropertyKey[], missing: MissingReference[]): unknown {
  if (typeof value === 'string') {
    if (!value.startsWith(prefix)) return value;
    const name = value.slice(prefix.length).trim();
    const resolved = env[name];
    if (resolved === undefined || resolved === '') missing.push({ path: formatKeyPath(path), name });
    return resolved;
  }
  if (Array.isArray(value)) return value.map((item, index) => walk(item, env, [...path, index], missing));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = walk(item, env, [...path, key], missing);
    return out;
  }
  return value;
}

/**
 * Replaces every `os.environ/NAME` string with the variable's value, as LiteLLM does. Unset or empty variables
 * are collected (with their key paths) rather than thrown one at a time, so one message can name them all.
 */
export function resolveEnvReferences(value: unknown, env: NodeJS.ProcessEnv): ResolvedValue {
  const missing: MissingReference[] = [];
  return { value: walk(value, env, [], missing), missing };
}
