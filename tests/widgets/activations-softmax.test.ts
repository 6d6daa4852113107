// SoftmaxTemperature's logic in Node: probabilities, sum and entropy against float64 arithmetic,
// shift invariance, extreme temperatures, the logit helpers, and memory.
import { beforeAll, describe, expect, it } from 'vitest';
import { initEngine, liveTensorCount } from '../../src/engine/index.ts';
import { largestChange, maxEntropy, newLogit, shiftAll, softmaxWithTemperature } from '../../src/widgets/SoftmaxTemperature/softmax.ts';

beforeAll(async () => {
  await initEngine({ prefer: 'cpu' });
});

function reference(z: number[], t: number): { p: number[]; h: number } {
  const m = Math.max(...z.map((v) => v / t));
  const e = z.map((v) => Math.exp(v / t - m));
  const total = e.reduce((a, b) => a + b, 0);
  const p = e.map((v) => v / total);
  return { p, h: -p.reduce((a, v) => a + (v > 0 ? v * Math.log(v) : 0), 0) };
}

describe('softmaxWithTemperature', () => {
  const cases: [number[], number][] = [
    [[2, 1, 0.1], 1],
    [[2, 1, 0.1], 0.5],
    [[2, 1, 0.1], 5],
    [[-3, 0, 4, 4, 1, -20], 2.5],
    [[20, -20], 0.1],
  ];
  for (const [z, t] of cases) {
    it(`z = [${z}], T = ${t}`, () => {
      const r = softmaxWithTemperature(z, t);
      const ref = reference(z, t);
      r.probabilities.forEach((p, i) => expect(p).toBeCloseTo(ref.p[i], 6));
      expect(r.total).toBeCloseTo(1, 6);
      expect(r.entropy).toBeCloseTo(ref.h, 5);
      expect(r.probabilities.every(Number.isFinite)).toBe(true);
    });
  }

  it('the textbook example [2, 1, 0.1] at T = 1 gives about 0.659, 0.242, 0.099', () => {
    const { probabilities } = softmaxWithTemperature([2, 1, 0.1], 1);
    expect(probabilities.map((p) => Number(p.toFixed(3)))).toEqual([0.659, 0.242, 0.099]);
  });

  it('adding a constant to every logit changes nothing', () => {
    const a = softmaxWithTemperature([2, 1, 0.1], 0.7).probabilities;
    const b = softmaxWithTemperature([3, 2, 1.1], 0.7).probabilities;
    expect(largestChange(a, b)).toBeLessThan(1e-6);
  });

  it('low temperature tends to one-hot, high temperature to uniform; entropy in [0, ln k]', () => {
    const cold = softmaxWithTemperature([2, 1, 0.1], 0.1);
    const hot = softmaxWithTemperature([2, 1, 0.1], 10);
    expect(cold.probabilities[0]).toBeGreaterThan(0.9999);
    hot.probabilities.forEach((p) => expect(p).toBeCloseTo(1 / 3, 1));
    expect(cold.entropy).toBeGreaterThanOrEqual(0);
    expect(hot.entropy).toBeLessThanOrEqual(maxEntropy(3) + 1e-6);
    expect(hot.entropy).toBeGreaterThan(cold.entropy);
  });

  it('equal logits give the largest entropy ln k', () => {
    expect(softmaxWithTemperature([1, 1, 1, 1], 1).entropy).toBeCloseTo(Math.log(4), 5);
  });

  it('frees every tensor it makes', () => {
    const before = liveTensorCount();
    softmaxWithTemperature([2, 1, 0.1], 1);
    softmaxWithTemperature([20, -20, 0, 5, 1, 2], 0.1);
    expect(liveTensorCount()).toBe(before);
  });
});

describe('logit helpers', () => {
  it('shiftAll adds without float noise and refuses to leave the range', () => {
    expect(shiftAll([2, 1, 0.1], 1)).toEqual([3, 2, 1.1]);
    expect(shiftAll([19.5, 0], 1)).toBeNull();
  });
  it('newLogit is one below the smallest, inside the range', () => {
    expect(newLogit([2, 1, 0.1])).toBe(-0.9);
    expect(newLogit([-20, 3])).toBe(-20);
  });
  it('largestChange compares lists of equal length only', () => {
    expect(largestChange([0.5, 0.5], [0.4, 0.6])).toBeCloseTo(0.1);
    expect(largestChange([1], [0.5, 0.5])).toBe(Infinity);
  });
});
