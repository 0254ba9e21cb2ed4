import { joinUrl } from '@switchyard/provider-kit';
import type { ResolvedOpenAIConfig } from './openai-settings.js';

export type OpenAIEndpoint = 'chat/completions' | 'embeddings';

/** Whether an Azure base URL points at the v1 surface (`.../openai/v1`), where the model goes in the body. */
export function isAzureV1Surface(baseURL: string): boolean {
  return /\/openai\/v1$/.test(baseURL);
}

/** The full upstream URL for an endpoint and model under a preset's URL layout. */
export function upstreamURL(config: ResolvedOpenAIConfig, endpoint: OpenAIEndpoint, model: string): string {
  if (config.preset.layout !== 'azure' || isAzureV1Surface(config.baseURL)) {
    return joinUrl(config.baseURL, endpoint);
  }
  const resource = config.baseURL.replace(/\/openai$/, '');
  const deployment = encodeURIComponent(model);
  const query = new URLSearchParams({ 'api-version': config.apiVersion });
  return `${resource}/openai/deployments/${deployment}/${endpoint}?${query.toString()}`;
}
