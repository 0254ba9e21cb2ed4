import { defaultPriceCatalog } from '../price-table/default-catalog.js';
import type { ModelPrice } from '../price-table/model-price.js';
import type { PriceCatalog } from '../price-table/price-catalog.js';
import type { PriceTableEntry } from '../price-table/price-table-entry.js';
import { toModelPrice } from '../price-table/to-model-price.js';
import { readCustomPrices } from './read-custom-prices.js';

/** The parts of a LiteLLM `model_list` entry that decide its price. */
export interface DeploymentPricing {
  litellm_params?: ({ model?: string; custom_llm_provider?: string } & Record<string, unknown>) | undefined;
  model_info?: ({ base_model?: string } & Record<string, unknown>) | null | undefined;
}

function providerOf(model: string, explicit: string | undefined): string | undefined {
  if (explicit) return explicit;
  const slash = model.indexOf('/');
  return slash > 0 ? model.slice(0, slash) : undefined;
}

/**
 * A deployment's price: the table's price for `model_info.base_model` (LiteLLM's rule for Azure deployment names)
 * or else `litellm_params.model`, with the price fields of `model_info` and then `litellm_params` merged over it
 * field by field (`litellm_params` wins). A tier price the config does not override stays the table's. Undefined
 * when neither the table nor the config prices the deployment. Throws `InvalidCustomPriceError` on a bad value.
 */
export function resolveDeploymentPrice(
  deployment: DeploymentPricing,
  catalog: PriceCatalog = defaultPriceCatalog(),
): ModelPrice | undefined {
  const params = deployment.litellm_params ?? {};
  const info = deployment.model_info ?? {};
  const model = info.base_model ?? params.model;
  const custom = {
    ...readCustomPrices(info, 'model_info'),
    ...readCustomPrices(params, 'litellm_params'),
  };
  const provider = model === undefined ? params.custom_llm_provider : providerOf(model, params.custom_llm_provider);
  const match = model === undefined ? undefined : catalog.findEntry(model, { provider });
  const customised = Object.keys(custom).length > 0;
  if (!match && !customised) return undefined;
  if (match && !customised) return catalog.priceOf(match);
  const base: PriceTableEntry = match?.entry ?? { litellm_provider: provider ?? 'custom' };
  return toModelPrice(match?.key ?? model ?? 'custom', { ...base, ...custom }, 'custom');
}
