import { SwitchyardError } from '@switchyard/core';

export interface LoadSettingOptions {
  /** The value given explicitly; wins over the environment. */
  value: string | undefined;
  /** The environment variable to fall back to. */
  envVar: string | undefined;
  /** How the setting is called in messages, for example "OpenAI API key". */
  description: string;
  env?: NodeJS.ProcessEnv;
}

/** Reads an optional setting: the explicit value, else the environment variable, else undefined. */
export function loadOptionalSetting(options: LoadSettingOptions): string | undefined {
  if (options.value !== undefined && options.value !== '') return options.value;
  if (!options.envVar) return undefined;
  const fromEnv = (options.env ?? process.env)[options.envVar];
  return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
}

/** Reads a required setting; the error names the variable to set, never a value. */
export function loadSetting(options: LoadSettingOptions): string {
  const value = loadOptionalSetting(options);
  if (value !== undefined) return value;
  const hint = options.envVar ? ` Pass it explicitly or set the ${options.envVar} environment variable.` : '';
  throw new SwitchyardError('authentication', `${options.description} is missing.${hint}`);
}

/** Joins a base URL and a path with exactly one slash between them. */
export function joinUrl(baseURL: string, path: string): string {
  const base = baseURL.endsWith('/') ? baseURL.slice(0, -1) : baseURL;
  return path.startsWith('/') ? base + path : `${base}/${path}`;
}
