import type { ChatCompletionRequest } from '@switchyard/core';
import type { Deployment } from '../models/deployment.js';
import { upstreamModelFor } from '../models/model-table.js';

/**
 * The request one deployment gets: its upstream model id, its preset parameters under the client's, and for a
 * stream `include_usage` forced on so usage can be logged even when the client did not ask for it.
 */
export function chatRequestFor(
  request: ChatCompletionRequest,
  deployment: Deployment,
  captures: readonly string[] | undefined,
  stream: boolean,
): ChatCompletionRequest {
  const upstream: ChatCompletionRequest = deployment.defaults ? { ...deployment.defaults, ...request } : { ...request };
  upstream.model = upstreamModelFor(deployment, captures);
  if (stream) upstream.stream_options = { ...request.stream_options, include_usage: true };
  return upstream;
}
