import { SwitchyardError, type ProviderSettings } from '@switchyard/core';
import { getDefaultHttpClient, loadOptionalSetting, type HttpClient } from '@switchyard/provider-kit';
import { findPreset } from './openai-compatible-presets.js';
import type { OpenAICompatiblePreset } from './preset-types.js';

/** Parameters removed from one request because the vendor does not support them (`dropParams`). */
export interface DroppedParamsEvent {
  provider: string;
  model: string;
  params: readonly string[];
}

/**
 * LiteLLM-style settings (`ProviderSettings` from core), every field optional and accepting `undefined`, so a
 * value read from the environment can be passed as it is.
 */
export interface OpenAISettings {
  /** A preset id from the table (`openai`, `azure`, `groq`, ...). Defaults to `openai`. */
  provider?: string | undefined;
  /** The API key; defaults to the preset's environment variables. */
  apiKey?: string | undefined;
  /** The `api_base`; defaults to the preset's environment variables, then its default base URL. */
  baseURL?: string | undefined;
  /** Azure's `api-version`; defaults to `AZURE_API_VERSION`, then 2024-10-21. */
  apiVersion?: string | undefined;
  /** Extra headers sent on every upstream request. */
  headers?: Record<string, string> | undefined;
  /** Default per-request timeout in milliseconds. */
  timeoutMs?: number | undefined;
  /** Drop parameters the vendor does not support instead of rejecting the request. */
  dropParams?: boolean | undefined;
  /** Unused by this family; accepted so any `ProviderSettings` can be passed. */
  options?: ProviderSettings['options'] | undefined;
  /** The HTTP client to send with; defaults to provider-kit's shared pooled client. */
  httpClient?: HttpClient | undefined;
  /** Where API keys and base URLs are read from when not given; defaults to `process.env`. */
  env?: NodeJS.ProcessEnv | undefined;
  /** Called whenever `dropParams` removed parameters from a request (for a response header or a log line). */
  onDroppedParams?: ((event: DroppedParamsEvent) => void) | undefined;
}

/** Everything a call needs, resolved once when the provider is created. */
export interface ResolvedOpenAIConfig {
  preset: OpenAICompatiblePreset;
  baseURL: string;
  apiKey: string | undefined;
  apiVersion: string;
  /** Auth and configured headers, sent on every request. */
  headers: Readonly<Record<string, string>>;
  http: HttpClient;
  timeoutMs: number | undefined;
  dropParams: boolean;
  onDroppedParams: ((event: DroppedParamsEvent) => void) | undefined;
}

const defaultAzureApiVersion = '2024-10-21';

function firstFromEnv(names: readonly string[] | undefined, env: NodeJS.ProcessEnv): string | undefined {
  for (const name of names ?? []) {
    const value = loadOptionalSetting({ value: undefined, envVar: name, description: name, env });
    if (value !== undefined) return value;
  }
  return undefined;
}

function resolveBaseURL(preset: OpenAICompatiblePreset, settings: OpenAISettings, env: NodeJS.ProcessEnv): string {
  const baseURL = settings.baseURL || firstFromEnv(preset.baseURLEnv, env) || preset.baseURL;
  if (!baseURL) {
    const hint = preset.baseURLEnv?.length ? ` or set ${preset.baseURLEnv.join(' or ')}` : '';
    throw new SwitchyardError('bad_request', `The ${preset.id} provider needs a base URL: pass api_base${hint}.`);
  }
  try {
    new URL(baseURL);
  } catch {
    throw new SwitchyardError('bad_request', `The ${preset.id} base URL is not a valid URL.`);
  }
  return baseURL.replace(/\/+$/, '');
}

function resolveApiKey(preset: OpenAICompatiblePreset, settings: OpenAISettings, env: NodeJS.ProcessEnv): string | undefined {
  const apiKey = settings.apiKey || firstFromEnv(preset.apiKeyEnv, env);
  if (apiKey === undefined && preset.apiKeyRequired) {
    const hint = preset.apiKeyEnv?.length ? ` Pass api_key or set the ${preset.apiKeyEnv[0]} environment variable.` : '';
    throw new SwitchyardError('authentication', `The ${preset.id} API key is missing.${hint}`, { provider: preset.id });
  }
  return apiKey;
}

function usesApiKeyHeader(preset: OpenAICompatiblePreset, baseURL: string): boolean {
  if (preset.auth === 'api-key') return true;
  if (preset.auth !== 'api-key-on-azure-hosts') return false;
  const host = new URL(baseURL).hostname;
  return host.endsWith('.services.ai.azure.com') || host.endsWith('.openai.azure.com');
}

function authHeaders(preset: OpenAICompatiblePreset, baseURL: string, apiKey: string | undefined): Record<string, string> {
  if (apiKey === undefined) return {};
  return usesApiKeyHeader(preset, baseURL) ? { 'api-key': apiKey } : { authorization: `Bearer ${apiKey}` };
}

/** Resolves a preset, its base URL, key and headers; throws a SwitchyardError naming what is missing. */
export function resolveOpenAIConfig(settings: OpenAISettings): ResolvedOpenAIConfig {
  const id = settings.provider ?? 'openai';
  const preset = findPreset(id);
  if (!preset) throw new SwitchyardError('bad_request', `Unknown OpenAI-compatible provider "${id}".`);
  const env = settings.env ?? process.env;
  const baseURL = resolveBaseURL(preset, settings, env);
  const apiKey = resolveApiKey(preset, settings, env);
  const apiVersion = settings.apiVersion || (preset.layout === 'azure' ? env.AZURE_API_VERSION : undefined) || defaultAzureApiVersion;
  return {
    preset,
    baseURL,
    apiKey,
    apiVersion,
    headers: { ...authHeaders(preset, baseURL, apiKey), ...settings.headers },
    http: settings.httpClient ?? getDefaultHttpClient(),
    timeoutMs: settings.timeoutMs,
    dropParams: settings.dropParams ?? false,
    onDroppedParams: settings.onDroppedParams,
  };
}
