import type { HttpClient } from '@switchyard/provider-kit';
import type { AnthropicMediaOptions } from './anthropic-images.js';

/** A configured Anthropic upstream, resolved from the provider settings once. */
export interface AnthropicConfig {
  /** The provider id errors and logs name. */
  provider: string;
  /** The full `.../v1/messages` URL. */
  messagesUrl: string;
  apiKey: string | undefined;
  /** The `anthropic-version` header. */
  version: string;
  /** Extra headers sent on every request. */
  headers: Readonly<Record<string, string>>;
  httpClient: HttpClient;
  timeoutMs: number | undefined;
  dropParams: boolean;
  /** max_tokens when the request sets none (the API requires it). */
  defaultMaxTokens: number;
  media: AnthropicMediaOptions;
  /** The clock for `created` (milliseconds). */
  now: () => number;
}
