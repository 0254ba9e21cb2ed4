/** OpenAI's own model ids, which LiteLLM configs often write without a provider prefix ("gpt-4o"). */
const openaiModelPattern = /^(gpt-|chatgpt-|o\d(-|$)|text-embedding-|text-moderation-|omni-moderation|dall-e-|whisper-|tts-|davinci|babbage|ft:gpt-)/;

export interface ProviderAndModel {
  provider: string;
  /** The upstream model id without the provider prefix. */
  model: string;
}

/**
 * Splits `litellm_params.model` into provider and upstream model as LiteLLM does: an explicit
 * `custom_llm_provider` wins, then a `<provider>/` prefix, then OpenAI and Anthropic model-name patterns.
 * Returns undefined when the provider cannot be told.
 */
export function inferProvider(model: string, customProvider?: string): ProviderAndModel | undefined {
  if (customProvider) {
    const prefixed = model.startsWith(`${customProvider}/`);
    return { provider: customProvider, model: prefixed ? model.slice(customProvider.length + 1) : model };
  }
  const slash = model.indexOf('/');
  if (slash > 0) return { provider: model.slice(0, slash), model: model.slice(slash + 1) };
  if (openaiModelPattern.test(model)) return { provider: 'openai', model };
  if (model.startsWith('claude-')) return { provider: 'anthropic', model };
  return undefined;
}
