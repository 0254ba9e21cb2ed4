import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { embeddingRequestSchema, toSwitchyardError } from '@switchyard/core';
import type { ModelHandler } from '../http/model-context.js';
import { embeddingCall } from '../governance/governed-call.js';
import { createRequestState } from '../http/request-state.js';
import { sendError } from '../http/send-error.js';
import { sendJson } from '../http/send-json.js';
import { validateRequest } from '../http/validate-request.js';
import { callUpstream } from './call-upstream.js';
import { abortOnClientClose, assertModelServed, readModelRequest, type ModelRouteDeps } from './model-route-support.js';

/** `POST /v1/embeddings`: validated like chat, routed like chat, answered with the provider's body as it came. */
export function embeddingsRoute(deps: ModelRouteDeps): ModelHandler {
  return async (c) => {
    const { incoming, outgoing } = c.env;
    const state = c.get('state') ?? createRequestState(performance.now());
    const signal = abortOnClientClose(outgoing).signal;
    const requestId = c.get('requestId') ?? '';
    try {
      const request = validateRequest(embeddingRequestSchema, await readModelRequest(incoming, deps.maxRequestBytes));
      assertModelServed(deps.router, request.model);
      state.modelGroup = request.model;
      const gate = state.gate;
      if (gate !== undefined) await gate.admit(embeddingCall(request, incoming.headers));
      const route = () => deps.router.embed(request, { signal, requestId, headers: incoming.headers });
      const answer = await callUpstream(outgoing, state, route, (routed) => routed.result.upstreamHeaders);
      if (!answer) return RESPONSE_ALREADY_SENT;
      if (gate === undefined) sendJson(outgoing, 200, answer.value.result.body, answer.headers);
      else {
        const usage = answer.value.result.response.usage as { prompt_tokens?: number; total_tokens?: number } | undefined;
        state.usage = { prompt_tokens: usage?.prompt_tokens ?? 0, completion_tokens: 0, total_tokens: usage?.total_tokens ?? 0 };
        sendJson(outgoing, 200, answer.value.result.body, gate.decorate(answer.headers, state, true));
      }
    } catch (error) {
      state.errorKind = toSwitchyardError(error).kind;
      sendError(outgoing, error);
    }
    return RESPONSE_ALREADY_SENT;
  };
}
