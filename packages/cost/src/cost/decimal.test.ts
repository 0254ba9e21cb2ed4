import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDecimals, decimalFromNumber, decimalToNumber, decimalToString, multiplyDecimal } from './decimal.js';

describe('decimal', () => {
  it('reads a price as the decimal it is written as', () => {
    expect(decimalToString(decimalFromNumber(1.25e-7))).toBe('0.000000125');
    expect(decimalToString(decimalFromNumber(0.0000125))).toBe('0.0000125');
    expect(decimalToString(decimalFromNumber(3.0001999999999996e-7))).toBe('0.00000030001999999999996');
    expect(decimalToString(decimalFromNumber(12))).toBe('12');
    expect(decimalToString(decimalFromNumber(1e21))).toBe('1000000000000000000000');
    expect(decimalToString(decimalFromNumber(0))).toBe('0');
  });

  it('multiplies and adds without the rounding floating point does', () => {
    // 3 tokens at 1e-7 plus 1 at 2.5e-8: floating point gives 3.2499999999999996e-7
    const sum = addDecimals(multiplyDecimal(decimalFromNumber(1e-7), 3), multiplyDecimal(decimalFromNumber(2.5e-8), 1));
    expect(decimalToString(sum)).toBe('0.000000325');
    expect(1e-7 * 3 + 2.5e-8).not.toBe(3.25e-7);
    expect(decimalToNumber(sum)).toBe(3.25e-7);
  });

  it('adds values of different scales', () => {
    expect(decimalToString(addDecimals(decimalFromNumber(1.5), decimalFromNumber(0.0025)))).toBe('1.5025');
    expect(decimalToString(addDecimals(decimalFromNumber(0.0025), decimalFromNumber(1e21)))).toBe(
      '1000000000000000000000.0025',
    );
  });

  it('rejects values that are not finite', () => {
    expect(() => decimalFromNumber(Number.NaN)).toThrow(RangeError);
    expect(() => decimalFromNumber(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('round-trips every double through its decimal string', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        expect(decimalToNumber(decimalFromNumber(value))).toBe(value === 0 ? 0 : value);
      }),
    );
  });

  it('computes tokens times price as the integer arithmetic on scaled units does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 99_999 }), (tokens, micro) => {
        // micro / 10^11 USD per token, i.e. prices from 0 to ~1e-6 with five significant digits
        const price = micro / 1e11;
        const exact = multiplyDecimal(decimalFromNumber(price), tokens);
        const scaled = BigInt(tokens) * BigInt(micro);
        expect(exact.units * 10n ** BigInt(30 - exact.scale)).toBe(scaled * 10n ** 19n);
      }),
    );
  });
});
