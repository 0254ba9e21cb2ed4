import {
  SwitchyardError,
  streamPartFromChunk,
  type CallOptions,
  type ChatCompletionRequest,
  type ChatResult,
  type ChatStream,
  type ChatStreamPart,
} from '@switchyard/core';
import { parseSseStream, readJsonBody, transportError, type HttpResponse } from '@switchyard/provider-kit';
import { anthropicMessageSchema } from './anthropic-api.js';
import { toChatCompletion } from './anthropic-completion.js';
import type { AnthropicConfig } from './anthropic-config.js';
import { AnthropicStreamTranslator } from './anthropic-stream.js';
import { buildAnthropicRequest } from './build-anthropic-request.js';
import { malformedResponse, sendAnthropicRequest, upstreamHeadersOf } from './send-anthropic-request.js';

function seconds(config: AnthropicConfig): number {
  return Math.floor(config.now() / 1000);
}

/** A non-streaming chat call: one Messages API request, its answer translated to a chat completion. */
export async function anthropicChat(config: AnthropicConfig, request: ChatCompletionRequest, options: CallOptions = {}): Promise<ChatResult> {
  const prepared = await buildAnthropicRequest(request, config, false);
  const response = await sendAnthropicRequest(config, prepared, options);
  const parsed = anthropicMessageSchema.safeParse(
    await readJsonBody(response, config.provider, (cause) => malformedResponse(config.provider, 'the body is not JSON', cause)),
  );
  if (!parsed.success) throw malformedResponse(config.provider, 'the body is not a message');
  const completion = toChatCompletion(parsed.data, {
    provider: config.provider,
    created: seconds(config),
    jsonToolName: prepared.jsonToolName,
  });
  return {
    completion,
    body: JSON.stringify(completion),
    usage: completion.usage,
    upstreamHeaders: upstreamHeadersOf(response.headers),
  };
}

async function* translateStream(response: HttpResponse, translator: AnthropicStreamTranslator, provider: string): AsyncGenerator<ChatStreamPart> {
  let completed = false;
  try {
    for await (const event of parseSseStream(response.body)) {
      for (const chunk of translator.push(event)) yield streamPartFromChunk(chunk);
    }
    translator.end();
    completed = true;
  } catch (error) {
    throw SwitchyardError.isInstance(error) ? error : transportError(error, provider);
  } finally {
    // A consumer that stops early, or a failure, must not leave the upstream connection streaming.
    if (!completed) response.body.destroy();
  }
}

/**
 * A streaming chat call. Resolves once Anthropic accepted the request; the chunks it yields are OpenAI chunks, and
 * a failure after that (an `error` event, a cut or malformed stream) is thrown from the iterator.
 */
export async function anthropicStreamChat(
  config: AnthropicConfig,
  request: ChatCompletionRequest,
  options: CallOptions = {},
): Promise<ChatStream> {
  const prepared = await buildAnthropicRequest(request, config, true);
  const response = await sendAnthropicRequest(config, prepared, options);
  const translator = new AnthropicStreamTranslator({
    provider: config.provider,
    created: seconds(config),
    includeUsage: request.stream_options?.include_usage === true,
    jsonToolName: prepared.jsonToolName,
  });
  let iterated = false;
  return {
    upstreamHeaders: upstreamHeadersOf(response.headers),
    [Symbol.asyncIterator]() {
      if (iterated) throw new SwitchyardError('internal', 'A chat stream can be read only once.');
      iterated = true;
      return translateStream(response, translator, config.provider);
    },
  };
}
