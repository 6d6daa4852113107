import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { conv2d, matmul, sum } from '../../src/engine/ops';
import { parameter, tensor, tidy } from '../../src/engine/tensor';
import { describeEachBackend } from '../support/backends';
import { sample } from '../support/gradcheck';

describeEachBackend('gradients only where wanted', (backend, path) => {
  it('matmul of data by a parameter runs no product for the data gradient', async () => {
    const x = tensor(sample(6, 66), [2, 3]);
    const w = parameter(tf.tensor2d(sample(12, 67), [3, 4]));
    const before = tf.memory().numTensors;
    let grad: Float32Array | null = null;
    const profile = await tf.profile(() => {
      tidy(() => {
        sum(matmul(x, w)).backward();
        grad = w.grad!.data();
      });
    });
    // One product forward, one for dW = xᵀ·dy; dx = dy·Wᵀ would be a third. The small path runs
    // no TensorFlow.js kernel at all.
    expect(profile.kernels.filter((k) => k.name === 'BatchMatMul')).toHaveLength(path === 'small' ? 0 : 2);
    if (path === 'small') expect(profile.kernels).toHaveLength(0);
    expect(x.grad).toBeNull();
    expect(tf.memory().numTensors).toBe(before);
    const xs = Array.from(x.value.dataSync());
    // d/dW Σ x·W = xᵀ·1: each row r of dW holds the column sum x[0,r] + x[1,r], repeated.
    const expected = [0, 1, 2].flatMap((r) => new Array<number>(4).fill(xs[r] + xs[3 + r]));
    Array.from(grad!).forEach((g, i) => expect(g).toBeCloseTo(expected[i], 4));
    w.dispose();
    x.dispose();
  });

  it('conv2d of data by a kernel runs no convolution for the data gradient', async () => {
    const x = tensor(sample(2 * 6 * 6, 68), [2, 6, 6, 1]);
    const w = parameter(tf.tensor4d(sample(9 * 2, 69), [3, 3, 1, 2]));
    const before = tf.memory().numTensors;
    const profile = await tf.profile(() => {
      tidy(() => {
        sum(conv2d(x, w)).backward();
      });
    });
    const count = (name: string) => profile.kernels.filter((k) => k.name === name).length;
    // WebGL takes tfjs's backprop kernels; the other backends write dW as one more forward Conv2D.
    expect(count('Conv2DBackpropInput')).toBe(0);
    expect(count('Conv2D')).toBe(backend === 'webgl' ? 1 : 2);
    expect(x.grad).toBeNull();
    expect(tf.memory().numTensors).toBe(before);
    w.dispose();
    x.dispose();
  });
});
