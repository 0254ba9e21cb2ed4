import type { ModelParamRule, OpenAICompatiblePreset, PresetQuirks } from './preset-types.js';

// Base URLs and environment variable names follow LiteLLM (litellm/litellm_core_utils/get_llm_provider_logic.py
// and each vendor's transformation config), so an existing LiteLLM deployment's environment keeps working.

/** OpenAI reasoning models take max_completion_tokens and reject the sampling knobs of chat models. */
const openAIReasoningModels: readonly ModelParamRule[] = [
  {
    models: /^o\d/,
    renameParams: { max_tokens: 'max_completion_tokens' },
    unsupportedParams: ['temperature', 'top_p', 'presence_penalty', 'frequency_penalty', 'logprobs', 'top_logprobs', 'logit_bias'],
  },
  { models: /^gpt-5/, renameParams: { max_tokens: 'max_completion_tokens' } },
];

/** Anthropic-style `thinking` is accepted on Switchyard's surface but OpenAI answers 400 on it. */
const openAIUnsupported = ['thinking'];

/** Mistral rejects unknown fields (422 extra_forbidden) and sends usage on the last chunk unasked. */
const mistralQuirks: PresetQuirks = {
  unsupportedParams: ['logit_bias', 'logprobs', 'top_logprobs', 'user', 'service_tier', 'store'],
  renameParams: { seed: 'random_seed', max_completion_tokens: 'max_tokens' },
  omitParams: ['stream_options'],
};

export const openAICompatiblePresets: readonly OpenAICompatiblePreset[] = [
  {
    id: 'openai',
    baseURL: 'https://api.openai.com/v1',
    baseURLEnv: ['OPENAI_BASE_URL', 'OPENAI_API_BASE'],
    apiKeyEnv: ['OPENAI_API_KEY'],
    apiKeyRequired: true,
    embeddings: true,
    quirks: { unsupportedParams: openAIUnsupported, modelRules: openAIReasoningModels },
  },
  {
    id: 'azure',
    baseURLEnv: ['AZURE_API_BASE'],
    apiKeyEnv: ['AZURE_API_KEY'],
    apiKeyRequired: true,
    auth: 'api-key',
    layout: 'azure',
    embeddings: true,
    quirks: { unsupportedParams: openAIUnsupported, modelRules: openAIReasoningModels },
  },
  {
    id: 'azure_ai',
    baseURLEnv: ['AZURE_AI_API_BASE'],
    apiKeyEnv: ['AZURE_AI_API_KEY'],
    apiKeyRequired: true,
    auth: 'api-key-on-azure-hosts',
    embeddings: true,
  },
  {
    id: 'groq',
    baseURL: 'https://api.groq.com/openai/v1',
    baseURLEnv: ['GROQ_API_BASE'],
    apiKeyEnv: ['GROQ_API_KEY'],
    apiKeyRequired: true,
    quirks: {
      unsupportedParams: ['logprobs', 'top_logprobs', 'logit_bias'],
      reasoningField: 'reasoning',
      streamUsageUnderXGroq: true,
    },
  },
  {
    id: 'deepseek',
    baseURL: 'https://api.deepseek.com',
    baseURLEnv: ['DEEPSEEK_API_BASE'],
    apiKeyEnv: ['DEEPSEEK_API_KEY'],
    apiKeyRequired: true,
    capabilities: { vision: false, jsonSchema: false },
    // deepseek-reasoner ignores the sampling knobs but answers 400 on logprobs.
    quirks: { modelRules: [{ models: /^deepseek-reasoner/, unsupportedParams: ['logprobs', 'top_logprobs'] }] },
  },
  {
    id: 'mistral',
    baseURL: 'https://api.mistral.ai/v1',
    baseURLEnv: ['MISTRAL_API_BASE'],
    apiKeyEnv: ['MISTRAL_API_KEY'],
    apiKeyRequired: true,
    embeddings: true,
    quirks: mistralQuirks,
  },
  {
    id: 'codestral',
    baseURL: 'https://codestral.mistral.ai/v1',
    baseURLEnv: ['CODESTRAL_API_BASE'],
    apiKeyEnv: ['CODESTRAL_API_KEY'],
    apiKeyRequired: true,
    quirks: mistralQuirks,
  },
  {
    id: 'together_ai',
    baseURL: 'https://api.together.xyz/v1',
    baseURLEnv: ['TOGETHER_AI_API_BASE'],
    apiKeyEnv: ['TOGETHERAI_API_KEY', 'TOGETHER_API_KEY', 'TOGETHER_AI_API_KEY', 'TOGETHER_AI_TOKEN'],
    apiKeyRequired: true,
    embeddings: true,
  },
  {
    id: 'fireworks_ai',
    baseURL: 'https://api.fireworks.ai/inference/v1',
    baseURLEnv: ['FIREWORKS_API_BASE'],
    apiKeyEnv: ['FIREWORKS_AI_API_KEY', 'FIREWORKS_API_KEY', 'FIREWORKSAI_API_KEY', 'FIREWORKS_AI_TOKEN'],
    apiKeyRequired: true,
    embeddings: true,
  },
  {
    id: 'xai',
    baseURL: 'https://api.x.ai/v1',
    baseURLEnv: ['XAI_API_BASE'],
    apiKeyEnv: ['XAI_API_KEY'],
    apiKeyRequired: true,
    // Grok reasoning models answer 400 on these.
    quirks: { modelRules: [{ models: /^grok-(3-mini|4)/, unsupportedParams: ['presence_penalty', 'frequency_penalty', 'stop'] }] },
  },
  {
    id: 'openrouter',
    baseURL: 'https://openrouter.ai/api/v1',
    baseURLEnv: ['OPENROUTER_API_BASE'],
    apiKeyEnv: ['OPENROUTER_API_KEY'],
    apiKeyRequired: true,
    quirks: { reasoningField: 'reasoning' },
  },
  {
    id: 'perplexity',
    baseURL: 'https://api.perplexity.ai',
    baseURLEnv: ['PERPLEXITY_API_BASE'],
    apiKeyEnv: ['PERPLEXITYAI_API_KEY', 'PERPLEXITY_API_KEY'],
    apiKeyRequired: true,
    capabilities: { tools: false },
    quirks: { unsupportedParams: ['tools', 'tool_choice', 'parallel_tool_calls', 'logit_bias', 'logprobs', 'top_logprobs', 'n'] },
  },
  {
    id: 'cerebras',
    baseURL: 'https://api.cerebras.ai/v1',
    baseURLEnv: ['CEREBRAS_API_BASE'],
    apiKeyEnv: ['CEREBRAS_API_KEY'],
    apiKeyRequired: true,
    capabilities: { vision: false },
  },
  {
    id: 'deepinfra',
    baseURL: 'https://api.deepinfra.com/v1/openai',
    baseURLEnv: ['DEEPINFRA_API_BASE'],
    apiKeyEnv: ['DEEPINFRA_API_KEY'],
    apiKeyRequired: true,
    embeddings: true,
  },
  {
    id: 'ollama',
    baseURL: 'http://localhost:11434/v1',
    baseURLEnv: ['OLLAMA_API_BASE'],
    apiKeyEnv: ['OLLAMA_API_KEY'],
    apiKeyRequired: false,
    embeddings: true,
    quirks: { reasoningField: 'reasoning' },
  },
  {
    id: 'hosted_vllm',
    baseURLEnv: ['HOSTED_VLLM_API_BASE'],
    apiKeyEnv: ['HOSTED_VLLM_API_KEY'],
    apiKeyRequired: false,
    embeddings: true,
  },
  {
    id: 'lm_studio',
    baseURL: 'http://localhost:1234/v1',
    baseURLEnv: ['LM_STUDIO_API_BASE'],
    apiKeyEnv: ['LM_STUDIO_API_KEY'],
    apiKeyRequired: false,
    embeddings: true,
  },
  {
    id: 'llamafile',
    baseURL: 'http://127.0.0.1:8080/v1',
    baseURLEnv: ['LLAMAFILE_API_BASE'],
    apiKeyEnv: ['LLAMAFILE_API_KEY'],
    apiKeyRequired: false,
  },
  {
    id: 'nvidia_nim',
    baseURL: 'https://integrate.api.nvidia.com/v1',
    baseURLEnv: ['NVIDIA_NIM_API_BASE'],
    apiKeyEnv: ['NVIDIA_NIM_API_KEY'],
    apiKeyRequired: true,
    embeddings: true,
  },
  {
    id: 'sambanova',
    baseURL: 'https://api.sambanova.ai/v1',
    baseURLEnv: ['SAMBANOVA_API_BASE'],
    apiKeyEnv: ['SAMBANOVA_API_KEY'],
    apiKeyRequired: true,
  },
  {
    id: 'nebius',
    baseURL: 'https://api.studio.nebius.ai/v1',
    baseURLEnv: ['NEBIUS_API_BASE'],
    apiKeyEnv: ['NEBIUS_API_KEY'],
    apiKeyRequired: true,
    embeddings: true,
  },
  {
    id: 'moonshot',
    baseURL: 'https://api.moonshot.ai/v1',
    baseURLEnv: ['MOONSHOT_API_BASE'],
    apiKeyEnv: ['MOONSHOT_API_KEY'],
    apiKeyRequired: true,
  },
  {
    id: 'github',
    baseURL: 'https://models.inference.ai.azure.com',
    baseURLEnv: ['GITHUB_API_BASE'],
    apiKeyEnv: ['GITHUB_API_KEY'],
    apiKeyRequired: true,
  },
  {
    id: 'meta_llama',
    baseURL: 'https://api.llama.com/compat/v1',
    baseURLEnv: ['LLAMA_API_BASE'],
    apiKeyEnv: ['LLAMA_API_KEY'],
    apiKeyRequired: true,
  },
  {
    id: 'friendliai',
    baseURL: 'https://api.friendli.ai/serverless/v1',
    baseURLEnv: ['FRIENDLI_API_BASE'],
    apiKeyEnv: ['FRIENDLIAI_API_KEY', 'FRIENDLI_TOKEN'],
    apiKeyRequired: true,
  },
  {
    id: 'litellm_proxy',
    baseURLEnv: ['LITELLM_PROXY_API_BASE'],
    apiKeyEnv: ['LITELLM_PROXY_API_KEY'],
    apiKeyRequired: false,
    embeddings: true,
  },
  {
    id: 'openai_like',
    apiKeyRequired: false,
    embeddings: true,
  },
];

const byId = new Map(openAICompatiblePresets.map((preset) => [preset.id, preset]));

/** The preset for a provider id, or undefined when this family does not serve it. */
export function findPreset(id: string): OpenAICompatiblePreset | undefined {
  return byId.get(id);
}
