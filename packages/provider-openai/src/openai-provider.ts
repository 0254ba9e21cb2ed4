import type { ChatProvider, ProviderCapabilities, ProviderFamily } from '@switchyard/core';
import { withSwitchyardErrors } from '@switchyard/provider-kit';
import { openAIChat, type OpenAIChatResult } from './openai-chat.js';
import { openAICompatiblePresets, findPreset } from './openai-compatible-presets.js';
import { openAIEmbed } from './openai-embed.js';
import { resolveOpenAIConfig, type OpenAISettings } from './openai-settings.js';
import { openAIStreamChat, type OpenAIChatStream } from './openai-stream.js';
import type { OpenAICompatiblePreset } from './preset-types.js';
import { needsResponseRewrite } from './response-quirks.js';

export interface OpenAIProvider extends ChatProvider {
  chat(...args: Parameters<ChatProvider['chat']>): Promise<OpenAIChatResult>;
  streamChat(...args: Parameters<ChatProvider['streamChat']>): Promise<OpenAIChatStream>;
}

/** What a preset can do; `passThrough` is false when its answers are rewritten (a response quirk). */
export function presetCapabilities(preset: OpenAICompatiblePreset): ProviderCapabilities {
  const declared = preset.capabilities ?? {};
  return {
    streaming: true,
    embeddings: preset.embeddings === true,
    tools: declared.tools ?? true,
    vision: declared.vision ?? true,
    reasoning: declared.reasoning ?? true,
    jsonSchema: declared.jsonSchema ?? true,
    passThrough: !needsResponseRewrite(preset.quirks),
  };
}

/**
 * OpenAI or any OpenAI-compatible vendor from the preset table (`settings.provider`, default `openai`).
 * Throws a SwitchyardError when the preset is unknown, its base URL is missing or its required key is absent.
 */
export function createOpenAI(settings: OpenAISettings = {}): OpenAIProvider {
  const config = resolveOpenAIConfig(settings);
  const provider: OpenAIProvider = {
    id: config.preset.id,
    capabilities: presetCapabilities(config.preset),
    chat: (request, options) => withSwitchyardErrors(() => openAIChat(config, request, options)),
    streamChat: (request, options) => withSwitchyardErrors(() => openAIStreamChat(config, request, options)),
  };
  if (config.preset.embeddings) provider.embed = (request, options) => withSwitchyardErrors(() => openAIEmbed(config, request, options));
  return provider;
}

/** The family entry point the gateway registers: every preset id, its key variable and a factory. */
export const openaiFamily: ProviderFamily = {
  name: 'openai',
  providers: openAICompatiblePresets.map((preset) => preset.id),
  apiKeyEnv: (provider) => findPreset(provider)?.apiKeyEnv?.[0],
  create: (settings) => createOpenAI(settings),
};
