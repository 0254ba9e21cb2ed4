import { loadPriceTable } from './load-price-table.js';
import { createPriceCatalog, type PriceCatalog, type PriceLookupOptions } from './price-catalog.js';
import type { ModelPrice } from './model-price.js';

let catalog: PriceCatalog | undefined;

/** The catalog over the shipped table, built on first use. */
export function defaultPriceCatalog(): PriceCatalog {
  catalog ??= createPriceCatalog(loadPriceTable());
  return catalog;
}

/**
 * The shipped table's price for a model id as LiteLLM writes it: `gpt-4o`, `azure/gpt-4o`,
 * `anthropic.claude-3-haiku-20240307-v1:0` (Bedrock), `gemini/gemini-2.5-pro`, `vertex_ai/...`; a dated id falls
 * back to its undated name when only that is priced. Undefined when the table has no price for it.
 */
export function getModelPrice(model: string, options?: PriceLookupOptions): ModelPrice | undefined {
  return defaultPriceCatalog().getModelPrice(model, options);
}
