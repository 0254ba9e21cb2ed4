import type { Usage } from '@switchyard/core';
import type { PriceTableEntry } from '../price-table/price-table-entry.js';

const attoPerUsd = 10n ** 18n;

/** A price as an integer number of 1e-18 USD; throws when the price has more decimals than that. */
function atto(price: number): bigint {
  const scaled = Math.round(price * 1e18);
  if (scaled / 1e18 !== price) throw new Error(`price ${price} is not a whole number of 1e-18 USD`);
  return BigInt(scaled);
}

/** A decimal string such as "0.000123" as an integer number of 1e-18 USD. */
export function attoFromDecimal(text: string): bigint {
  const [whole = '0', fraction = ''] = text.split('.');
  if (fraction.length > 18) throw new Error(`${text} has more than 18 decimals`);
  return BigInt(whole) * attoPerUsd + BigInt(fraction.padEnd(18, '0'));
}

export interface ExpectedCost {
  inputCost: bigint;
  outputCost: bigint;
  cacheReadCost: bigint;
  cacheWriteCost: bigint;
  reasoningCost: bigint;
  total: bigint;
}

/**
 * An independent restatement of the rule for requests under every tier threshold, on the table entry's LiteLLM
 * fields and in integer 1e-18 USD: uncached prompt tokens at input_cost_per_token, cached at
 * cache_read_input_token_cost (else the input price), cache writes at cache_creation_input_token_cost (else the
 * input price), reasoning at output_cost_per_reasoning_token (else the output price), the rest of the completion
 * at output_cost_per_token. xAI reports reasoning apart from completion_tokens.
 */
export function expectedCost(usage: Usage, entry: PriceTableEntry): ExpectedCost {
  for (const [key, value] of Object.entries(entry)) {
    const threshold = /_above_(\d+)k_tokens$/.exec(key);
    if (threshold && typeof value === 'number' && usage.prompt_tokens >= Number(threshold[1]) * 1000) {
      throw new Error('expectedCost covers requests below every tier threshold only');
    }
  }
  const input = atto(entry.input_cost_per_token ?? Number.NaN);
  const output = atto(entry.output_cost_per_token ?? Number.NaN);
  const cached = BigInt(usage.prompt_tokens_details?.cached_tokens ?? 0);
  const written = BigInt(usage.prompt_tokens_details?.cache_creation_tokens ?? 0);
  const reasoning = BigInt(usage.completion_tokens_details?.reasoning_tokens ?? 0);
  const apart = entry.litellm_provider === 'xai';
  const expected = {
    inputCost: (BigInt(usage.prompt_tokens) - cached - written) * input,
    cacheReadCost: cached * (entry.cache_read_input_token_cost === undefined ? input : atto(entry.cache_read_input_token_cost)),
    cacheWriteCost:
      written * (entry.cache_creation_input_token_cost === undefined ? input : atto(entry.cache_creation_input_token_cost)),
    reasoningCost:
      reasoning * (entry.output_cost_per_reasoning_token === undefined ? output : atto(entry.output_cost_per_reasoning_token)),
    outputCost: (BigInt(usage.completion_tokens) - (apart ? 0n : reasoning)) * output,
  };
  const total = Object.values(expected).reduce((sum, value) => sum + value, 0n);
  return { ...expected, total };
}
