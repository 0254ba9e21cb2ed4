import type { CallOptions, ChatCompletion, ChatCompletionRequest, ChatResult } from '@switchyard/core';
import { readSuccessBytes } from '@switchyard/provider-kit';
import type { ResolvedOpenAIConfig } from './openai-settings.js';
import { prepareChatBody, type PreparedBody } from './prepare-chat-body.js';
import { rewriteCompletion } from './response-quirks.js';
import { parseUpstreamJson, pickUpstreamHeaders, sendRequest } from './send-request.js';
import { upstreamURL } from './upstream-url.js';

/** A chat result that also says which parameters `dropParams` removed. */
export interface OpenAIChatResult extends ChatResult {
  readonly droppedParams: readonly string[];
}

/** Builds the upstream body and reports dropped parameters through the settings hook. */
export function prepareForCall(config: ResolvedOpenAIConfig, request: ChatCompletionRequest, stream: boolean): PreparedBody {
  const prepared = prepareChatBody(config.preset, request, { stream, dropParams: config.dropParams });
  if (prepared.dropped.length > 0) {
    config.onDroppedParams?.({ provider: config.preset.id, model: request.model, params: prepared.dropped });
  }
  return prepared;
}

/**
 * A non-streamed chat call. The body is read once: its bytes become `body` untouched and one JSON.parse gives
 * `completion`; only a preset with a response quirk re-serialises the rewritten completion.
 */
export async function openAIChat(
  config: ResolvedOpenAIConfig,
  request: ChatCompletionRequest,
  options: CallOptions = {},
): Promise<OpenAIChatResult> {
  const provider = config.preset.id;
  const prepared = prepareForCall(config, request, false);
  const url = upstreamURL(config, 'chat/completions', request.model);
  const response = await sendRequest(config, { url, body: prepared.body, stream: false }, options);
  const bytes = await readSuccessBytes(response, provider);
  const completion = parseUpstreamJson<ChatCompletion>(bytes.toString('utf8'), provider, 'choices');
  const rewritten = rewriteCompletion(config.preset.quirks, completion);
  return {
    completion,
    body: rewritten ? JSON.stringify(completion) : bytes,
    usage: completion.usage ?? undefined,
    upstreamHeaders: pickUpstreamHeaders(response.headers),
    droppedParams: prepared.dropped,
  };
}
