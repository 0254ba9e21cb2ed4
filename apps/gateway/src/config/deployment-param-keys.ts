/** `litellm_params` keys the gateway reads itself (connection, credentials, timeouts). */
export const connectionParamKeys: ReadonlySet<string> = new Set([
  'model',
  'api_base',
  'base_url',
  'api_key',
  'api_version',
  'custom_llm_provider',
  'organization',
  'extra_headers',
  'headers',
  'timeout',
  'stream_timeout',
  'drop_params',
]);

/**
 * OpenAI request parameters a deployment may preset (LiteLLM passes extra litellm_params into the call);
 * the client's own value wins.
 */
export const requestDefaultParamKeys: ReadonlySet<string> = new Set([
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

/** Family-specific settings (AWS region and credentials, Vertex project, Azure AD...) handed to the family as options. */
const providerOptionPrefixes = ['aws_', 'vertex_', 'azure_'];

export function isProviderOptionKey(key: string): boolean {
  return providerOptionPrefixes.some((prefix) => key.startsWith(prefix));
}

export function isSupportedParamKey(key: string): boolean {
  return connectionParamKeys.has(key) || requestDefaultParamKeys.has(key) || isProviderOptionKey(key);
}
