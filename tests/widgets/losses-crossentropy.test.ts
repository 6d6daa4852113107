// CrossEntropyByHand's logic in Node: every step against float64, the engine's gradient against
// softmax − one-hot, extreme logits, the sanitising of odd input, and memory.
import { beforeAll, describe, expect, it } from 'vitest';
import { initEngine, liveTensorCount } from '../../src/engine/index.ts';
import { crossEntropySteps, formatStep, formulaGradient, LOGIT_RANGE, maxDifference, sanitize } from '../../src/widgets/CrossEntropyByHand/crossEntropy.ts';

beforeAll(async () => {
  await initEngine({ prefer: 'cpu' });
});

function reference(z: number[], t: number) {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const total = e.reduce((a, b) => a + b, 0);
  const p = e.map((v) => v / total);
  return { m, e, total, p, loss: Math.log(total) - (z[t] - m), grad: p.map((v, j) => v - (j === t ? 1 : 0)) };
}

describe('CrossEntropyByHand', () => {
  it('computes each step of the default example as float64 does', () => {
    const s = crossEntropySteps([2, 1, -1], 0);
    const r = reference([2, 1, -1], 0);
    expect(s.max).toBe(2);
    expect(s.shifted).toEqual([0, -1, -3]);
    s.exps.forEach((v, j) => expect(v).toBeCloseTo(r.e[j], 6));
    expect(s.total).toBeCloseTo(r.total, 6);
    s.probs.forEach((v, j) => expect(v).toBeCloseTo(r.p[j], 6));
    expect(s.loss).toBeCloseTo(r.loss, 6);
    expect(s.engineLoss).toBeCloseTo(r.loss, 6);
    s.gradient.forEach((v, j) => expect(v).toBeCloseTo(r.grad[j], 6));
  });

  it('agrees with the formula softmax − one-hot for every target and size', () => {
    for (const z of [[0.5, -2], [3, 3, 3], [1, -4, 2.5, 0, 7, -1]]) {
      for (let t = 0; t < z.length; t++) {
        const s = crossEntropySteps(z, t);
        expect(maxDifference(s.gradient, formulaGradient(s.probs, t))).toBeLessThan(1e-6);
        expect(s.gradient.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 6);
        expect(s.loss).toBeCloseTo(reference(z, t).loss, 5);
      }
    }
  });

  it('stays finite at the ends of the logit range', () => {
    const z = [LOGIT_RANGE[1], LOGIT_RANGE[0], LOGIT_RANGE[0]];
    const s = crossEntropySteps(z, 1);
    expect(s.loss).toBeCloseTo(40, 4);
    expect(s.engineLoss).toBeCloseTo(40, 4);
    expect(s.probs[1]).toBeGreaterThan(0);
    for (const v of [...s.exps, ...s.probs, ...s.gradient, s.total]) expect(Number.isFinite(v)).toBe(true);
  });

  it('sanitises odd input into 2 to 6 logits in range and a valid target', () => {
    expect(sanitize([1], 0)).toEqual({ logits: [1, 0], target: 0 });
    expect(sanitize([1, 2, 3, 4, 5, 6, 7], 9)).toEqual({ logits: [1, 2, 3, 4, 5, 6], target: 5 });
    expect(sanitize([NaN, 100, -100], -1)).toEqual({ logits: [0, 20, -20], target: 0 });
    expect(sanitize([1, 2], 0.5).target).toBe(0);
  });

  it('formats small numbers so that they do not read as zero', () => {
    expect(formatStep(0.70538)).toBe('0.7054');
    expect(formatStep(4.2e-9)).toBe('4.20e-9');
    expect(formatStep(-0.00000001, 2)).toBe('-1.00e-8');
    expect(formatStep(-0.00001)).toBe('-1.00e-5');
    expect(formatStep(0)).toBe('0.0000');
    expect(formatStep(NaN)).toBe('–');
  });

  it('returns memory to its baseline', () => {
    const before = liveTensorCount();
    crossEntropySteps([2, 1, -1, 0.5], 2);
    expect(liveTensorCount()).toBe(before);
  });
});
