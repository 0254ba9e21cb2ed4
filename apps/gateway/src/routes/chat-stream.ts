import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { toSwitchyardError, type ChatCompletionRequest } from '@switchyard/core';
import type { RoutedChatStream } from '@switchyard/router';
import type { RequestState } from '../http/request-state.js';
import { EventStream } from '../http/sse-writer.js';
import { callUpstream } from './call-upstream.js';
import { streamRequestFor } from './chat-request.js';
import type { ModelRouteDeps } from './model-route-support.js';

interface StreamCall {
  request: ChatCompletionRequest;
  signal: AbortSignal;
  requestId: string;
  headers: IncomingHttpHeaders;
}

/**
 * Relays the upstream's batches as they arrive (one per upstream read), their framed events written as they came
 * (a pass-through's bytes are never re-serialised). The usage-only chunk the gateway asked for is dropped unless the
 * client asked for usage too. A failure ends the stream with an in-band error event; a client that went away just
 * stops it (the abort signal cancels the upstream call).
 */
async function relayBatches(stream: RoutedChatStream, events: EventStream, outgoing: ServerResponse, state: RequestState, wantsUsage: boolean, signal: AbortSignal): Promise<void> {
  const batches = stream.batches();
  try {
    for (let result = await batches.next(); result.done !== true; result = await batches.next()) {
      const batch = result.value;
      state.timeToFirstTokenMs ??= performance.now() - state.startedAt;
      state.streamedBatches?.push(batch);
      const usage = batch.usage;
      if (usage !== undefined) state.usage = usage;
      const pending = events.writeFramed(batch.sse(!wantsUsage && usage !== undefined));
      if (pending) await pending;
      if (outgoing.destroyed) {
        state.clientClosed = true;
        await batches.return?.();
        return;
      }
    }
    events.end();
  } catch (error) {
    if (signal.aborted || outgoing.destroyed) {
      state.clientClosed = true;
      return;
    }
    const failure = toSwitchyardError(error);
    state.errorKind = failure.kind;
    events.fail(failure.toOpenAIError());
  }
}

/** A streaming chat completion: the router retries and falls back until a first part arrived; then it is committed. */
export async function streamChatCompletion(deps: ModelRouteDeps, outgoing: ServerResponse, state: RequestState, call: StreamCall): Promise<void> {
  const { request, signal, requestId, headers } = call;
  state.stream = true;
  const routed = () => deps.router.streamChat(streamRequestFor(request), { signal, requestId, headers });
  const answer = await callUpstream(outgoing, state, routed, (value) => value.stream.upstreamHeaders);
  if (!answer) return;
  const events = new EventStream(outgoing, state.gate === undefined ? answer.headers : state.gate.decorate(answer.headers, state, false));
  if (state.gate !== undefined) state.streamedBatches = [];
  try {
    await relayBatches(answer.value.stream, events, outgoing, state, request.stream_options?.include_usage === true, signal);
  } finally {
    events.close();
  }
}
