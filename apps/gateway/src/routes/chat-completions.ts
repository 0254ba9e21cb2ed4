import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { chatCompletionRequestSchema, toSwitchyardError, type ChatCompletionRequest } from '@switchyard/core';
import type { ModelHandler } from '../http/model-context.js';
import { isPlainChatRequest } from '../http/plain-chat-request.js';
import { chatCall } from '../governance/governed-call.js';
import { createRequestState, type RequestState } from '../http/request-state.js';
import { sendError } from '../http/send-error.js';
import { sendJson } from '../http/send-json.js';
import { validateRequest } from '../http/validate-request.js';
import { callUpstream } from './call-upstream.js';
import { streamChatCompletion } from './chat-stream.js';
import { completeChatWithMcp, wantsMcpLoop } from './chat-with-mcp.js';
import { abortOnClientClose, assertModelServed, readModelRequest, type ModelRouteDeps } from './model-route-support.js';

async function completeChat(
  deps: ModelRouteDeps,
  outgoing: ServerResponse,
  state: RequestState,
  call: { request: ChatCompletionRequest; signal: AbortSignal; requestId: string; headers: IncomingHttpHeaders },
): Promise<void> {
  const { request, signal, requestId, headers } = call;
  const answer = await callUpstream(outgoing, state, () => deps.router.chat(request, { signal, requestId, headers }), (routed) => routed.result.upstreamHeaders);
  if (!answer) return;
  state.usage = answer.value.result.usage;
  sendJson(outgoing, 200, answer.value.result.body, state.gate === undefined ? answer.headers : state.gate.decorate(answer.headers, state, true));
}

/** `POST /v1/chat/completions`: validates, resolves the model group, then answers in one body or as SSE. */
export function chatCompletionsRoute(deps: ModelRouteDeps): ModelHandler {
  return async (c) => {
    const { incoming, outgoing } = c.env;
    const state = c.get('state') ?? createRequestState(performance.now());
    const controller = abortOnClientClose(outgoing);
    try {
      const body = await readModelRequest(incoming, deps.maxRequestBytes);
      const request = isPlainChatRequest(body) ? body : validateRequest(chatCompletionRequestSchema, body);
      assertModelServed(deps.router, request.model);
      state.modelGroup = request.model;
      if (state.gate !== undefined) await state.gate.admit(chatCall(request, incoming.headers));
      const call = { request, signal: controller.signal, requestId: c.get('requestId') ?? '', headers: incoming.headers };
      if (wantsMcpLoop(deps, request)) await completeChatWithMcp(deps, outgoing, state, call);
      else if (request.stream === true) await streamChatCompletion(deps, outgoing, state, call);
      else await completeChat(deps, outgoing, state, call);
    } catch (error) {
      state.errorKind = toSwitchyardError(error).kind;
      // A stream that already started handles its own failures; anything escaping it must not hang the client.
      if (outgoing.headersSent) outgoing.destroy();
      else sendError(outgoing, error);
    }
    return RESPONSE_ALREADY_SENT;
  };
}
