import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { embeddingRequestSchema, SwitchyardError, toSwitchyardError, type EmbeddingResult } from '@switchyard/core';
import type { Handler } from 'hono';
import type { AppEnv } from '../app-env.js';
import { createRequestState } from '../http/request-state.js';
import { sendError } from '../http/send-error.js';
import { sendJson } from '../http/send-json.js';
import { validateRequest } from '../http/validate-request.js';
import { upstreamModelFor } from '../models/model-table.js';
import { callUpstream } from './call-upstream.js';
import { abortOnClientClose, readModelRequest, resolveModel, type ModelRouteDeps } from './model-route-support.js';

/** `POST /v1/embeddings`: validated like chat, answered with the provider's body as it came. */
export function embeddingsRoute(deps: ModelRouteDeps): Handler<AppEnv> {
  return async (c) => {
    const { incoming, outgoing } = c.env;
    const state = c.get('state') ?? createRequestState(performance.now());
    const signal = abortOnClientClose(outgoing).signal;
    const requestId = c.get('requestId') ?? '';
    try {
      const request = validateRequest(embeddingRequestSchema, await readModelRequest(incoming, deps.maxRequestBytes));
      const resolved = resolveModel(deps.models, request.model);
      state.modelGroup = resolved.group.name;
      const answer = await callUpstream<EmbeddingResult>(deps, outgoing, state, { resolved, signal }, (deployment) => {
        const embed = deployment.provider.embed?.bind(deployment.provider);
        if (!embed) {
          throw new SwitchyardError('bad_request', `The model "${request.model}" does not support embeddings.`, { param: 'model' });
        }
        const upstream = { ...request, model: upstreamModelFor(deployment, resolved.captures) };
        return embed(upstream, { signal, timeoutMs: deployment.timeoutMs, requestId });
      });
      if (answer) sendJson(outgoing, 200, answer.value.body, answer.headers);
    } catch (error) {
      state.errorKind = toSwitchyardError(error).kind;
      sendError(outgoing, error);
    }
    return RESPONSE_ALREADY_SENT;
  };
}
