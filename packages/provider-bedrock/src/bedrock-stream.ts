import {
  streamPartFromChunk,
  SwitchyardError,
  type CallOptions,
  type ChatCompletionRequest,
  type ChatStream,
  type ChatStreamPart,
} from '@switchyard/core';
import { headerValue, transportError, type HttpResponse } from '@switchyard/provider-kit';
import { bedrockStreamEventSchemas, type BedrockStreamEvent, type BedrockStreamEventType } from './bedrock-api.js';
import { completionId, prepareConverse } from './bedrock-chat.js';
import { bedrockError, parseBedrockErrorBody } from './bedrock-error.js';
import { decodeEventStream, type EventStreamFrame } from './bedrock-event-stream-decoder.js';
import { modelPath, normalizeModelId } from './bedrock-model-id.js';
import { ConverseStreamTranslator } from './bedrock-stream-translator.js';
import { pickUpstreamHeaders, postToBedrock, providerId, type BedrockContext } from './bedrock-transport.js';

function isEventType(name: string): name is BedrockStreamEventType {
  return Object.hasOwn(bedrockStreamEventSchemas, name);
}

function malformedEvent(name: string): SwitchyardError {
  return new SwitchyardError('upstream_unavailable', `Bedrock sent a malformed ${name} event.`, { status: 502, provider: providerId });
}

/** A frame as a typed event; exception and error frames throw their SwitchyardError; unknown events are skipped. */
export function eventFromFrame(frame: EventStreamFrame, secrets: readonly string[]): BedrockStreamEvent | undefined {
  if (frame.messageType === 'exception' || frame.messageType === 'error') {
    const message = frame.messageType === 'error' ? frame.payload : parseBedrockErrorBody(frame.payload).message;
    throw bedrockError({ status: undefined, errorType: frame.name || undefined, message, secrets });
  }
  if (!isEventType(frame.name)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(frame.payload);
  } catch {
    throw malformedEvent(frame.name);
  }
  const parsed = bedrockStreamEventSchemas[frame.name].safeParse(json);
  if (!parsed.success) throw malformedEvent(frame.name);
  return { type: frame.name, value: parsed.data } as BedrockStreamEvent;
}

async function* translate(response: HttpResponse, translator: ConverseStreamTranslator, secrets: readonly string[]): AsyncGenerator<ChatStreamPart> {
  try {
    for await (const frame of decodeEventStream(response.body)) {
      const event = eventFromFrame(frame, secrets);
      if (event) for (const chunk of translator.handle(event)) yield streamPartFromChunk(chunk);
    }
  } catch (error) {
    throw transportError(error, providerId);
  } finally {
    if (!response.body.destroyed) response.body.destroy();
  }
  if (!translator.stopped) {
    throw new SwitchyardError('upstream_unavailable', 'The Bedrock stream ended before messageStop.', { status: 502, provider: providerId });
  }
  for (const chunk of translator.finish()) yield streamPartFromChunk(chunk);
}

/**
 * A streaming chat call through ConverseStream. Resolves once Bedrock accepted the request; the event stream
 * is then decoded frame by frame as bytes arrive, and a failure (an exception frame, a lost connection, a
 * stream cut before messageStop) throws its SwitchyardError from the iterator.
 */
export async function bedrockStreamChat(context: BedrockContext, request: ChatCompletionRequest, options: CallOptions = {}): Promise<ChatStream> {
  const built = await prepareConverse(context, request, options);
  const path = modelPath(normalizeModelId(request.model), 'converse-stream');
  const response = await postToBedrock(context, path, JSON.stringify(built.body), 'application/vnd.amazon.eventstream', options);
  const translator = new ConverseStreamTranslator({
    id: completionId(headerValue(response.headers, 'x-amzn-requestid')),
    model: request.model,
    created: Math.floor(Date.now() / 1000),
    includeUsage: request.stream_options?.include_usage === true,
    jsonToolName: built.jsonToolName,
  });
  const parts = translate(response, translator, context.connection.secrets);
  return { upstreamHeaders: pickUpstreamHeaders(response.headers), [Symbol.asyncIterator]: () => parts };
}
