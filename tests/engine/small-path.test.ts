// The small path itself (src/engine/small/): where tensors live, how they cross to TensorFlow.js
// and back, what `tidy` does with them, and that a run gives the same numbers either way. The op
// tables check every op's values and gradients there (their "[small]" blocks); this file checks
// what those tables cannot see.
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mseLoss } from '../../src/engine/losses';
import { Linear, Sequential, Tanh } from '../../src/engine/nn';
import { add, exp, matmul, mean, mul, sigmoid, sum, tanh } from '../../src/engine/ops';
import { linear } from '../../src/engine/ops/linear';
import { Adam, SGD } from '../../src/engine/optim';
import { Random } from '../../src/engine/random';
import { DEFAULT_SMALL_ELEMENTS, DEFAULT_SMALL_PRODUCT, limitsFor, setSmallLimits, withSmallLimits } from '../../src/engine/small/limits';
import { pooledBuffers } from '../../src/engine/small/pool';
import { fromTf, parameter, tensor, tidy, type Tensor } from '../../src/engine/tensor';
import { useBackend } from '../support/backends';

const DEFAULTS = { elements: DEFAULT_SMALL_ELEMENTS, product: DEFAULT_SMALL_PRODUCT };

beforeAll(async () => {
  await useBackend('cpu');
  setSmallLimits(DEFAULTS);
});
afterAll(() => setSmallLimits(DEFAULTS));

/** A 2-8-8-1 tanh network, its weights from `seed`. */
function network(seed: number): Sequential {
  const rng = new Random(seed);
  return new Sequential(new Linear(2, 8, { rng }), new Tanh(), new Linear(8, 8, { rng }), new Tanh(), new Linear(8, 1, { rng }));
}

/** `steps` SGD steps of `net` on a fixed batch of 10; the losses, and the weights at the end. */
function train(net: Sequential, steps: number): { losses: number[]; weights: number[] } {
  const rng = new Random(4);
  const x = rng.uniformArray(20, -1, 1);
  const y = Float32Array.from({ length: 10 }, (_, i) => i % 2);
  const opt = new SGD(net, { lr: 0.1, momentum: 0.5 });
  const losses: number[] = [];
  for (let i = 0; i < steps; i++) {
    losses.push(
      tidy(() => {
        opt.zeroGrad();
        const loss = mseLoss(sigmoid(net.forward(tensor(x, [10, 2]))), tensor(y, [10, 1]));
        loss.backward();
        opt.step();
        return loss.item();
      }),
    );
  }
  opt.dispose();
  return { losses, weights: net.parameters().flatMap((p) => Array.from(p.data())) };
}

describe('the small path', () => {
  it('keeps a small model on the small path: no TensorFlow.js tensor and no kernel in a training step', async () => {
    const net = network(1);
    expect(net.parameters().every((p) => p.small !== null)).toBe(true);
    const before = tf.memory().numTensors;
    const profile = await tf.profile(() => {
      train(net, 3);
    });
    expect(profile.kernels).toHaveLength(0);
    expect(tf.memory().numTensors).toBe(before);
    net.dispose();
  });

  it('puts tensors above the limits in TensorFlow.js, and a product too large there even from small operands', () => {
    tidy(() => {
      expect(tensor(new Float32Array(DEFAULT_SMALL_ELEMENTS)).small).not.toBeNull();
      expect(tensor(new Float32Array(DEFAULT_SMALL_ELEMENTS + 1)).small).toBeNull();
      // [64, 64]·[64, 64] has 4,096 entries each, but 262,144 multiply-adds.
      const a = tensor(new Float32Array(4096).fill(1), [64, 64]);
      expect(a.small).not.toBeNull();
      const p = matmul(a, a);
      expect(p.small).toBeNull();
      expect(p.data()[0]).toBe(64);
    });
  });

  it('mixes operands: a small one meets a TensorFlow.js one, and gradients flow back to both', () => {
    const before = tf.memory().numTensors;
    const [ga, gb] = tidy(() => {
      const a = tensor([1, 2, 3], [3], { requiresGrad: true });
      const b = fromTf(tf.tensor([4, 5, 6]), { requiresGrad: true });
      expect(a.small).not.toBeNull();
      expect(b.small).toBeNull();
      const y = sum(mul(tanh(a), b));
      expect(y.small).toBeNull();
      y.backward();
      expect(a.grad!.small).not.toBeNull(); // back on the small path past the boundary
      return [Array.from(a.grad!.data()), Array.from(b.grad!.data())];
    });
    [1, 2, 3].forEach((v, i) => {
      expect(ga[i]).toBeCloseTo((1 - Math.tanh(v) ** 2) * [4, 5, 6][i], 5);
      expect(gb[i]).toBeCloseTo(Math.tanh(v), 5);
    });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('moves a small parameter to a tf.Variable for good when a caller asks for its variable, or when it meets a large tensor', () => {
    const w = parameter(tf.tensor([[0.5], [-0.25]]));
    expect(w.small).not.toBeNull();
    const v = w.value as tf.Variable;
    expect(v).toBeInstanceOf(tf.Variable);
    expect(w.small).toBeNull();
    v.assign(tf.tensor([[1], [2]]));
    expect(Array.from(w.data())).toEqual([1, 2]);
    w.dispose();

    const u = parameter(tf.tensor([[0.5], [-0.25]]));
    const opt = new SGD([u], { lr: 0.1 });
    const big = tensor(new Float32Array(2 * 40_000).fill(1), [40_000, 2]);
    expect(big.small).toBeNull();
    tidy(() => {
      mean(matmul(big, u)).backward();
      opt.step();
    });
    expect(u.small).toBeNull(); // its gradient came from TensorFlow.js: it lives there now
    // d mean(big·u)/du = [1, 1] (to the float32 rounding of 40,000 terms): one step of 0.1 down from [0.5, −0.25].
    Array.from(u.data()).forEach((v, i) => expect(v).toBeCloseTo([0.4, -0.35][i], 5));
    opt.dispose();
    u.dispose();
    big.dispose();
  });

  it('ends a small tensor with its tidy scope, as TensorFlow.js does, and keeps what tidy returns', () => {
    let inner: Tensor | null = null;
    const kept = tidy(() => {
      inner = tensor(new Float32Array(64).fill(2));
      return add(inner, 1);
    });
    expect(() => inner!.data()).toThrow(/disposed/);
    expect(Array.from(kept.data())).toEqual(new Array(64).fill(3));
    kept.dispose();
    expect(() => kept.data()).toThrow(/disposed/);
  });

  it('gives a returned tensor its own buffer: later steps do not overwrite it', () => {
    const a = tidy(() => exp(tensor(new Float32Array(100).fill(0))));
    for (let i = 0; i < 5; i++) tidy(() => sum(exp(tensor(new Float32Array(100).fill(1)))).item());
    expect(Array.from(a.data())).toEqual(new Array(100).fill(1));
  });

  it('gives a TensorFlow.js copy of a small tensor to whoever asks, freed with the scope', () => {
    const before = tf.memory().numTensors;
    tidy(() => {
      const t = tensor([[1, 2], [3, 4]]);
      expect(t.value.shape).toEqual([2, 2]);
      expect(Array.from(t.value.dataSync())).toEqual([1, 2, 3, 4]);
    });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stores float32, as TensorFlow.js does: exp(89) overflows to Infinity and σ(40) rounds to 1', () => {
    tidy(() => {
      const x = tensor([89, 40, 1 / 3]);
      expect(x.small).not.toBeNull();
      const e = exp(x).data();
      expect(e[0]).toBe(Infinity);
      expect(e[2]).toBe(Math.fround(Math.exp(Math.fround(1 / 3))));
      expect(sigmoid(tensor([40])).item()).toBe(1);
    });
  });

  it('gives the same numbers on both paths: a training run matches TensorFlow.js to float32 rounding, and repeats itself exactly', () => {
    const onSmall = train(network(3), 20);
    const again = train(network(3), 20);
    expect(again).toEqual(onSmall);
    const onTf = withSmallLimits({ elements: 0, product: 0 }, () => train(network(3), 20));
    onSmall.losses.forEach((l, i) => expect(Math.abs(l - onTf.losses[i])).toBeLessThan(1e-6));
    onSmall.weights.forEach((w, i) => expect(Math.abs(w - onTf.weights[i])).toBeLessThan(1e-5));
  });

  it('keeps TensorFlow.js tensors and the free buffers flat over 100,000 steps of a small model', () => {
    const net = network(5);
    const opt = new Adam(net, { lr: 0.01 });
    const x = tensor(new Random(6).uniformArray(20, -1, 1), [10, 2]);
    const y = tensor(Float32Array.from({ length: 10 }, (_, i) => i % 2), [10, 1]);
    const step = () =>
      tidy(() => {
        opt.zeroGrad();
        const loss = mseLoss(sigmoid(net.forward(x)), y);
        loss.backward();
        opt.step();
        return loss.item();
      });
    for (let i = 0; i < 100; i++) step();
    const [tensors, buffers] = [tf.memory().numTensors, pooledBuffers()];
    let last = 0;
    for (let i = 0; i < 100_000; i++) last = step();
    expect(tf.memory().numTensors).toBe(tensors);
    expect(pooledBuffers()).toBe(buffers);
    expect(Number.isFinite(last)).toBe(true);
    opt.dispose();
    net.dispose();
  }, 120_000);

  it('fuses a linear layer into one node on the small path and gives the gradients of matmul and add', () => {
    const rng = new Random(8);
    const [xv, wv, bv] = [rng.uniformArray(15, -1, 1), rng.uniformArray(12, -1, 1), rng.uniformArray(4, -1, 1)];
    const run = () =>
      tidy(() => {
        const x = tensor(xv, [5, 3], { requiresGrad: true });
        const w = tensor(wv, [3, 4], { requiresGrad: true });
        const b = tensor(bv, [4], { requiresGrad: true });
        const y = linear(x, w, b);
        sum(mul(y, y)).backward();
        return { op: y.op, values: [y, x.grad!, w.grad!, b.grad!].map((t) => Array.from(t.data())) };
      });
    const small = run();
    const large = withSmallLimits({ elements: 0, product: 0 }, run);
    expect(small.op).toBe('linear');
    expect(large.op).toBe('add');
    small.values.forEach((v, k) => v.forEach((e, i) => expect(Math.abs(e - large.values[k][i])).toBeLessThan(1e-5)));
  });

  it('takes larger limits where TensorFlow.js kernels cost more to start (plain JS, WebGL) than on WebAssembly', () => {
    expect(limitsFor('wasm')).toEqual(DEFAULTS);
    expect(limitsFor('cpu').product).toBeGreaterThan(DEFAULTS.product);
    expect(limitsFor('webgl').product).toBeGreaterThan(DEFAULTS.product);
    // The character model's recurrent weight (128 × 512) lives on the small path everywhere.
    for (const backend of ['wasm', 'cpu', 'webgl']) expect(limitsFor(backend).elements).toBeGreaterThanOrEqual(128 * 512);
    // A batch of 32 sequences through an LSTM of 128 (2 million multiply-adds) still goes to the GPU.
    expect(limitsFor('webgl').product).toBeLessThan(32 * 128 * 512);
  });
});
