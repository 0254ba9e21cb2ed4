import type { ProviderSettings } from '@switchyard/core';
import { routingParamKeys, type DeploymentParams } from './model-list-schema.js';

const connectionKeys = new Set([
  'model',
  'custom_llm_provider',
  'api_key',
  'api_base',
  'base_url',
  'api_version',
  'headers',
  'extra_headers',
  'drop_params',
  'timeout',
]);

/**
 * OpenAI request parameters a deployment may preset (LiteLLM passes extra litellm_params into the call); the
 * client's own value wins.
 */
export const requestDefaultKeys: ReadonlySet<string> = new Set([
  'temperature',
  'top_p',
  'max_tokens',
  'max_completion_tokens',
  'stop',
  'presence_penalty',
  'frequency_penalty',
  'logit_bias',
  'seed',
  'reasoning_effort',
  'thinking',
  'response_format',
  'parallel_tool_calls',
]);

/** OpenAI's own model ids, which LiteLLM configs often write without a provider prefix ("gpt-4o"). */
const openaiModelPattern = /^(gpt-|chatgpt-|o\d(-|$)|text-embedding-|text-moderation-|omni-moderation|dall-e-|whisper-|tts-|davinci|babbage|ft:gpt-)/;

/**
 * The provider id a deployment names, as LiteLLM tells it: `custom_llm_provider`, else the `<provider>` in
 * `<provider>/<model>`, else OpenAI's and Anthropic's own model-name patterns. Undefined when it cannot be told.
 */
export function providerIdOf(params: Pick<DeploymentParams, 'model' | 'custom_llm_provider'>): string | undefined {
  if (params.custom_llm_provider) return params.custom_llm_provider;
  const slash = params.model.indexOf('/');
  if (slash > 0) return params.model.slice(0, slash);
  if (openaiModelPattern.test(params.model)) return 'openai';
  if (params.model.startsWith('claude-')) return 'anthropic';
  return undefined;
}

/** LiteLLM's litellm_params, normalised into the settings a ProviderFamily creates a provider from. */
export function providerSettingsFromParams(provider: string, params: DeploymentParams): ProviderSettings {
  const settings: ProviderSettings = { provider };
  if (params.api_key !== undefined) settings.apiKey = params.api_key;
  const baseURL = params.api_base ?? params.base_url;
  if (baseURL !== undefined) settings.baseURL = baseURL;
  if (params.api_version !== undefined) settings.apiVersion = params.api_version;
  if (params.headers !== undefined || params.extra_headers !== undefined) {
    settings.headers = { ...params.headers, ...params.extra_headers };
  }
  if (params.timeout !== undefined) settings.timeoutMs = params.timeout * 1000;
  if (params.drop_params !== undefined) settings.dropParams = params.drop_params;
  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    if (!connectionKeys.has(key) && !routingParamKeys.has(key) && !requestDefaultKeys.has(key)) options[key] = value;
  }
  if (Object.keys(options).length > 0) settings.options = options;
  return settings;
}

/** The request parameters a deployment presets, or undefined when it presets none. */
export function requestDefaultsFromParams(params: DeploymentParams): Readonly<Record<string, unknown>> | undefined {
  let defaults: Record<string, unknown> | undefined;
  for (const key of requestDefaultKeys) {
    if (params[key] !== undefined) (defaults ??= {})[key] = params[key];
  }
  return defaults;
}
