import type { Usage } from '@switchyard/core';
import type { ModelPrice, PriceTier } from '../price-table/model-price.js';
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
import { safeIntegerTotal } from './safe-integer-total.js';
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

/** The billed tokens and the rates that apply to them, once every billed count has a rate. */
interface PricedRates {
  readonly priced: true;
  readonly model: string;
  readonly tokens: BilledTokens;
  readonly tier: PriceTier | undefined;
  readonly rates: Partial<AppliedRates>;
}

function pricedRates(usage: Usage, price: ModelPrice | undefined): PricedRates | NoPrice {
  if (!price) return noPrice('unknown-model', 'no price for this model in the table or the config');
  const tokens = billedTokens(usage, reasoningReportedApart(price));
  if (typeof tokens === 'string') return noPrice('invalid-usage', tokens);
  const tier = selectTier(price, usage.prompt_tokens);
  const rates = selectRates(price, tier);
  for (const [, tokenKey, rateKey] of components) {
    const count = tokens[tokenKey];
    if (rates[rateKey] === undefined && count > 0) {
      return noPrice('missing-rate', `${price.key} has no ${rateKey} rate for ${count} ${tokenKey} tokens`);
    }
  }
  return { priced: true, model: price.key, tokens, tier, rates };
}

/** Each component's exact amount, in `components` order, and their exact sum. */
function exactAmounts({ tokens, rates }: PricedRates): { amounts: Decimal[]; total: Decimal } {
  const amounts: Decimal[] = [];
  let total = zeroDecimal;
  for (const [, tokenKey, rateKey] of components) {
    const rate = rates[rateKey];
    const amount = rate === undefined ? zeroDecimal : multiplyDecimal(rateDecimal(rate), tokens[tokenKey]);
    total = addDecimals(total, amount);
    amounts.push(amount);
  }
  return { amounts, total };
}

/**
 * The cost in USD of one response's usage at a model's price, computed exactly (see `PricedCost`). Never throws
 * on bad input: an unknown model, a rate the price lacks for tokens that were used, or inconsistent usage give
 * `{ priced: false, reason, message }`.
 */
export function computeCost(usage: Usage, price: ModelPrice | undefined): CostResult {
  const priced = pricedRates(usage, price);
  if (!priced.priced) return priced;
  const { amounts: parts, total } = exactAmounts(priced);
  const amounts = {} as Record<CostComponent | 'total', number>;
  const exact = {} as Record<CostComponent | 'total', string>;
  components.forEach(([component], index) => {
    exact[component] = decimalToString(parts[index]!);
    amounts[component] = Number(exact[component]);
  });
  exact.total = decimalToString(total);
  amounts.total = Number(exact.total);
  const { model, tokens, rates, tier } = priced;
  return {
    priced: true,
    model,
    currency: 'USD',
    ...amounts,
    exact,
    tokens,
    rates,
    ...(tier ? { tierAboveTokens: tier.aboveTokens } : {}),
  };
}

const tokenRatePairs = components.map(([, tokenKey, rateKey]) => [tokenKey, rateKey] as const);

/**
 * `computeCost(usage, price).total` when it is priced, else undefined, without the per-component amounts and
 * decimal strings: the figure a gateway needs on every request (budget estimates, spend logs, cost headers).
 * Computed in safe integers where the amounts fit (they do for real prices and counts), else in bigints.
 */
export function computeCostTotal(usage: Usage, price: ModelPrice | undefined): number | undefined {
  const priced = pricedRates(usage, price);
  if (!priced.priced) return undefined;
  return safeIntegerTotal(priced.tokens, priced.rates, tokenRatePairs, rateDecimal) ?? decimalToNumber(exactAmounts(priced).total);
}
