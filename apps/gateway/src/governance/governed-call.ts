import type { IncomingHttpHeaders } from 'node:http';
import type { ChatCompletionRequest, EmbeddingRequest } from '@switchyard/core';
import { estimateEmbeddingTokens, estimatePromptTokens } from '@switchyard/cost';
import { requestTags } from '@switchyard/router';

/** What governance needs to know about a model call before it is routed. */
export interface GovernedCall {
  /** The model group asked for. */
  model: string;
  /** The request's `user`: the end user whose budget and limits also apply. */
  user: string | undefined;
  /** Prompt tokens, counted only when a budget needs an estimate. */
  promptTokens(): number;
  /** The output limit the request set, if any. */
  maxOutputTokens: number | undefined;
  tags: readonly string[] | undefined;
}

/** End-user ids longer than this are not looked up or logged (a bounded column, and no log pollution). */
const MAX_END_USER_LENGTH = 256;

function endUserOf(user: string | undefined): string | undefined {
  return user !== undefined && user !== '' && user.length <= MAX_END_USER_LENGTH ? user : undefined;
}

export function chatCall(request: ChatCompletionRequest, headers: IncomingHttpHeaders): GovernedCall {
  return {
    model: request.model,
    user: endUserOf(request.user),
    promptTokens: () => estimatePromptTokens(request),
    maxOutputTokens: request.max_completion_tokens ?? request.max_tokens ?? undefined,
    tags: requestTags(request.metadata, headers),
  };
}

export function embeddingCall(request: EmbeddingRequest, headers: IncomingHttpHeaders): GovernedCall {
  return {
    model: request.model,
    user: endUserOf(request.user),
    promptTokens: () => estimateEmbeddingTokens(request),
    maxOutputTokens: 0,
    tags: requestTags(undefined, headers),
  };
}
