import { randomUUID } from 'node:crypto';
import { SwitchyardError, type CallOptions, type ChatCompletionRequest, type ChatResult } from '@switchyard/core';
import { headerValue, parseJsonBody, readSuccessText } from '@switchyard/provider-kit';
import { bedrockConverseResponseSchema, type BedrockConverseResponse } from './bedrock-api.js';
import { buildConverseRequest, type BuiltConverseRequest } from './bedrock-converse-request.js';
import { modelPath, normalizeModelId } from './bedrock-model-id.js';
import { toChatCompletion } from './bedrock-response.js';
import { pickUpstreamHeaders, postToBedrock, providerId, type BedrockContext } from './bedrock-transport.js';

function malformed(detail: string): SwitchyardError {
  return new SwitchyardError('upstream_unavailable', `Bedrock returned ${detail}.`, { status: 502, provider: providerId });
}

function parseConverseResponse(text: string): BedrockConverseResponse {
  const json = parseJsonBody(text, providerId, () => malformed('a response that is not JSON'));
  const parsed = bedrockConverseResponseSchema.safeParse(json);
  if (!parsed.success) throw malformed('a response without output.message.content');
  return parsed.data;
}

/** Builds the Converse request for a chat request: model id without its route prefix, translated body. */
export function prepareConverse(context: BedrockContext, request: ChatCompletionRequest, options: CallOptions): Promise<BuiltConverseRequest> {
  return buildConverseRequest(request, {
    modelId: normalizeModelId(request.model),
    dropParams: context.dropParams,
    fetcher: context.fetcher,
    imagePolicy: context.imagePolicy,
    signal: options.signal,
  });
}

/** The chat completion id: Bedrock's request id when it sent one. */
export function completionId(requestId: string | undefined): string {
  return `chatcmpl-${requestId ?? randomUUID()}`;
}

/** A non-streaming chat call through Converse. */
export async function bedrockChat(context: BedrockContext, request: ChatCompletionRequest, options: CallOptions = {}): Promise<ChatResult> {
  const built = await prepareConverse(context, request, options);
  const path = modelPath(normalizeModelId(request.model), 'converse');
  const response = await postToBedrock(context, path, JSON.stringify(built.body), 'application/json', options);
  const converse = parseConverseResponse(await readSuccessText(response, providerId));
  const completion = toChatCompletion(converse, {
    id: completionId(headerValue(response.headers, 'x-amzn-requestid')),
    model: request.model,
    created: Math.floor(Date.now() / 1000),
    jsonToolName: built.jsonToolName,
  });
  return { completion, body: JSON.stringify(completion), usage: completion.usage, upstreamHeaders: pickUpstreamHeaders(response.headers) };
}
