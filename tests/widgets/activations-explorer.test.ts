// ActivationExplorer's logic in Node: the engine's slopes against the textbook derivatives, the
// saturated tails, and memory returning to its baseline.
import { beforeAll, describe, expect, it } from 'vitest';
import { initEngine, liveTensorCount } from '../../src/engine/index.ts';
import {
  activationNames,
  evenlySpaced,
  paddedRange,
  saturatedTails,
  tangentLine,
  valuesAndSlopes,
  type ActivationName,
} from '../../src/widgets/ActivationExplorer/curves.ts';

beforeAll(async () => {
  await initEngine({ prefer: 'cpu' });
});

// Reference values in float64, written independently of the engine.
const sig = (x: number) => 1 / (1 + Math.exp(-x));
function erf(x: number): number {
  // Abramowitz & Stegun 7.1.26 is only good to 1.5e-7; a series is exact enough here.
  let sum = 0;
  let term = x;
  for (let n = 0; n < 80; n++) {
    sum += term / (2 * n + 1);
    term *= (-x * x) / (n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}
const Phi = (x: number) => 0.5 * (1 + erf(x / Math.SQRT2));
const phi = (x: number) => Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
const reference: Record<ActivationName, [(x: number) => number, (x: number) => number]> = {
  sigmoid: [sig, (x) => sig(x) * (1 - sig(x))],
  tanh: [Math.tanh, (x) => 1 - Math.tanh(x) ** 2],
  relu: [(x) => Math.max(0, x), (x) => (x > 0 ? 1 : 0)],
  leakyRelu: [(x) => (x > 0 ? x : 0.01 * x), (x) => (x > 0 ? 1 : 0.01)],
  elu: [(x) => (x > 0 ? x : Math.expm1(x)), (x) => (x > 0 ? 1 : Math.exp(x))],
  gelu: [(x) => x * Phi(x), (x) => Phi(x) + x * phi(x)],
  softplus: [(x) => Math.log1p(Math.exp(x)), sig],
  linear: [(x) => x, () => 1],
};

describe('valuesAndSlopes', () => {
  const xs = [-6, -3.3, -1, -0.25, 0.4, 1, 2.5, 6];
  for (const name of activationNames) {
    it(`${name}: values and backward-pass slopes match the derivative`, () => {
      const c = valuesAndSlopes(name, xs);
      const [f, df] = reference[name];
      xs.forEach((x, i) => {
        expect(c.y[i]).toBeCloseTo(f(x), 5);
        expect(c.slope[i]).toBeCloseTo(df(x), 5);
      });
    });
  }

  it('frees every tensor it makes', () => {
    const before = liveTensorCount();
    for (const name of activationNames) valuesAndSlopes(name, evenlySpaced(-6, 6, 241));
    expect(liveTensorCount()).toBe(before);
  });
});

describe('saturatedTails', () => {
  const xs = evenlySpaced(-6, 6, 1201);
  it('sigmoid saturates on both sides where σ′ < 5% of 0.25', () => {
    const tails = saturatedTails(valuesAndSlopes('sigmoid', xs));
    expect(tails).toHaveLength(2);
    // σ′(x) = 0.0125 at |x| = ln((1+√(1−4·0.0125))/(1−√(1−4·0.0125))) ≈ 4.37.
    const edge = Math.log((1 + Math.sqrt(0.95)) / (1 - Math.sqrt(0.95)));
    expect(tails[0].to).toBeCloseTo(-edge, 1);
    expect(tails[1].from).toBeCloseTo(edge, 1);
  });
  it('tanh saturates where 1 − tanh² < 0.05', () => {
    const tails = saturatedTails(valuesAndSlopes('tanh', xs));
    expect(tails[1].from).toBeCloseTo(Math.atanh(Math.sqrt(0.95)), 1);
  });
  it('ReLU is flat on the negative side only; linear nowhere', () => {
    const relu = saturatedTails(valuesAndSlopes('relu', xs));
    expect(relu).toHaveLength(1);
    expect(relu[0].from).toBe(-6);
    expect(relu[0].to).toBeCloseTo(0, 1);
    expect(saturatedTails(valuesAndSlopes('linear', xs))).toEqual([]);
  });
  it('GELU: only its left tail, not the dip where its slope crosses zero', () => {
    const tails = saturatedTails(valuesAndSlopes('gelu', xs));
    expect(tails).toHaveLength(1);
    expect(tails[0].from).toBe(-6);
    expect(tails[0].to).toBeLessThan(-2);
  });
  it('a curve with no slope at all is saturated everywhere', () => {
    expect(saturatedTails({ x: [0, 1, 2], y: [1, 1, 1], slope: [0, 0, 0] })).toEqual([{ from: 0, to: 2 }]);
  });
});

describe('drawing helpers', () => {
  it('the tangent passes through the point with the given slope', () => {
    const [[x1, y1], [x2, y2]] = tangentLine(1, 2, 0.5, -6, 6);
    expect([x1, x2]).toEqual([-6, 6]);
    expect(y1).toBeCloseTo(2 - 3.5);
    expect(y2).toBeCloseTo(2 + 2.5);
  });
  it('paddedRange includes zero, skips non-finite values, and is never empty', () => {
    const [lo, hi] = paddedRange([0.2, 0.9, NaN]);
    expect(lo).toBeLessThan(0);
    expect(hi).toBeGreaterThan(0.9);
    const [a, b] = paddedRange([0, 0]);
    expect(b).toBeGreaterThan(a);
  });
});
