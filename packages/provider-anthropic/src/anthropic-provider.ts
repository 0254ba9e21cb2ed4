import {
  SwitchyardError,
  type ChatProvider,
  type ProviderCapabilities,
  type ProviderFamily,
  type ProviderSettings,
} from '@switchyard/core';
import { getDefaultHttpClient, joinUrl, loadOptionalSetting, withSwitchyardErrors, type HttpClient } from '@switchyard/provider-kit';
import { z } from 'zod';
import { anthropicChat, anthropicStreamChat } from './anthropic-chat.js';
import type { AnthropicConfig } from './anthropic-config.js';
import { defaultMediaOptions, type AnthropicMediaOptions } from './anthropic-images.js';

export const anthropicApiKeyEnv = 'ANTHROPIC_API_KEY';
export const anthropicBaseUrlEnv = 'ANTHROPIC_BASE_URL';
export const defaultAnthropicBaseURL = 'https://api.anthropic.com';
export const defaultAnthropicVersion = '2023-06-01';

export interface AnthropicProviderSettings extends Omit<ProviderSettings, 'provider'> {
  /** The provider id (defaults to "anthropic"). */
  provider?: string;
  /** The HTTP client (defaults to the process-wide pooled client). */
  httpClient?: HttpClient;
  /** The environment to read ANTHROPIC_API_KEY and ANTHROPIC_BASE_URL from (defaults to process.env). */
  env?: NodeJS.ProcessEnv;
  /** The clock, in milliseconds (tests). */
  now?: () => number;
}

/** Family-specific settings, as they arrive in `settings.options` from a gateway config. */
const anthropicOptionsSchema = z.looseObject({
  defaultMaxTokens: z.number().int().positive().optional(),
  media: z
    .looseObject({
      urlMode: z.enum(['fetch', 'forward']).optional(),
      maxBytes: z.number().int().positive().optional(),
      timeoutMs: z.number().int().positive().optional(),
      allowPrivate: z.boolean().optional(),
      allowedHosts: z.array(z.string()).optional(),
    })
    .optional(),
});

export const anthropicCapabilities: ProviderCapabilities = {
  streaming: true,
  embeddings: false,
  tools: true,
  vision: true,
  reasoning: true,
  jsonSchema: true,
  passThrough: false,
};

/** `https://api.anthropic.com`, `.../v1` and `.../v1/messages` all mean the same endpoint. */
export function messagesUrlFor(baseURL: string): string {
  const base = baseURL.replace(/\/+$/, '');
  if (base.endsWith('/v1/messages')) return base;
  return joinUrl(base, base.endsWith('/v1') ? 'messages' : 'v1/messages');
}

function parseOptions(options: Record<string, unknown> | undefined) {
  const parsed = anthropicOptionsSchema.safeParse(options ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SwitchyardError('bad_request', `Invalid Anthropic provider option ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`);
  }
  return parsed.data;
}

function resolveConfig(settings: AnthropicProviderSettings): AnthropicConfig {
  const env = settings.env ?? process.env;
  const options = parseOptions(settings.options);
  const media: AnthropicMediaOptions = {
    urlMode: options.media?.urlMode ?? defaultMediaOptions.urlMode,
    maxBytes: options.media?.maxBytes ?? defaultMediaOptions.maxBytes,
    timeoutMs: options.media?.timeoutMs ?? defaultMediaOptions.timeoutMs,
    allowPrivate: options.media?.allowPrivate ?? defaultMediaOptions.allowPrivate,
    allowedHosts: options.media?.allowedHosts ?? defaultMediaOptions.allowedHosts,
  };
  const baseURL =
    loadOptionalSetting({ value: settings.baseURL, envVar: anthropicBaseUrlEnv, description: 'Anthropic base URL', env }) ??
    defaultAnthropicBaseURL;
  return {
    provider: settings.provider ?? 'anthropic',
    messagesUrl: messagesUrlFor(baseURL),
    apiKey: loadOptionalSetting({ value: settings.apiKey, envVar: anthropicApiKeyEnv, description: 'Anthropic API key', env }),
    version: settings.apiVersion ?? defaultAnthropicVersion,
    headers: settings.headers ?? {},
    httpClient: settings.httpClient ?? getDefaultHttpClient(),
    timeoutMs: settings.timeoutMs,
    dropParams: settings.dropParams ?? false,
    defaultMaxTokens: options.defaultMaxTokens ?? 4096,
    media,
    now: settings.now ?? Date.now,
  };
}

/**
 * An Anthropic provider: OpenAI chat requests in, the Messages API upstream (`x-api-key`,
 * `anthropic-version: 2023-06-01`, `anthropic-beta` where a feature needs it), OpenAI completions and chunks out.
 */
export function createAnthropic(settings: AnthropicProviderSettings = {}): ChatProvider {
  const config = resolveConfig(settings);
  return {
    id: config.provider,
    capabilities: anthropicCapabilities,
    chat: (request, options) => withSwitchyardErrors(() => anthropicChat(config, request, options)),
    streamChat: (request, options) => withSwitchyardErrors(() => anthropicStreamChat(config, request, options)),
  };
}

/** The Anthropic provider family, as the gateway's provider registry loads it. */
export const anthropicFamily: ProviderFamily = {
  name: 'anthropic',
  providers: ['anthropic'],
  apiKeyEnv: (provider) => (provider === 'anthropic' ? anthropicApiKeyEnv : undefined),
  create: (settings) => createAnthropic(settings),
};
