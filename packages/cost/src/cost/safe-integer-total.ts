import type { AppliedRates, BilledTokens } from './cost-result.js';
import type { Decimal } from './decimal.js';

/** Powers of ten a double holds exactly (10^22 is the largest). */
const exactPowersOfTen = Array.from({ length: 23 }, (_, power) => 10 ** power);

/**
 * The total cost as the double nearest to its exact value, computed in safe integers: each amount is a rate's
 * decimal digits times a token count, brought to a common scale. Dividing that exact integer by an exact power of
 * ten rounds once, correctly, so the result equals `Number` of the exact decimal string. Undefined when a step
 * leaves the safe-integer range or the scale passes 22; the caller then computes it in bigints.
 */
export function safeIntegerTotal(
  tokens: BilledTokens,
  rates: Partial<AppliedRates>,
  pairs: ReadonlyArray<readonly [keyof BilledTokens, keyof AppliedRates]>,
  decimalOf: (rate: number) => Decimal,
): number | undefined {
  let total = 0;
  let scale = 0;
  for (const [tokenKey, rateKey] of pairs) {
    const rate = rates[rateKey];
    const count = tokens[tokenKey];
    if (rate === undefined || count === 0) continue;
    const decimal = decimalOf(rate);
    if (decimal.scale > 22) return undefined;
    let amount = Number(decimal.units) * count;
    if (decimal.scale > scale) {
      total *= exactPowersOfTen[decimal.scale - scale]!;
      scale = decimal.scale;
    } else amount *= exactPowersOfTen[scale - decimal.scale]!;
    total += amount;
    if (!Number.isSafeInteger(total) || !Number.isSafeInteger(amount)) return undefined;
  }
  return total / exactPowersOfTen[scale]!;
}
