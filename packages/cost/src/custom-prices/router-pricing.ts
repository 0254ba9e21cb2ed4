import { defaultPriceCatalog } from '../price-table/default-catalog.js';
import type { PriceCatalog } from '../price-table/price-catalog.js';
import { resolveDeploymentPrice } from './deployment-price.js';

/** The parts of `@switchyard/router`'s Deployment this reads: its litellm_params and model_info. */
export interface RouterDeploymentLike {
  readonly params: Readonly<Record<string, unknown>>;
  readonly info: Readonly<Record<string, unknown>>;
}

export interface RouterDeploymentPrice {
  inputCostPerToken: number | undefined;
  outputCostPerToken: number | undefined;
  maxInputTokens: number | undefined;
}

/**
 * A `pricing` function for `createRouter`: the table's price for each deployment with its config overrides, so
 * cost-based routing ranks deployments that set no price in config. Undefined for an unpriced deployment.
 */
export function createRouterPricing(
  catalog: PriceCatalog = defaultPriceCatalog(),
): (deployment: RouterDeploymentLike) => RouterDeploymentPrice | undefined {
  return (deployment) => {
    const price = resolveDeploymentPrice({ litellm_params: deployment.params, model_info: deployment.info }, catalog);
    if (!price) return undefined;
    return {
      inputCostPerToken: price.rates.input,
      outputCostPerToken: price.rates.output,
      maxInputTokens: price.maxInputTokens,
    };
  };
}
