export {
  anthropicApiKeyEnv,
  anthropicBaseUrlEnv,
  anthropicCapabilities,
  anthropicFamily,
  createAnthropic,
  defaultAnthropicBaseURL,
  defaultAnthropicVersion,
  type AnthropicProviderSettings,
} from './anthropic-provider.js';
export { AnthropicStreamTranslator, type StreamTranslatorOptions } from './anthropic-stream.js';
export { buildAnthropicRequest, type PreparedAnthropicRequest } from './build-anthropic-request.js';
export { anthropicModelTraits, type AnthropicModelTraits } from './anthropic-models.js';
export { mapAnthropicFinishReason } from './map-anthropic-finish-reason.js';
export { convertAnthropicUsage } from './anthropic-usage.js';
export type { AnthropicMediaOptions } from './anthropic-images.js';
