// The L1 proximal step (soft-thresholding): exact zeros inside the threshold, signs kept, the rest
// shrunk by exactly the threshold, 0 a no-op, bad thresholds refused, nothing leaked; and, used
// after a gradient step (ISTA), it reaches the lasso's closed-form answer where the subgradient
// method only jitters around it.
import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { abs, add, mul, square, sub, sum } from '../../src/engine/ops';
import { proximalL1, SGD } from '../../src/engine/optim';
import { parameterFrom, tensor, tidy, type Tensor } from '../../src/engine/tensor';
import { describeEachBackend, tolerance } from '../support/backends';

const start = [0.9, -0.05, 0.2, -0.3, 0.0, 0.1, -2.5, 0.35];
const threshold = 0.25;
/** sign(w)·max(|w| − t, 0) in float32, as the kernel computes it (both operands are float32). */
const soft = (w: number, t: number) => (Math.abs(w) <= t ? 0 : Math.sign(w) * Math.fround(Math.abs(Math.fround(w)) - Math.fround(t)));

describeEachBackend('proximalL1 (soft-thresholding)', (backend) => {
  const exact = backend !== 'webgl';

  it('sets every |w| ≤ threshold to exactly +0, keeps signs, and shrinks the rest by exactly the threshold', () => {
    const before = tf.memory().numTensors;
    const w = parameterFrom(start, [2, 4], 'W');
    const b = parameterFrom([-0.1, 0.6], [2], 'b');
    proximalL1([w, b], threshold);
    const got = [...w.data(), ...b.data()];
    const input = [...start, -0.1, 0.6];
    input.forEach((v, i) => {
      if (Math.abs(v) <= threshold) expect(Object.is(got[i], 0), `entry ${i} (${v}) → ${got[i]}`).toBe(true);
      else {
        expect(Math.sign(got[i])).toBe(Math.sign(v));
        if (exact) expect(got[i]).toBe(soft(v, threshold));
        else expect(Math.abs(got[i] - soft(v, threshold))).toBeLessThan(tolerance(backend));
      }
    });
    expect(got.filter((v) => v === 0)).toHaveLength(input.filter((v) => Math.abs(v) <= threshold).length);
    w.dispose();
    b.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a threshold of 0 changes nothing; a negative, NaN or infinite threshold, or a non-parameter, is refused', () => {
    const before = tf.memory().numTensors;
    const w = parameterFrom(start, [8]);
    proximalL1([w], 0);
    expect(Array.from(w.data())).toEqual(start.map(Math.fround));
    expect(() => proximalL1([w], -0.1)).toThrow(/proximalL1: threshold must be a finite number ≥ 0, got -0.1/);
    expect(() => proximalL1([w], Number.NaN)).toThrow(/threshold/);
    expect(() => proximalL1([w], Number.POSITIVE_INFINITY)).toThrow(/threshold/);
    const data = tensor([1, 2]);
    expect(() => proximalL1([data], 0.1)).toThrow(/not a variable/);
    expect(Array.from(w.data())).toEqual(start.map(Math.fround));
    data.dispose();
    w.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('after a gradient step (ISTA) it finds the lasso answer soft(a, λ/c) exactly; the subgradient method never reaches zero', () => {
    // loss = Σ ½·c·(w − a)² + λ·Σ|w|: separable, so each coordinate's minimiser is soft(a, λ/c).
    const a = [1.0, 0.3, -0.1, -1.5, 0.05];
    const c = [1.0, 1.0, 2.0, 0.5, 4.0];
    const [lambda, lr] = [0.4, 0.2];
    const dataLoss = (p: Tensor) => sum(mul(mul(square(sub(p, tensor(a))), tensor(c)), 0.5));
    const before = tf.memory().numTensors;
    const prox = parameterFrom(a.map(() => 1), [a.length]);
    const sub_ = parameterFrom(a.map(() => 1), [a.length]);
    const optProx = new SGD([prox], { lr });
    const optSub = new SGD([sub_], { lr });
    for (let t = 0; t < 200; t++) {
      tidy(() => {
        optProx.zeroGrad();
        dataLoss(prox).backward();
        optProx.step();
        proximalL1([prox], lr * lambda);
        optSub.zeroGrad();
        add(dataLoss(sub_), mul(sum(abs(sub_)), lambda)).backward();
        optSub.step();
      });
    }
    const answer = a.map((v, i) => Math.sign(v) * Math.max(Math.abs(v) - lambda / c[i], 0));
    const p = Array.from(prox.data());
    answer.forEach((v, i) => {
      if (v === 0) expect(p[i]).toBe(0);
      else expect(Math.abs(p[i] - v)).toBeLessThan(exact ? 1e-5 : tolerance(backend));
    });
    expect(answer.filter((v) => v === 0).length).toBeGreaterThanOrEqual(2);
    expect(Array.from(sub_.data()).filter((v) => v === 0)).toHaveLength(0);
    [optProx, optSub, prox, sub_].forEach((o) => o.dispose());
    expect(tf.memory().numTensors).toBe(before);
  });
});
