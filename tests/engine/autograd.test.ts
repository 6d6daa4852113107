import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { add, matmul, mean, mul, sigmoid, sub, sum, tanh } from '../../src/engine/ops';
import { noGrad, parameter, record, tensor, tidy } from '../../src/engine/tensor';
import { describeEachBackend } from '../support/backends';

describeEachBackend('autograd', (backend) => {
  it('a node used twice receives both contributions', () => {
    const g = tidy(() => {
      const x = tensor(3, undefined, { requiresGrad: true });
      // y = x·x + x: dy/dx = 2x + 1 = 7
      add(mul(x, x), x).backward();
      return x.grad!.item();
    });
    expect(g).toBe(7);
  });

  it('a diamond (one value feeding two branches that meet again) sums both paths', () => {
    const g = tidy(() => {
      const x = tensor(0.5, undefined, { requiresGrad: true });
      const a = tanh(x);
      const b = sigmoid(x);
      mul(a, b).backward(); // d/dx tanh·σ = (1 − tanh²)·σ + tanh·σ(1 − σ)
      return x.grad!.item();
    });
    const t = Math.tanh(0.5);
    const s = 1 / (1 + Math.exp(-0.5));
    expect(g).toBeCloseTo((1 - t * t) * s + t * s * (1 - s), 5);
  });

  it('a chain of 5,000 ops runs backward without overflowing the stack', () => {
    const g = tidy(() => {
      const x = tensor(1, undefined, { requiresGrad: true });
      let y = x;
      for (let i = 0; i < 5000; i++) y = mul(y, 1.0001);
      y.backward();
      return x.grad!.item();
    });
    expect(Math.abs(g - 1.0001 ** 5000) / 1.0001 ** 5000).toBeLessThan(backend === 'webgl' ? 1e-2 : 1e-3);
  });

  it('a backward rule that returns a wrongly shaped gradient is caught, naming the op', () => {
    tidy(() => {
      const x = tensor([1, 2, 3], undefined, { requiresGrad: true });
      const y = record('badShape', tf.mul(x.value, 2), [x], (dy) => [tf.sum(dy)]);
      expect(() => sum(y).backward()).toThrow(/^badShape: gradient for input 0 has shape \[\] but the input has shape \[3\]/);
    });
  });

  it('noGrad records no backward rule and no gradient requirement', () => {
    tidy(() => {
      const w = tensor([1, 2], undefined, { requiresGrad: true });
      const y = noGrad(() => mul(w, 3));
      expect(y.requiresGrad).toBe(false);
      expect(y.backwardRule).toBeNull();
      expect(() => y.backward()).toThrow(/does not require a gradient/);
      // Recording resumes afterwards.
      expect(mul(w, 3).backwardRule).not.toBeNull();
    });
  });

  it('numTensors returns to its baseline after forward and backward inside tidy', () => {
    const w = parameter(tf.tensor([[0.1, -0.2], [0.3, 0.4]]), 'w');
    const before = tf.memory().numTensors;
    const loss = tidy(() => {
      const x = tensor([[1, 2], [3, 4], [5, 6]]);
      const target = tensor([[1, 0], [0, 1], [1, 1]]);
      const l = mean(mul(sub(sigmoid(matmul(x, w)), target), sub(sigmoid(matmul(x, w)), target)));
      l.backward();
      return l.item();
    });
    expect(Number.isFinite(loss)).toBe(true);
    // tidy freed the parameter's gradient (it was not returned): drop the stale reference.
    w.grad = null;
    expect(tf.memory().numTensors).toBe(before);
    w.dispose();
  });

  it('gradients of a leaf accumulate over two backward passes until cleared', () => {
    const g = tidy(() => {
      const x = tensor(2, undefined, { requiresGrad: true });
      mul(x, 5).backward();
      mul(x, x).backward();
      return x.grad!.item();
    });
    expect(g).toBe(9);
  });
});
