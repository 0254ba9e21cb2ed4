import type { ChatProvider, ProviderCapabilities, ProviderFamily, ProviderSettings } from '@switchyard/core';
import { getDefaultHttpClient, loadOptionalSetting, loadSetting, withSwitchyardErrors, type HttpClient } from '@switchyard/provider-kit';
import type { GoogleMediaPolicy } from './convert-google-media.js';
import { geminiEndpoint } from './gemini-endpoint.js';
import { googleChat } from './google-chat.js';
import { googleEmbed } from './google-embeddings.js';
import { resolveMediaPolicy } from './google-media-settings.js';
import { googleStreamChat } from './google-stream.js';
import type { GoogleCallConfig, GoogleEndpoint } from './google-transport.js';
import { vertexEndpoint } from './vertex-endpoint.js';
import { resolveVertexSettings } from './vertex-settings.js';

/** Core's provider settings (every field optional here) plus what a program can inject. */
export interface GoogleProviderSettings extends Partial<ProviderSettings> {
  /** The HTTP client to use instead of the shared pooled one. */
  httpClient?: HttpClient;
  /** Where environment variables are read from (defaults to process.env). */
  env?: NodeJS.ProcessEnv;
  /** How http(s) media URLs in messages are fetched; overrides `options.media_fetch`. */
  mediaFetch?: Partial<GoogleMediaPolicy>;
  /** The clock Vertex token expiry is measured with, in milliseconds. */
  now?: () => number;
}

export const googleCapabilities: ProviderCapabilities = {
  streaming: true,
  embeddings: true,
  tools: true,
  vision: true,
  reasoning: true,
  jsonSchema: true,
  passThrough: false,
};

function createGoogleProvider(endpoint: GoogleEndpoint, settings: GoogleProviderSettings, http: HttpClient): ChatProvider {
  const config: GoogleCallConfig = {
    endpoint,
    http,
    headers: settings.headers ?? {},
    timeoutMs: settings.timeoutMs,
    dropParams: settings.dropParams ?? false,
    media: resolveMediaPolicy(settings.options, settings.mediaFetch),
  };
  return {
    id: endpoint.provider,
    capabilities: googleCapabilities,
    chat: (request, options) => withSwitchyardErrors(() => googleChat(config, request, options)),
    streamChat: (request, options) => withSwitchyardErrors(() => googleStreamChat(config, request, options)),
    embed: (request, options) => withSwitchyardErrors(() => googleEmbed(config, request, options)),
  };
}

/**
 * The Gemini API (generativelanguage.googleapis.com) with an API key from `apiKey`, GEMINI_API_KEY or
 * GOOGLE_API_KEY.
 */
export function createGemini(settings: GoogleProviderSettings = {}): ChatProvider {
  const env = settings.env ?? process.env;
  const apiKey = loadSetting({
    value: settings.apiKey ?? loadOptionalSetting({ value: undefined, envVar: 'GOOGLE_API_KEY', description: 'Google API key', env }),
    envVar: 'GEMINI_API_KEY',
    description: 'The Gemini API key',
    env,
  });
  const endpoint = geminiEndpoint({
    provider: settings.provider ?? 'gemini',
    apiKey,
    baseURL: settings.baseURL,
    apiVersion: settings.apiVersion,
  });
  return createGoogleProvider(endpoint, settings, settings.httpClient ?? getDefaultHttpClient());
}

/**
 * Vertex AI with a service-account (or authorized-user) key exchanged for OAuth2 tokens, or a ready access
 * token; project, location and credentials under LiteLLM's names in `options` (see resolveVertexSettings).
 */
export function createVertex(settings: GoogleProviderSettings = {}): ChatProvider {
  const http = settings.httpClient ?? getDefaultHttpClient();
  const vertex = resolveVertexSettings({
    apiKey: settings.apiKey,
    options: settings.options ?? {},
    env: settings.env ?? process.env,
    http,
    timeoutMs: settings.timeoutMs,
    now: settings.now,
  });
  const endpoint = vertexEndpoint({
    provider: settings.provider ?? 'vertex_ai',
    ...vertex,
    baseURL: settings.baseURL,
    apiVersion: settings.apiVersion,
  });
  return createGoogleProvider(endpoint, settings, http);
}

/** The family entry point: "gemini" is the Gemini API, "vertex_ai" is Vertex AI. */
export const googleFamily: ProviderFamily = {
  name: 'google',
  providers: ['gemini', 'vertex_ai'],
  apiKeyEnv: (provider) => (provider === 'gemini' ? 'GEMINI_API_KEY' : undefined),
  create: (settings) => (settings.provider === 'vertex_ai' ? createVertex(settings) : createGemini(settings)),
};
