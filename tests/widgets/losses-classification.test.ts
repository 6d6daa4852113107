// ClassificationLoss's logic in Node: BCE and squared error of a sigmoid output and their
// gradients with respect to the logit (from the engine's backward pass) against the closed forms,
// the vanishing gradient of a confident mistake, and memory returning to its baseline.
import { beforeAll, describe, expect, it } from 'vitest';
import { initEngine, liveTensorCount } from '../../src/engine/index.ts';
import { clampP, CONFIDENTLY_WRONG, logistic, logit, lossesAndGradients, P_RANGE, Z_RANGE, zGrid } from '../../src/widgets/ClassificationLoss/classification.ts';

beforeAll(async () => {
  await initEngine({ prefer: 'cpu' });
});

const sig = (z: number) => 1 / (1 + Math.exp(-z));

describe('ClassificationLoss', () => {
  it('matches −log σ(z), (σ(z) − 1)² and their closed-form derivatives over the whole range', () => {
    const zs = zGrid(33);
    const c = lossesAndGradients(zs);
    zs.forEach((z, i) => {
      const p = sig(z);
      expect(c.bce[i]).toBeCloseTo(-Math.log(p), 4);
      expect(c.mse[i]).toBeCloseTo((p - 1) ** 2, 5);
      expect(c.bceGrad[i]).toBeCloseTo(p - 1, 5);
      expect(c.mseGrad[i]).toBeCloseTo(2 * (p - 1) * p * (1 - p), 5);
    });
  });

  it('shows the confident mistake: MSE gradient near 0, BCE gradient near −1', () => {
    const [z] = [Z_RANGE[0]];
    const c = lossesAndGradients([z, logit(CONFIDENTLY_WRONG)]);
    expect(c.bceGrad[0]).toBeLessThan(-0.999);
    expect(Math.abs(c.mseGrad[0])).toBeLessThan(1e-3);
    // At the threshold of the note (p = 0.1) the ratio is already 1/(2p(1 − p)) ≈ 5.6.
    expect(c.bceGrad[1] / c.mseGrad[1]).toBeCloseTo(1 / (2 * 0.1 * 0.9), 3);
    // Squared error never exceeds 1; cross-entropy passes 8 at z = −8.
    expect(Math.max(...lossesAndGradients(zGrid()).mse)).toBeLessThanOrEqual(1);
    expect(lossesAndGradients([Z_RANGE[0]]).bce[0]).toBeGreaterThan(8);
  });

  it('keeps p and z consistent and inside their ranges', () => {
    expect(logistic(logit(0.3))).toBeCloseTo(0.3, 12);
    expect(logit(P_RANGE[0])).toBeGreaterThanOrEqual(Z_RANGE[0]);
    expect(logit(P_RANGE[1])).toBeLessThanOrEqual(Z_RANGE[1]);
    expect(clampP(0)).toBe(P_RANGE[0]);
    expect(clampP(1)).toBe(P_RANGE[1]);
    expect(clampP(NaN)).toBe(0.5);
    expect(logistic(-800)).toBe(0);
    expect(Number.isFinite(logistic(800))).toBe(true);
  });

  it('returns memory to its baseline', () => {
    const before = liveTensorCount();
    lossesAndGradients(zGrid());
    expect(liveTensorCount()).toBe(before);
  });
});
