import type { ServerResponse } from 'node:http';
import { toSwitchyardError, type ChatCompletionRequest, type ChatStream } from '@switchyard/core';
import type { RequestState } from '../http/request-state.js';
import { endEventStream, failEventStream, startEventStream, writeEvent } from '../http/sse-writer.js';
import type { ResolvedModel } from '../models/model-table.js';
import { callUpstream } from './call-upstream.js';
import { chatRequestFor } from './chat-request.js';
import type { ModelRouteDeps } from './model-route-support.js';

interface StreamCall {
  request: ChatCompletionRequest;
  resolved: ResolvedModel;
  signal: AbortSignal;
  requestId: string;
}

/**
 * Relays the upstream's parts as they arrive, one `data:` event each, never re-serialised. The usage-only chunk
 * the gateway asked for is dropped unless the client asked for usage too. A failure ends the stream with an
 * in-band error event; a client that went away just stops it (the abort signal cancels the upstream call).
 */
async function relayParts(stream: ChatStream, outgoing: ServerResponse, state: RequestState, wantsUsage: boolean, signal: AbortSignal): Promise<void> {
  try {
    for await (const part of stream) {
      state.timeToFirstTokenMs ??= performance.now() - state.startedAt;
      const usage = part.usage;
      if (usage !== undefined) {
        state.usage = usage;
        if (!wantsUsage && part.chunk.choices.length === 0) continue;
      }
      const pending = writeEvent(outgoing, part.json);
      if (pending) await pending;
      if (outgoing.destroyed) {
        state.clientClosed = true;
        return;
      }
    }
    endEventStream(outgoing);
  } catch (error) {
    if (signal.aborted || outgoing.destroyed) {
      state.clientClosed = true;
      return;
    }
    const failure = toSwitchyardError(error);
    state.errorKind = failure.kind;
    failEventStream(outgoing, failure.toOpenAIError());
  }
}

/** A streaming chat completion: retries happen only before the first byte; after that the stream is committed. */
export async function streamChatCompletion(deps: ModelRouteDeps, outgoing: ServerResponse, state: RequestState, call: StreamCall): Promise<void> {
  const { request, resolved, signal, requestId } = call;
  state.stream = true;
  const answer = await callUpstream<ChatStream>(deps, outgoing, state, call, (deployment) =>
    deployment.provider.streamChat(chatRequestFor(request, deployment, resolved.captures, true), { signal, timeoutMs: deployment.streamTimeoutMs, requestId }),
  );
  if (!answer) return;
  const headerTimer = startEventStream(outgoing, answer.headers);
  try {
    await relayParts(answer.value, outgoing, state, request.stream_options?.include_usage === true, signal);
  } finally {
    clearTimeout(headerTimer);
  }
}
