import type { Usage } from '@switchyard/core';
import type { ModelPrice } from '../price-table/model-price.js';
import { billedTokens } from './billed-tokens.js';
import type { AppliedRates, BilledTokens, CostComponent, CostResult, NoPrice } from './cost-result.js';
import {
  addDecimals,
  decimalFromNumber,
  decimalToNumber,
  decimalToString,
  multiplyDecimal,
  zeroDecimal,
  type Decimal,
} from './decimal.js';
import { selectRates, selectTier } from './select-rates.js';

const components: ReadonlyArray<[CostComponent, keyof BilledTokens, keyof AppliedRates]> = [
  ['inputCost', 'input', 'input'],
  ['outputCost', 'output', 'output'],
  ['cacheReadCost', 'cacheRead', 'cacheRead'],
  ['cacheWriteCost', 'cacheWrite', 'cacheWrite'],
  ['reasoningCost', 'reasoning', 'reasoning'],
];

// A table has a few hundred distinct rates; reading each as a decimal once keeps computeCost to bigint products.
const rateDecimals = new Map<number, Decimal>();

function rateDecimal(rate: number): Decimal {
  let decimal = rateDecimals.get(rate);
  if (!decimal) {
    decimal = decimalFromNumber(rate);
    if (rateDecimals.size < 4096) rateDecimals.set(rate, decimal);
  }
  return decimal;
}

function noPrice(reason: NoPrice['reason'], message: string): NoPrice {
  return { priced: false, reason, message };
}

/** xAI's completion_tokens leave reasoning tokens out (LiteLLM's xai cost calculator adds them back). */
function reasoningReportedApart(price: ModelPrice): boolean {
  return price.provider === 'xai';
}

/**
 * The cost in USD of one response's usage at a model's price, computed exactly (see `PricedCost`). Never throws
 * on bad input: an unknown model, a rate the price lacks for tokens that were used, or inconsistent usage give
 * `{ priced: false, reason, message }`.
 */
export function computeCost(usage: Usage, price: ModelPrice | undefined): CostResult {
  if (!price) return noPrice('unknown-model', 'no price for this model in the table or the config');
  const tokens = billedTokens(usage, reasoningReportedApart(price));
  if (typeof tokens === 'string') return noPrice('invalid-usage', tokens);
  const tier = selectTier(price, usage.prompt_tokens);
  const rates = selectRates(price, tier);
  const amounts = {} as Record<CostComponent | 'total', number>;
  const exact = {} as Record<CostComponent | 'total', string>;
  let total = zeroDecimal;
  for (const [component, tokenKey, rateKey] of components) {
    const count = tokens[tokenKey];
    const rate = rates[rateKey];
    if (rate === undefined && count > 0) {
      return noPrice('missing-rate', `${price.key} has no ${rateKey} rate for ${count} ${tokenKey} tokens`);
    }
    const amount = rate === undefined ? zeroDecimal : multiplyDecimal(rateDecimal(rate), count);
    total = addDecimals(total, amount);
    amounts[component] = decimalToNumber(amount);
    exact[component] = decimalToString(amount);
  }
  amounts.total = decimalToNumber(total);
  exact.total = decimalToString(total);
  return {
    priced: true,
    model: price.key,
    currency: 'USD',
    ...amounts,
    exact,
    tokens,
    rates,
    ...(tier ? { tierAboveTokens: tier.aboveTokens } : {}),
  };
}
