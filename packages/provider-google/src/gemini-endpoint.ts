import type { GoogleEndpoint } from './google-transport.js';
import { methodSuffix, trimBase } from './google-model-path.js';

export const defaultGeminiBaseURL = 'https://generativelanguage.googleapis.com';

export interface GeminiEndpointSettings {
  provider: string;
  apiKey: string;
  baseURL: string | undefined;
  apiVersion: string | undefined;
}

/**
 * The Gemini API: `{base}/v1beta/models/{model}:method` with the key in `x-goog-api-key`. A base URL that already
 * ends in an API version (".../v1beta") is used as it is.
 */
export function geminiEndpoint(settings: GeminiEndpointSettings): GoogleEndpoint {
  const base = trimBase(settings.baseURL ?? defaultGeminiBaseURL);
  const root = /\/v\d+(?:alpha|beta)?\d*$/.test(base) ? base : `${base}/${settings.apiVersion ?? 'v1beta'}`;
  return {
    provider: settings.provider,
    api: 'gemini',
    url: (model, method) => {
      const path = model.startsWith('models/') || model.startsWith('tunedModels/') ? model : `models/${model}`;
      return `${root}/${path}${methodSuffix(method)}`;
    },
    authHeaders: () => Promise.resolve({ 'x-goog-api-key': settings.apiKey }),
    secrets: () => [settings.apiKey],
  };
}
