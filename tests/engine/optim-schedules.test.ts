import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { add, mul, sum } from '../../src/engine/ops';
import { clipGradNorm, CosineAnnealingLR, ExponentialLR, SGD, StepLR, cosineAnnealingLR, linearWarmupLR } from '../../src/engine/optim';
import { parameter, tensor, tidy } from '../../src/engine/tensor';
import { describeEachBackend } from '../support/backends';
import { expectClose } from './nn-support';

describe('learning-rate schedules', () => {
  // A stand-in optimiser: schedules only read and write `lr`.
  const holder = (lr: number) => ({ lr });

  it("StepLR: PyTorch's documented example (lr 0.05, stepSize 30, γ 0.1)", () => {
    const opt = holder(0.05);
    const sched = new StepLR(opt, 30, 0.1);
    const seen = [opt.lr];
    for (let e = 1; e < 95; e++) seen.push(sched.step());
    expect(seen[0]).toBe(0.05);
    expect(seen[29]).toBe(0.05);
    expect(seen[30]).toBeCloseTo(0.005, 12);
    expect(seen[59]).toBeCloseTo(0.005, 12);
    expect(seen[60]).toBeCloseTo(0.0005, 12);
    expect(seen[90]).toBeCloseTo(0.00005, 12);
    expect(opt.lr).toBe(seen[94]);
    expect(() => new StepLR(opt, 0)).toThrow(/positive integer/);
  });

  it('ExponentialLR: lr·γ^epoch', () => {
    const opt = holder(1);
    const sched = new ExponentialLR(opt, 0.5);
    expect([sched.step(), sched.step(), sched.step()]).toEqual([0.5, 0.25, 0.125]);
    expect(sched.preview(4)).toEqual([1, 0.5, 0.25, 0.125]);
  });

  it('CosineAnnealingLR: base at 0, midpoint halfway, ηmin at tMax', () => {
    const opt = holder(0.1);
    const sched = new CosineAnnealingLR(opt, 10, 0.001);
    const seen = [opt.lr];
    for (let e = 1; e <= 10; e++) seen.push(sched.step());
    expect(seen[0]).toBe(0.1);
    expect(seen[5]).toBeCloseTo((0.1 + 0.001) / 2, 12);
    expect(seen[10]).toBeCloseTo(0.001, 12);
    for (let e = 1; e <= 10; e++) expect(seen[e]).toBeLessThan(seen[e - 1]);
    // The same sequence from PyTorch's recursive form, η_t = ηmin + (η_{t−1} − ηmin)·(1 + cos(πt/T)) / (1 + cos(π(t−1)/T)).
    let eta = 0.1;
    for (let t = 1; t <= 9; t++) {
      eta = 0.001 + ((eta - 0.001) * (1 + Math.cos((Math.PI * t) / 10))) / (1 + Math.cos((Math.PI * (t - 1)) / 10));
      expect(cosineAnnealingLR(0.1, t, 10, 0.001)).toBeCloseTo(eta, 12);
    }
  });

  it('linearWarmupLR: 0 at epoch 0, base·epoch/warmup on the way, base from the warm-up on', () => {
    expect(linearWarmupLR(0.5, 0, 4)).toBe(0);
    expect([1, 2, 3].map((e) => linearWarmupLR(0.5, e, 4))).toEqual([0.125, 0.25, 0.375]);
    expect([4, 5, 100].map((e) => linearWarmupLR(0.5, e, 4))).toEqual([0.5, 0.5, 0.5]);
    // No warm-up at all: the base rate from the start.
    expect(linearWarmupLR(0.5, 0, 0)).toBe(0.5);
  });

  it('drives a real optimiser', () => {
    const p = parameter(tf.tensor([1]), 'p');
    const opt = new SGD([p], { lr: 0.2 });
    const sched = new StepLR(opt, 2, 0.5);
    sched.step();
    sched.step();
    expect(opt.lr).toBe(0.1);
    opt.dispose();
    p.dispose();
  });
});

describeEachBackend('clipGradNorm', () => {
  it('returns the total norm and scales every gradient to maxNorm when above it', () => {
    const before = tf.memory().numTensors;
    const a = parameter(tf.tensor([1, 2]), 'a');
    const b = parameter(tf.tensor([[1], [1]]), 'b');
    tidy(() => {
      // d/da = [3, 4], d/db = [[12], [0]]: total norm √(9 + 16 + 144) = 13.
      add(sum(mul(a, tensor([3, 4]))), sum(mul(b, tensor([[12], [0]])))).backward();
      const norm = clipGradNorm([a, b], 6.5);
      expect(norm).toBeCloseTo(13, 4);
      const scale = 6.5 / (13 + 1e-6);
      expectClose(a.grad!.data(), [3 * scale, 4 * scale], 1e-5, 'a');
      expectClose(b.grad!.data(), [12 * scale, 0], 1e-5, 'b');
      // Below the limit nothing changes, and the norm is still reported.
      expect(clipGradNorm([a, b], 100)).toBeCloseTo(6.5, 4);
      expectClose(a.grad!.data(), [3 * scale, 4 * scale], 1e-5, 'a unchanged');
    });
    a.grad = null;
    b.grad = null;
    expect(clipGradNorm([a, b], 1)).toBe(0);
    a.dispose();
    b.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('handles two parameters sharing one gradient tensor', () => {
    const before = tf.memory().numTensors;
    const a = parameter(tf.tensor([3, 0]), 'a');
    const b = parameter(tf.tensor([0, 4]), 'b');
    tidy(() => {
      // add passes the same output gradient to both inputs.
      sum(mul(add(a, b), tensor([3, 4]))).backward();
      expect(clipGradNorm([a, b], 1)).toBeCloseTo(Math.sqrt(50), 4);
      expectClose(a.grad!.data(), [3 / Math.sqrt(50), 4 / Math.sqrt(50)], 1e-5, 'a');
      expectClose(b.grad!.data(), [3 / Math.sqrt(50), 4 / Math.sqrt(50)], 1e-5, 'b');
    });
    a.grad = null;
    b.grad = null;
    a.dispose();
    b.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
