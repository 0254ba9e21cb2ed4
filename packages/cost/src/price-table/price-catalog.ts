import type { ModelPrice } from './model-price.js';
import type { PriceTable, PriceTableEntry } from './price-table-entry.js';
import { providerPrefixes, providerServes, undatedModel } from './provider-ids.js';
import { toModelPrice } from './to-model-price.js';

export interface PriceLookupOptions {
  /** LiteLLM's provider id (`openai`, `azure`, `anthropic`, `bedrock`, `gemini`, `vertex_ai`, ...). */
  provider?: string | undefined;
}

export interface TableMatch {
  readonly key: string;
  readonly entry: PriceTableEntry;
}

export interface PriceCatalog {
  /** The price of a model, or undefined when the table has none for it (never a made-up 0). */
  getModelPrice(model: string, options?: PriceLookupOptions): ModelPrice | undefined;
  /** The raw table entry a model resolves to; custom prices merge onto it. */
  findEntry(model: string, options?: PriceLookupOptions): TableMatch | undefined;
  /** The typed price of an entry `findEntry` returned, converted once and cached. */
  priceOf(match: TableMatch): ModelPrice;
}

/**
 * Indexes a table once: every key exactly and lower-cased. A lookup then tries at most six keys, each a Map get,
 * so it is O(1) in the table size.
 */
export function createPriceCatalog(table: PriceTable): PriceCatalog {
  const keys = new Map<string, string>();
  for (const key of Object.keys(table.models)) keys.set(key, key);
  for (const key of Object.keys(table.models)) if (!keys.has(key.toLowerCase())) keys.set(key.toLowerCase(), key);
  const prefixes = providerPrefixes(Object.values(table.models).map((entry) => entry.litellm_provider));
  const prices = new Map<string, ModelPrice>();

  const find = (candidate: string): TableMatch | undefined => {
    const key = keys.get(candidate) ?? keys.get(candidate.toLowerCase());
    const entry = key === undefined ? undefined : table.models[key];
    return key === undefined || entry === undefined ? undefined : { key, entry };
  };

  const findEntry = (model: string, options: PriceLookupOptions = {}): TableMatch | undefined => {
    let name = model.trim();
    let provider = options.provider;
    if (provider !== undefined) {
      if (name.startsWith(`${provider}/`)) name = name.slice(provider.length + 1);
    } else {
      const slash = name.indexOf('/');
      const prefix = name.slice(0, slash);
      if (slash > 0 && prefixes.has(prefix)) [provider, name] = [prefix, name.slice(slash + 1)];
    }
    if (provider === 'bedrock') name = name.replace(/^(converse|invoke)\//, '');
    for (const candidate of [name, undatedModel(name)]) {
      if (candidate === undefined) continue;
      if (provider === undefined) {
        const match = find(candidate);
        if (match) return match;
        continue;
      }
      const scoped = find(`${provider}/${candidate}`);
      if (scoped) return scoped;
      const bare = find(candidate);
      if (bare && providerServes(provider, bare.entry.litellm_provider)) return bare;
    }
    return undefined;
  };

  const priceOf = (match: TableMatch): ModelPrice => {
    let price = prices.get(match.key);
    if (!price) {
      price = toModelPrice(match.key, match.entry);
      prices.set(match.key, price);
    }
    return price;
  };

  return {
    findEntry,
    priceOf,
    getModelPrice(model, options) {
      const match = findEntry(model, options);
      return match ? priceOf(match) : undefined;
    },
  };
}
