import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromMoneyUnits, toMoneyUnits } from './decimal.js';

describe('money units', () => {
  it('reads numeric text exactly', () => {
    expect(toMoneyUnits('0.0000012345')).toBe(12_345n);
    expect(toMoneyUnits('12.5')).toBe(125_000_000_000n);
    expect(toMoneyUnits('7')).toBe(70_000_000_000n);
    expect(toMoneyUnits('-0.1')).toBe(-1_000_000_000n);
  });

  it('writes numeric text Postgres reads back', () => {
    expect(fromMoneyUnits(12_345n)).toBe('0.0000012345');
    expect(fromMoneyUnits(0n)).toBe('0.0000000000');
    expect(fromMoneyUnits(-1_000_000_000n)).toBe('-0.1000000000');
  });

  it('sums 0.1 ten times to exactly 1', () => {
    let total = 0n;
    for (let n = 0; n < 10; n += 1) total += toMoneyUnits('0.1');
    expect(fromMoneyUnits(total)).toBe('1.0000000000');
  });

  it('round-trips any amount of numeric(24, 10)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 24n) + 1n, max: 10n ** 24n - 1n }), (units) => {
        expect(toMoneyUnits(fromMoneyUnits(units))).toBe(units);
      }),
    );
  });

  it('rejects text that is not a plain decimal', () => {
    for (const text of ['', '1e-7', 'NaN', '1.2.3', ' 1']) expect(() => toMoneyUnits(text)).toThrow(RangeError);
  });
});
