import { SwitchyardError, type ChatProvider, type ProviderFamily, type ProviderSettings } from '@switchyard/core';
import { getDefaultHttpClient, withSwitchyardErrors, type HttpClient } from '@switchyard/provider-kit';
import { bedrockChat } from './bedrock-chat.js';
import { resolveBedrockConnection } from './bedrock-credentials.js';
import { bedrockEmbed } from './bedrock-embeddings.js';
import { defaultImageFetchPolicy, safeUrlFetcher, type ImageFetchPolicy, type UrlFetcher } from './bedrock-media.js';
import { bedrockStreamChat } from './bedrock-stream.js';
import { providerId, type BedrockContext } from './bedrock-transport.js';

/** Provider settings; `provider` defaults to "bedrock". */
export type BedrockSettings = Omit<ProviderSettings, 'provider'> & { provider?: string };

export interface BedrockDependencies {
  /** The HTTP client for Bedrock calls; the process-wide pooled client by default. */
  httpClient?: HttpClient;
  /** Where AWS_* variables are read from; process.env by default. */
  env?: NodeJS.ProcessEnv;
  /** How image URLs are fetched; provider-kit's fetchUrlSafely by default. */
  fetchUrl?: UrlFetcher;
}

function option<T>(options: Record<string, unknown> | undefined, name: string, check: (value: unknown) => value is T, fallback: T): T {
  const value = options?.[name];
  if (value === undefined || value === null) return fallback;
  if (!check(value)) throw new SwitchyardError('bad_request', `Bedrock option ${name} has the wrong type.`);
  return value;
}

const isPositive = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0;
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((entry) => typeof entry === 'string');

/**
 * Image URL fetching from `options`: `image_url_max_bytes` (3.75 MB), `image_url_timeout_ms` (10 s),
 * `image_url_allow_private` (false: loopback and private addresses are refused), `image_url_allowed_hosts`.
 */
function imagePolicyFrom(options: Record<string, unknown> | undefined): ImageFetchPolicy {
  return {
    maxBytes: option(options, 'image_url_max_bytes', isPositive, defaultImageFetchPolicy.maxBytes),
    timeoutMs: option(options, 'image_url_timeout_ms', isPositive, defaultImageFetchPolicy.timeoutMs),
    allowPrivate: option(options, 'image_url_allow_private', isBoolean, false),
    allowedHosts: option<string[] | undefined>(options, 'image_url_allowed_hosts', isStringList, undefined),
  };
}

/**
 * Creates a Bedrock provider: Converse and ConverseStream for chat, InvokeModel for Titan and Cohere embeddings.
 * Region, credentials and endpoint come from `settings.options` (LiteLLM's names: aws_region_name,
 * aws_access_key_id, aws_secret_access_key, aws_session_token, aws_bedrock_runtime_endpoint) or the AWS_*
 * environment; `apiKey` (or AWS_BEARER_TOKEN_BEDROCK) is a Bedrock API key; `baseURL` overrides the endpoint.
 */
export function createBedrock(settings: BedrockSettings = {}, dependencies: BedrockDependencies = {}): ChatProvider {
  const context: BedrockContext = {
    connection: resolveBedrockConnection({ ...settings, provider: settings.provider ?? providerId }, dependencies.env),
    httpClient: dependencies.httpClient ?? getDefaultHttpClient(),
    headers: settings.headers,
    timeoutMs: settings.timeoutMs,
    dropParams: settings.dropParams === true,
    imagePolicy: imagePolicyFrom(settings.options),
    fetcher: dependencies.fetchUrl ?? safeUrlFetcher,
  };
  return {
    id: settings.provider ?? providerId,
    capabilities: {
      streaming: true,
      embeddings: true,
      tools: true,
      vision: true,
      reasoning: true,
      jsonSchema: false,
      passThrough: false,
    },
    chat: (request, options) => withSwitchyardErrors(() => bedrockChat(context, request, options)),
    streamChat: (request, options) => withSwitchyardErrors(() => bedrockStreamChat(context, request, options)),
    embed: (request, options) => withSwitchyardErrors(() => bedrockEmbed(context, request, options)),
  };
}

/** The Bedrock family: the "bedrock" provider; its API key (a Bedrock API key) is read from AWS_BEARER_TOKEN_BEDROCK. */
export const bedrockFamily: ProviderFamily = {
  name: 'bedrock',
  providers: ['bedrock'],
  apiKeyEnv: (provider) => (provider === 'bedrock' ? 'AWS_BEARER_TOKEN_BEDROCK' : undefined),
  create: (settings) => createBedrock(settings),
};
