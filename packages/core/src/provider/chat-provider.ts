import type { ChatCompletionRequest } from '../chat/chat-completion-request.js';
import type { EmbeddingRequest } from '../embeddings/embedding-request.js';
import type { CallOptions } from './call-options.js';
import type { ChatResult, ChatStream, EmbeddingResult } from './chat-result.js';
import type { ProviderCapabilities } from './provider-capabilities.js';

/**
 * What a provider package implements: one configured upstream (credentials, base URL) that serves any of its
 * models. `request.model` is the upstream's model id, without the `<provider>/` prefix.
 * Failures are thrown as SwitchyardError with the right kind.
 */
export interface ChatProvider {
  /** The provider id, as in `<provider>/<model>`: "openai", "groq", "anthropic", ... */
  readonly id: string;
  readonly capabilities: ProviderCapabilities;
  chat(request: ChatCompletionRequest, options?: CallOptions): Promise<ChatResult>;
  streamChat(request: ChatCompletionRequest, options?: CallOptions): Promise<ChatStream>;
  embed?(request: EmbeddingRequest, options?: CallOptions): Promise<EmbeddingResult>;
}
