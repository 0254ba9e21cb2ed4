import { rateFields } from '../price-table/price-table-entry.js';

const limitFields = ['max_input_tokens', 'max_output_tokens'] as const;
const tierField = /^(input_cost_per_token|output_cost_per_token|cache_read_input_token_cost|cache_creation_input_token_cost)_above_\d+k?_tokens$/;

/** Thrown for a custom price that is not a non-negative number: a config error, reported when config loads. */
export class InvalidCustomPriceError extends TypeError {
  override readonly name = 'InvalidCustomPriceError';
}

/**
 * Whether `field` is a price the cost package applies from config (`*_cost_per_token`, cache read/creation, reasoning
 * and their `_above_<N>k_tokens` tiers). Per-second, per-image and other media prices are not among them.
 */
export function isCustomPriceField(field: string): boolean {
  return (rateFields as readonly string[]).includes(field) || tierField.test(field);
}

function readNumber(value: unknown, where: string): number {
  // YAML may carry a price as a string ("3e-7"), which LiteLLM accepts too.
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number) || number < 0) {
    throw new InvalidCustomPriceError(`${where} must be a non-negative number, got ${JSON.stringify(value)}`);
  }
  return number;
}

/**
 * The price fields a LiteLLM config block sets (`model_info` or `litellm_params`): the per-token rates, tier
 * rates such as `input_cost_per_token_above_200k_tokens`, and the context limits. Other keys are ignored;
 * null or absent values set nothing.
 */
export function readCustomPrices(block: Record<string, unknown> | null | undefined, where: string): Record<string, number> {
  const prices: Record<string, number> = {};
  if (!block) return prices;
  for (const [field, value] of Object.entries(block)) {
    const known = isCustomPriceField(field);
    const limit = (limitFields as readonly string[]).includes(field);
    if ((!known && !limit) || value === null || value === undefined) continue;
    prices[field] = readNumber(value, `${where}.${field}`);
  }
  return prices;
}
