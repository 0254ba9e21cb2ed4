export { createOpenAI, openaiFamily, presetCapabilities, type OpenAIProvider } from './openai-provider.js';
export type { OpenAISettings, DroppedParamsEvent } from './openai-settings.js';
export type { OpenAIChatResult } from './openai-chat.js';
export type { OpenAIChatStream } from './openai-stream.js';
export { openAICompatiblePresets, findPreset } from './openai-compatible-presets.js';
export type { OpenAICompatiblePreset, PresetQuirks, ModelParamRule, PresetAuth } from './preset-types.js';
export { paramRulesFor } from './prepare-chat-body.js';
