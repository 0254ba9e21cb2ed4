import type { ChatProvider } from './chat-provider.js';

/** How a deployment configures a provider: LiteLLM's litellm_params, normalised. */
export interface ProviderSettings {
  /** The provider id: the `<provider>` in `<provider>/<model>`. */
  provider: string;
  apiKey?: string;
  baseURL?: string;
  apiVersion?: string;
  /** Extra headers sent on every upstream request. */
  headers?: Record<string, string>;
  /** Default per-request timeout in milliseconds. */
  timeoutMs?: number;
  /** Drop parameters the provider does not support instead of rejecting the request. */
  dropParams?: boolean;
  /** Family-specific settings (AWS region and credentials, Vertex project and location, ...). */
  options?: Record<string, unknown>;
}

/** A provider package's entry point: the providers it serves and a factory for configured instances. */
export interface ProviderFamily {
  readonly name: string;
  /** The provider ids this family serves. */
  readonly providers: readonly string[];
  /** The environment variable that holds a provider's API key by default, if it has one. */
  apiKeyEnv(provider: string): string | undefined;
  create(settings: ProviderSettings): ChatProvider;
}
