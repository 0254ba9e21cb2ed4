/** The per-token rate fields of a LiteLLM price entry, as the generated table and custom prices name them. */
export const rateFields = [
  'input_cost_per_token',
  'output_cost_per_token',
  'cache_read_input_token_cost',
  'cache_creation_input_token_cost',
  'output_cost_per_reasoning_token',
] as const;

export type RateField = (typeof rateFields)[number];

/** A capability flag such as `supports_vision`; the generator decides which flags the table keeps. */
export type SupportFlag = `supports_${string}`;

/** One tier of LiteLLM's `tiered_pricing` list: the rates for prompts of more than `range[0]` tokens. */
export type TieredPricingEntry = { range: [number, number] } & Partial<Record<RateField, number>>;

/**
 * One model of the generated table: a subset of a LiteLLM entry under LiteLLM's own field names, so custom
 * prices written the LiteLLM way merge onto it field by field. Tier prices are keys such as
 * `input_cost_per_token_above_200k_tokens`.
 */
export type PriceTableEntry = {
  litellm_provider: string;
  mode?: string;
  max_input_tokens?: number;
  max_output_tokens?: number;
  tiered_pricing?: TieredPricingEntry[];
} & Partial<Record<RateField, number>> &
  Partial<Record<SupportFlag, boolean>> & { [tierField: `${string}_above_${string}_tokens`]: number | undefined };

export interface PriceTable {
  attribution: string;
  source: { file: string; sha256: string; entries: number };
  generator: string;
  models: Record<string, PriceTableEntry>;
}
