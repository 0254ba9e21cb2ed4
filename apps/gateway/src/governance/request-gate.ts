import type { OutgoingHttpHeaders } from 'node:http';
import { checkModelAllowed, scopesForKey, type Lease, type Principal } from '@switchyard/governance/policy';
import type { RequestState } from '../http/request-state.js';
import type { Logger } from '../observability/logger.js';
import type { EndUserCache } from './end-user-cache.js';
import type { GovernanceRuntime } from './governance-runtime.js';
import type { GovernedCall } from './governed-call.js';
import { costOf, syntheticUsage, type PriceBook } from './price-book.js';
import { setRateLimitHeaders } from './rate-limit-headers.js';
import type { SoftBudgetAlerts } from './soft-budget-alerts.js';
import { spendLogOf, type SpendFacts } from './spend-log.js';
import { streamedOutputTokens } from './streamed-output.js';

/** What every request's gate shares: the runtime, prices and the end-user cache. */
export interface GateDeps {
  runtime: Pick<GovernanceRuntime, 'limiter' | 'spend'>;
  prices: PriceBook;
  /** Access group name -> the model groups it stands for (from `model_info.access_groups`). */
  accessGroups: ReadonlyMap<string, readonly string[]>;
  endUsers: EndUserCache;
  alerts?: SoftBudgetAlerts | undefined;
  logger: Logger;
}

const errorName = (error: unknown) => (error instanceof Error ? error.name : typeof error);

/**
 * One request's governance after its key was authenticated. `admit` (once the body is valid) checks the model
 * against the allow-lists and takes a limiter lease, reserving the estimated cost against every budget;
 * `decorate` adds the x-ratelimit-* and cost headers; `finish` (after the answer, streams included) queues the
 * spend log and settles the lease to the real cost, which also releases it after a failure.
 */
export class RequestGate {
  readonly principal: Principal;
  readonly #deps: GateDeps;
  #call: GovernedCall | undefined;
  #lease: Lease | undefined;
  #cost: number | undefined;

  constructor(deps: GateDeps, principal: Principal) {
    this.#deps = deps;
    this.principal = principal;
  }

  /** Throws a SwitchyardError (403 model_not_allowed, 429 rate_limit_exceeded or budget_exceeded) to refuse. */
  async admit(call: GovernedCall): Promise<void> {
    if (this.principal.kind === 'master') {
      this.#call = call;
      return;
    }
    const context = this.principal.context;
    checkModelAllowed(context, call.model, this.#deps.accessGroups);
    const endUser = call.user === undefined ? undefined : await this.#deps.endUsers.get(call.user);
    const scopes = scopesForKey(context, endUser);
    // Tokenising the prompt costs up to a few hundred µs: only a budget needs the estimate.
    const estimate = scopes.some((scope) => scope.maxBudget != null) ? this.#deps.prices.estimate(call.model, call.promptTokens(), call.maxOutputTokens) : 0;
    this.#lease = await this.#deps.runtime.limiter.acquire(scopes, { cost: estimate });
    this.#call = call;
  }

  /** Adds the governed x-ratelimit-* headers and, for a complete answer, its cost (LiteLLM's header too). */
  decorate(headers: OutgoingHttpHeaders, state: RequestState, withCost: boolean): OutgoingHttpHeaders {
    if (this.#lease !== undefined) setRateLimitHeaders(headers, this.#lease.state);
    if (this.principal.kind === 'key' && this.#deps.alerts?.exceeded(this.principal.context)) headers['x-switchyard-soft-budget-exceeded'] = 'true';
    if (withCost) {
      const cost = String(this.costOf(state));
      headers['x-switchyard-response-cost'] = cost;
      headers['x-litellm-response-cost'] = cost;
    }
    return headers;
  }

  /**
   * The request's cost: its usage at the serving deployment's price. A stream cut short before its usage arrived
   * is charged its prompt and the output it relayed (both counted here) at that price, a lower bound of what the
   * provider bills; the counted tokens become the request's usage, so its spend log shows them.
   */
  costOf(state: RequestState): number {
    if (this.#cost !== undefined) return this.#cost;
    let cost = 0;
    if (state.deploymentId !== '') {
      const price = this.#deps.prices.priceOf(state.deploymentId, state.upstreamModel);
      if (state.usage !== undefined) cost = costOf(state.usage, price);
      else if (state.timeToFirstTokenMs !== undefined && this.#call !== undefined) {
        // Cut short before its usage came: the prompt and the output it streamed, both counted here (an estimate).
        const streamed = state.streamedBatches === undefined ? 0 : streamedOutputTokens(state.streamedBatches, state.upstreamModel);
        state.usage = syntheticUsage(this.#call.promptTokens(), streamed);
        cost = costOf(state.usage, price);
      }
    }
    this.#cost = cost;
    return cost;
  }

  /** Queues the spend log and settles the lease; never throws. A request refused before admission logs nothing. */
  finish(facts: Omit<SpendFacts, 'principal' | 'cost' | 'endUserId' | 'tags'>, state: RequestState): void {
    const call = this.#call;
    if (call === undefined) return;
    let cost = 0;
    try {
      cost = this.costOf(state);
      this.#deps.runtime.spend.add(spendLogOf({ ...facts, principal: this.principal, cost, endUserId: call.user, tags: call.tags }, state));
      if (this.principal.kind === 'key' && cost > 0) this.#deps.alerts?.check(this.principal.context, cost);
    } catch (error) {
      this.#deps.logger.error({ err: { name: errorName(error) } }, 'spend log not queued');
    }
    const lease = this.#lease;
    if (lease === undefined) return;
    void lease
      .settle({ tokens: state.usage?.total_tokens ?? 0, cost })
      .catch((error: unknown) => this.#deps.logger.warn({ err: { name: errorName(error) } }, 'limiter settle failed'));
  }
}
