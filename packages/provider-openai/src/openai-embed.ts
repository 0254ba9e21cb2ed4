import type { CallOptions, EmbeddingRequest, EmbeddingResponse, EmbeddingResult } from '@switchyard/core';
import { readSuccessBytes } from '@switchyard/provider-kit';
import type { ResolvedOpenAIConfig } from './openai-settings.js';
import { parseUpstreamJson, pickUpstreamHeaders, sendRequest } from './send-request.js';
import { upstreamURL } from './upstream-url.js';

/** An embeddings call: the upstream body passes through as bytes, parsed once for `response`. */
export async function openAIEmbed(
  config: ResolvedOpenAIConfig,
  request: EmbeddingRequest,
  options: CallOptions = {},
): Promise<EmbeddingResult> {
  const provider = config.preset.id;
  const url = upstreamURL(config, 'embeddings', request.model);
  const response = await sendRequest(config, { url, body: { ...request }, stream: false }, options);
  const bytes = await readSuccessBytes(response, provider);
  const parsed = parseUpstreamJson<EmbeddingResponse>(bytes.toString('utf8'), provider, 'data');
  return { response: parsed, body: bytes, upstreamHeaders: pickUpstreamHeaders(response.headers) };
}
