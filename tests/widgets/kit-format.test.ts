// The kit's number formatting (src/widgets/kit/format.ts): English output exactly as the figures
// printed it with toFixed / toPrecision / toLocaleString, rounding the value the engine computed
// (not its shortest spelling), and other locales' decimal marks and grouping through the same calls.
import { describe, expect, it } from 'vitest';
import { count, eNotation, factor, fixed, magnitude, percent, readable, scientific, scientificParts, shortNumber, significant } from '../../src/widgets/kit/format.ts';

/** Finite values of every size and sign, from a fixed seed, with decimal ties among them. */
function sampleValues(): number[] {
  let state = 12345;
  const next = () => (state = (state * 16807) % 2147483647) / 2147483647;
  const values = [0, 1, -1, 0.5, 0.15, 0.865, 1.005, 2.675, -34.345, 99.995, 1e-7, -1.5e-7, 0.30000001192092896, 12345.678];
  for (let i = 0; i < 2000; i++) {
    const v = (next() * 2 - 1) * 10 ** (Math.floor(next() * 14) - 8);
    values.push(v, Math.round(v * 1000) / 1000 + 0.0005);
  }
  return values;
}

describe('kit number formatting in English', () => {
  const values = sampleValues();

  it('rounds as toFixed does, ties included, with a true minus and no −0', () => {
    for (const v of values) {
      for (const digits of [0, 1, 2, 3]) {
        const old = v.toFixed(digits);
        const expected = Number(old) === 0 ? (0).toFixed(digits) : old.replace('-', '−');
        expect(fixed(v, digits), `${v} to ${digits}`).toBe(expected);
      }
    }
    expect(fixed(0.865, 2)).toBe('0.86');
    expect(fixed(-0.0001, 2)).toBe('0.00');
    expect(fixed(-0.0001, 2, { signedZero: true, minus: '-' })).toBe('-0.00');
    expect(fixed(-0.7, 2, { minus: '-' })).toBe('-0.70');
    expect(fixed(12345.678, 1)).toBe('12345.7');
    expect(fixed(Number.NaN, 2)).toBe('–');
    expect(fixed(Number.POSITIVE_INFINITY, 2)).toBe('–');
  });

  it('writes significant digits as toPrecision does', () => {
    for (const v of values) {
      if (Math.abs(v) < 1e-6 || Math.abs(v) >= 1e5) continue;
      expect(significant(v, 4, { minus: '-' }), String(v)).toBe(String(Number(v.toPrecision(4))));
      if (Math.abs(v) >= 0.01 && Math.abs(v) < 100) expect(significant(v, 3, { minus: '-', trailingZeros: true }), String(v)).toBe(v.toPrecision(3));
    }
    expect(significant(0.1, 2, { trailingZeros: true })).toBe('0.10');
  });

  it('writes powers of ten with superscripts, and the notation a program prints', () => {
    for (const v of values) {
      if (v === 0) continue;
      const [m, e] = v.toExponential(2).split('e');
      expect(scientific(v, 2), String(v)).toBe(`${m.replace('-', '−')}×10${String(Number(e)).replace(/[-0-9]/g, (c) => '⁻⁰¹²³⁴⁵⁶⁷⁸⁹'['-0123456789'.indexOf(c)])}`);
      expect(eNotation(v, 1), String(v)).toBe(v.toExponential(1));
    }
    expect(scientific(0.00247, 2)).toBe('2.47×10⁻³');
    expect(scientific(1.5e-7, 2, { trailingZeros: false })).toBe('1.5×10⁻⁷');
    expect(scientific(1e-6, 0, { bareOne: true })).toBe('10⁻⁶');
    expect(scientific(2e-6, 0, { bareOne: true })).toBe('2×10⁻⁶');
    expect(scientificParts(-1.5e-7, 2, { minus: '-', trailingZeros: false })).toEqual({ mantissa: '-1.5', exponent: -7 });
    expect(eNotation(1e6, 0)).toBe('1e+6');
  });

  it('groups counts and writes shares as percentages', () => {
    expect(count(60000)).toBe('60,000');
    expect(count(1234567)).toBe((1234567).toLocaleString('en'));
    expect(percent(0.973, 1)).toBe('97.3%');
    expect(percent(0.5, 0)).toBe('50%');
    expect(percent(Number.NaN, 1)).toBe('–');
  });

  it('has the figures’ composite styles', () => {
    expect(factor(-1)).toBe('(−1.0)');
    expect(factor(2)).toBe('2.0');
    expect(readable(0)).toBe('0');
    expect(readable(0.00247)).toBe('2.47×10⁻³');
    expect(readable(-0.5)).toBe('−0.500');
    expect(shortNumber(-0.30000001192092896)).toBe('−0.3');
    expect(shortNumber(1.5e-7)).toBe('1.5×10⁻⁷');
    expect(shortNumber(123456)).toBe('1.23×10⁵');
    expect(magnitude(0.1)).toBe('0.10');
    expect(magnitude(0.00123)).toBe('1.2×10⁻³');
    expect(magnitude(250)).toBe('250');
  });
});

describe('kit number formatting in other locales', () => {
  it("follows the locale's decimal mark and grouping", () => {
    expect(fixed(-1234.5, 1, { locale: 'de' })).toBe('−1234,5');
    expect(count(60000, { locale: 'de' })).toBe('60.000');
    expect(count(60000, { locale: 'fr' })).toMatch(/^60\s000$/);
    expect(percent(0.973, 1, { locale: 'de' })).toMatch(/^97,3\s%$/);
    expect(scientific(0.00247, 2, { locale: 'de' })).toBe('2,47×10⁻³');
  });
});
