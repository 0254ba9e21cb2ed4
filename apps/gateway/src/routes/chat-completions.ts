import type { ServerResponse } from 'node:http';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { chatCompletionRequestSchema, toSwitchyardError, type ChatCompletionRequest, type ChatResult } from '@switchyard/core';
import type { Handler } from 'hono';
import type { AppEnv } from '../app-env.js';
import { createRequestState, type RequestState } from '../http/request-state.js';
import { sendError } from '../http/send-error.js';
import { sendJson } from '../http/send-json.js';
import { validateRequest } from '../http/validate-request.js';
import type { ResolvedModel } from '../models/model-table.js';
import { callUpstream } from './call-upstream.js';
import { chatRequestFor } from './chat-request.js';
import { streamChatCompletion } from './chat-stream.js';
import { abortOnClientClose, readModelRequest, resolveModel, type ModelRouteDeps } from './model-route-support.js';

async function completeChat(
  deps: ModelRouteDeps,
  outgoing: ServerResponse,
  state: RequestState,
  call: { request: ChatCompletionRequest; resolved: ResolvedModel; signal: AbortSignal; requestId: string },
): Promise<void> {
  const { request, resolved, signal, requestId } = call;
  const answer = await callUpstream<ChatResult>(deps, outgoing, state, call, (deployment) =>
    deployment.provider.chat(chatRequestFor(request, deployment, resolved.captures, false), { signal, timeoutMs: deployment.timeoutMs, requestId }),
  );
  if (!answer) return;
  state.usage = answer.value.usage;
  sendJson(outgoing, 200, answer.value.body, answer.headers);
}

/** `POST /v1/chat/completions`: validates, resolves the model group, then answers in one body or as SSE. */
export function chatCompletionsRoute(deps: ModelRouteDeps): Handler<AppEnv> {
  return async (c) => {
    const { incoming, outgoing } = c.env;
    const state = c.get('state') ?? createRequestState(performance.now());
    const controller = abortOnClientClose(outgoing);
    try {
      const body = await readModelRequest(incoming, deps.maxRequestBytes);
      const request = validateRequest(chatCompletionRequestSchema, body);
      const resolved = resolveModel(deps.models, request.model);
      state.modelGroup = resolved.group.name;
      const call = { request, resolved, signal: controller.signal, requestId: c.get('requestId') ?? '' };
      if (request.stream === true) await streamChatCompletion(deps, outgoing, state, call);
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
