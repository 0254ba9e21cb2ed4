import {
  streamBatches,
  SwitchyardError,
  type CallOptions,
  type ChatCompletionRequest,
  type ChatResult,
  type EmbeddingRequest,
  type EmbeddingResult,
} from '@switchyard/core';
import type { Deployment } from '../deployments/deployment.js';
import type { RoutingContext } from '../selection/routing-context.js';
import type { CallTracker } from './call-tracker.js';
import { RoutedChatStream } from './routed-stream.js';

/**
 * One kind of upstream call. `call` settles the tracker when it succeeds (a stream: when it ends); a thrown error
 * is settled by the caller.
 */
export interface Operation<Request, Result> {
  readonly stream: boolean;
  call(
    deployment: Deployment,
    request: Request,
    options: CallOptions,
    tracker: CallTracker,
    context: RoutingContext,
  ): Promise<Result>;
}

export function chatOperation(countTokens: boolean): Operation<ChatCompletionRequest, ChatResult> {
  return {
    stream: false,
    async call(deployment, request, options, tracker, context) {
      const result = await deployment.provider.chat(request, options);
      tracker.succeed(countTokens ? (result.usage?.total_tokens ?? context.promptTokens()) : 0);
      return result;
    },
  };
}

/** Streams are only handed over once their first batch of parts arrived, so a failure before it falls back. */
export function streamOperation(countTokens: boolean): Operation<ChatCompletionRequest, RoutedChatStream> {
  return {
    stream: true,
    async call(deployment, request, options, tracker, context) {
      const stream = await deployment.provider.streamChat(request, options);
      const iterator = streamBatches(stream);
      const first = await iterator.next();
      tracker.firstPart();
      const estimate = countTokens ? context.promptTokens() : 0;
      return new RoutedChatStream(stream, iterator, first, tracker, countTokens, options.signal, estimate);
    },
  };
}

export function embedOperation(countTokens: boolean): Operation<EmbeddingRequest, EmbeddingResult> {
  return {
    stream: false,
    async call(deployment, request, options, tracker, context) {
      if (deployment.provider.embed === undefined) {
        throw new SwitchyardError('bad_request', `Deployment "${deployment.id}" (${deployment.providerId}) does not serve embeddings.`);
      }
      const result = await deployment.provider.embed(request, options);
      tracker.succeed(countTokens ? (result.response.usage?.total_tokens ?? context.promptTokens()) : 0);
      return result;
    },
  };
}
