import type { SupportFlag } from './price-table-entry.js';

/** USD per token. An absent rate is unknown, which is not the same as free (0). */
export interface TokenRates {
  readonly input?: number;
  readonly output?: number;
  readonly cacheRead?: number;
  readonly cacheCreation?: number;
  readonly reasoning?: number;
}

/** Rates that replace the base rates for the whole request once the prompt has more than `aboveTokens` tokens. */
export interface PriceTier {
  readonly aboveTokens: number;
  readonly rates: TokenRates;
}

export interface ModelPrice {
  /** The table key the price came from, or the deployment's model for a price given wholly in config. */
  readonly key: string;
  /** LiteLLM's provider id of the entry (`openai`, `bedrock`, `vertex_ai-language-models`, ...). */
  readonly provider: string;
  readonly mode?: string;
  readonly maxInputTokens?: number;
  readonly maxOutputTokens?: number;
  readonly rates: TokenRates;
  /** Ascending by `aboveTokens`. */
  readonly tiers: readonly PriceTier[];
  readonly supports: Readonly<Partial<Record<SupportFlag, boolean>>>;
  /** `custom` when config prices replaced or completed the table's. */
  readonly source: 'table' | 'custom';
}
