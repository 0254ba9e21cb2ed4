import type { ChatCompletionRequest } from '@switchyard/core';

/**
 * The request a stream is routed with: `include_usage` forced on so usage can be logged (and counted against tpm)
 * even when the client did not ask for it; the relay drops the usage-only chunk then.
 */
export function streamRequestFor(request: ChatCompletionRequest): ChatCompletionRequest {
  return { ...request, stream_options: { ...request.stream_options, include_usage: true } };
}
