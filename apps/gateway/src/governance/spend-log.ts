import type { Principal } from '@switchyard/governance';
import type { SpendLogInput } from '@switchyard/store';
import type { RequestState } from '../http/request-state.js';

/** What one finished request contributes to its spend log besides the request state. */
export interface SpendFacts {
  /** Unique per request: the gateway's x-request-id, or a fresh id when the client chose the x-request-id. */
  requestId: string;
  /** The x-request-id the client sent, kept in the log's metadata. */
  clientRequestId: string | undefined;
  principal: Principal;
  endUserId: string | undefined;
  route: string;
  /** The HTTP status answered (499 when the client left before the answer). */
  status: number;
  cost: number;
  tags: readonly string[] | undefined;
  endedAt: number;
}

const whole = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? 0 : Math.max(0, Math.round(value)));

function errorClassOf(state: RequestState, status: number): string | null {
  if (state.errorKind !== undefined) return state.errorKind;
  if (state.clientClosed) return 'client_closed';
  return status >= 400 ? `http_${status}` : null;
}

/** One spend log row for a request: who, which model and deployment, tokens (cached and reasoning), cost, timing. */
export function spendLogOf(facts: SpendFacts, state: RequestState): SpendLogInput {
  const context = facts.principal.kind === 'key' ? facts.principal.context : undefined;
  const usage = state.usage;
  const latencyMs = facts.endedAt - (performance.timeOrigin + state.startedAt);
  const errorClass = errorClassOf(state, facts.status);
  return {
    requestId: facts.requestId,
    keyHash: context?.key.keyHash ?? null,
    userId: context?.user?.id ?? context?.key.userId ?? null,
    teamId: context?.team?.id ?? context?.key.teamId ?? null,
    organisationId: context?.organisation?.id ?? null,
    endUserId: facts.endUserId ?? null,
    modelGroup: state.modelGroup,
    deploymentId: state.deploymentId || null,
    provider: state.provider,
    model: state.upstreamModel || null,
    route: facts.route,
    promptTokens: whole(usage?.prompt_tokens),
    completionTokens: whole(usage?.completion_tokens),
    cachedTokens: whole(usage?.prompt_tokens_details?.cached_tokens),
    reasoningTokens: whole(usage?.completion_tokens_details?.reasoning_tokens),
    cost: facts.cost,
    latencyMs: whole(latencyMs),
    timeToFirstTokenMs: state.timeToFirstTokenMs === undefined ? null : whole(state.timeToFirstTokenMs),
    status: errorClass === null ? 'success' : 'failure',
    errorClass,
    tags: facts.tags === undefined ? [] : facts.tags.slice(0, 32).map((tag) => tag.slice(0, 128)),
    metadata: facts.clientRequestId === undefined ? null : { client_request_id: facts.clientRequestId },
    startedAt: new Date(performance.timeOrigin + state.startedAt),
    endedAt: new Date(facts.endedAt),
  };
}
