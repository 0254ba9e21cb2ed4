/** The scale of every money column (numeric(24, 10)): amounts are summed exactly as integers of 1e-10 USD. */
export const MONEY_SCALE = 10;

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Postgres numeric text (e.g. `0.0000012345`) to an exact count of 1e-10 units. */
export function toMoneyUnits(text: string): bigint {
  const match = DECIMAL.exec(text);
  if (match === null) throw new RangeError(`not a decimal: ${text}`);
  const [, sign = '', whole = '0', fraction = ''] = match;
  const units = BigInt(whole + fraction.slice(0, MONEY_SCALE).padEnd(MONEY_SCALE, '0'));
  return sign === '-' ? -units : units;
}

/** The inverse of toMoneyUnits: a decimal string Postgres reads back exactly. */
export function fromMoneyUnits(units: bigint): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(MONEY_SCALE + 1, '0');
  const whole = digits.slice(0, -MONEY_SCALE);
  const fraction = digits.slice(-MONEY_SCALE);
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}
