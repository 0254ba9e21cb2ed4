/** An exact decimal: `units / 10^scale`. Costs are sums of integer token counts times prices, so they stay exact. */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

export const zeroDecimal: Decimal = { units: 0n, scale: 0 };

const numberText = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/**
 * The decimal a price number stands for: the shortest decimal that reads back as the same double, which is how
 * JavaScript prints it and how LiteLLM's JSON writes it, so `1.25e-7` is exactly 0.000000125 and not the double
 * nearest to it (0.000000124999999999999993...).
 */
export function decimalFromNumber(value: number): Decimal {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const match = numberText.exec(String(value));
  if (!match) throw new RangeError(`cannot read ${value} as a decimal`);
  const [, sign = '', whole = '0', fraction = '', exponent = '0'] = match;
  const scale = fraction.length - Number(exponent);
  const digits = BigInt(`${sign}${whole}${fraction}`);
  return scale >= 0 ? { units: digits, scale } : { units: digits * 10n ** BigInt(-scale), scale: 0 };
}

export function multiplyDecimal(value: Decimal, count: number): Decimal {
  return { units: value.units * BigInt(count), scale: value.scale };
}

export function addDecimals(a: Decimal, b: Decimal): Decimal {
  if (a.scale === b.scale) return { units: a.units + b.units, scale: a.scale };
  const [low, high] = a.scale < b.scale ? [a, b] : [b, a];
  return { units: low.units * 10n ** BigInt(high.scale - low.scale) + high.units, scale: high.scale };
}

/** Plain decimal notation without trailing zeros, e.g. "0.000375" or "12". */
export function decimalToString(value: Decimal): string {
  const negative = value.units < 0n;
  const digits = (negative ? -value.units : value.units).toString();
  if (value.scale === 0) return `${negative ? '-' : ''}${digits}`;
  const padded = digits.padStart(value.scale + 1, '0');
  const whole = padded.slice(0, padded.length - value.scale);
  const fraction = padded.slice(padded.length - value.scale).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** The double nearest to the exact value (parsing a decimal string rounds correctly). */
export function decimalToNumber(value: Decimal): number {
  return Number(decimalToString(value));
}
