import type { Usage } from '@switchyard/core';
import { computeCostTotal, resolveDeploymentPrice, type ModelPrice } from '@switchyard/cost';
import type { Deployment } from '@switchyard/router';

/** The completion tokens an estimate assumes when a request sets no output limit. */
export const DEFAULT_ESTIMATED_OUTPUT_TOKENS = 4096;

function safePrice(pricing: Parameters<typeof resolveDeploymentPrice>[0]): ModelPrice | undefined {
  try {
    return resolveDeploymentPrice(pricing);
  } catch {
    // A bad custom price fails the router's own start-up check already; here it only means "unpriced".
    return undefined;
  }
}

/** The USD cost of a usage at a price; 0 when the model has no price (the spend log then says 0, never a guess). */
export function costOf(usage: Usage, price: ModelPrice | undefined): number {
  return computeCostTotal(usage, price) ?? 0;
}

export function syntheticUsage(promptTokens: number, completionTokens: number): Usage {
  return { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
}

/**
 * Prices of the router's deployments from @switchyard/cost: the table plus each deployment's config overrides
 * (`model_info`, `litellm_params`). A wildcard deployment (`openai/*`) is priced by the model that answered.
 */
export class PriceBook {
  readonly #byId = new Map<string, Deployment>();
  readonly #byGroup = new Map<string, Deployment[]>();
  readonly #prices = new Map<string, ModelPrice | undefined>();

  constructor(deployments: readonly Deployment[]) {
    for (const deployment of deployments) {
      this.#byId.set(deployment.id, deployment);
      const group = this.#byGroup.get(deployment.modelGroup);
      if (group) group.push(deployment);
      else this.#byGroup.set(deployment.modelGroup, [deployment]);
    }
  }

  /** The price of a deployment for the upstream model it was called with. */
  priceOf(deploymentId: string, upstreamModel: string): ModelPrice | undefined {
    const cacheKey = `${deploymentId}\u0000${upstreamModel}`;
    if (this.#prices.has(cacheKey)) return this.#prices.get(cacheKey);
    const deployment = this.#byId.get(deploymentId);
    let price: ModelPrice | undefined;
    if (deployment !== undefined) {
      const model = deployment.model.includes('*') ? `${deployment.providerId}/${upstreamModel}` : deployment.model;
      const params = { ...(deployment.params as Record<string, unknown>), model };
      price = safePrice({ litellm_params: params, model_info: deployment.info });
    }
    if (this.#prices.size < 10_000) this.#prices.set(cacheKey, price);
    return price;
  }

  /**
   * The prices a request for `model` may be served at, before routing: every deployment of its group, or (a
   * wildcard or alias) the table's price of the name itself. Fallbacks to other groups are not foreseen.
   */
  candidatePrices(model: string): Array<ModelPrice | undefined> {
    const group = this.#byGroup.get(model);
    if (group !== undefined) return group.map((deployment) => this.priceOf(deployment.id, deployment.upstreamModel));
    const cacheKey = `\u0000${model}`;
    if (!this.#prices.has(cacheKey) && this.#prices.size < 10_000) this.#prices.set(cacheKey, safePrice({ litellm_params: { model } }));
    return [this.#prices.get(cacheKey)];
  }

  /** The most a call may cost among the candidate deployments, for `promptTokens` in and `outputTokens` out. */
  estimate(model: string, promptTokens: number, outputTokens: number | undefined): number {
    let most = 0;
    for (const price of this.candidatePrices(model)) {
      const completion = outputTokens ?? Math.min(price?.maxOutputTokens ?? DEFAULT_ESTIMATED_OUTPUT_TOKENS, DEFAULT_ESTIMATED_OUTPUT_TOKENS);
      most = Math.max(most, costOf(syntheticUsage(promptTokens, completion), price));
    }
    return most;
  }
}
