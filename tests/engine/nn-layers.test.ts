import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import {
  AvgPool2d,
  BatchNorm1d,
  Conv2d,
  Dropout,
  ELU,
  Embedding,
  Flatten,
  GELU,
  LeakyReLU,
  Linear,
  LogSoftmax,
  MaxPool2d,
  ReLU,
  Sequential,
  Sigmoid,
  Softmax,
  Softplus,
  Tanh,
} from '../../src/engine/nn';
import { Random } from '../../src/engine/random';
import { fromTf, parameter, record, tensor, tidy } from '../../src/engine/tensor';
import { describeEachBackend, tolerance } from '../support/backends';
import { expectClose, gradCheck, project, randomValues } from './nn-support';

describeEachBackend('layers', (backend) => {
  it('Linear: shape, value and gradients, also on [batch, time, features]', () => {
    const before = tf.memory().numTensors;
    const layer = new Linear(3, 2, { rng: new Random(1) });
    const x = fromTf(tf.tensor(randomValues(12, 2), [4, 3]));
    tidy(() => {
      const y = layer.forward(x);
      expect(y.shape).toEqual([4, 2]);
      // y = x·W + b, computed in plain JS.
      const [xs, w, b] = [x.data(), layer.weight.data(), layer.bias!.data()];
      const expected = [];
      for (let i = 0; i < 4; i++) for (let j = 0; j < 2; j++) expected.push(b[j] + [0, 1, 2].reduce((s, k) => s + xs[i * 3 + k] * w[k * 2 + j], 0));
      expectClose(y.data(), expected, tolerance(backend), 'Linear output');
      expect(layer.forward(fromTf(tf.zeros([2, 5, 3]))).shape).toEqual([2, 5, 2]);
    });
    gradCheck(() => project(layer.forward(x)), layer.parameters(), { backend });
    expect(() => tidy(() => layer.forward(fromTf(tf.zeros([1, 4]))))).toThrow(/must end in 3/);
    x.dispose();
    layer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('Conv2d: NHWC shapes for valid, same and stride 2, and gradients', () => {
    const before = tf.memory().numTensors;
    const conv = new Conv2d(2, 3, 3, { rng: new Random(1) });
    const x = fromTf(tf.tensor(randomValues(2 * 5 * 5 * 2, 3), [2, 5, 5, 2]));
    tidy(() => {
      expect(conv.forward(x).shape).toEqual([2, 3, 3, 3]);
      const same = new Conv2d(2, 4, 3, { padding: 'same', stride: 2 });
      expect(same.forward(x).shape).toEqual([2, 3, 3, 4]);
      same.dispose();
    });
    expect(conv.weight.shape).toEqual([3, 3, 2, 3]);
    gradCheck(() => project(conv.forward(x)), conv.parameters(), { backend });
    expect(() => tidy(() => conv.forward(fromTf(tf.zeros([1, 5, 5, 3]))))).toThrow(/2 channels/);
    x.dispose();
    conv.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('pooling and Flatten: shapes, values and input gradients', () => {
    const before = tf.memory().numTensors;
    // Distinct values so that each window has a single maximum.
    const x = parameter(tf.tensor(new Random(4).permutation(32).map((v) => v / 8), [1, 4, 4, 2]), 'x');
    tidy(() => {
      const max = new MaxPool2d(2).forward(x);
      const avg = new AvgPool2d(2).forward(x);
      expect(max.shape).toEqual([1, 2, 2, 2]);
      const v = x.data();
      const at = (r: number, c: number, ch: number) => v[(r * 4 + c) * 2 + ch];
      const window = (r: number, c: number, ch: number) => [at(r, c, ch), at(r, c + 1, ch), at(r + 1, c, ch), at(r + 1, c + 1, ch)];
      const maxRef: number[] = [];
      const avgRef: number[] = [];
      for (const r of [0, 2]) for (const c of [0, 2]) for (const ch of [0, 1]) {
        const w = window(r, c, ch);
        maxRef.push(Math.max(...w));
        avgRef.push(w.reduce((s, a) => s + a, 0) / 4);
      }
      expectClose(max.data(), maxRef, tolerance(backend), 'max pool');
      expectClose(avg.data(), avgRef, tolerance(backend), 'average pool');
      expect(new Flatten().forward(max).shape).toEqual([1, 8]);
      expect(new MaxPool2d(3, { stride: 1 }).forward(x).shape).toEqual([1, 2, 2, 2]);
    });
    // h below half the gap between values (1/8), so no perturbation changes a window's maximum.
    gradCheck(() => project(new Flatten().forward(new MaxPool2d(2).forward(x))), [x], { backend, h: 1e-2, maxEntries: 32 });
    gradCheck(() => project(new AvgPool2d(2, { stride: 1 }).forward(x)), [x], { backend });
    x.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('Dropout: zeroes about p of the entries in training, scales survivors, passes through in eval', () => {
    const before = tf.memory().numTensors;
    const drop = new Dropout(0.25, { rng: new Random(5) });
    tidy(() => {
      const x = fromTf(tf.ones([100, 40]));
      const y = drop.forward(x).data();
      const zeros = y.filter((v) => v === 0).length / y.length;
      expect(zeros).toBeGreaterThan(0.2);
      expect(zeros).toBeLessThan(0.3);
      expect(y.filter((v) => v !== 0).every((v) => Math.abs(v - 4 / 3) < 1e-5)).toBe(true);
      drop.eval();
      expect(drop.forward(x)).toBe(x);
    });
    expect(() => new Dropout(1.5)).toThrow(/\[0, 1\]/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('BatchNorm1d: normalises with batch statistics, tracks running ones, uses them in eval', () => {
    const before = tf.memory().numTensors;
    const bn = new BatchNorm1d(2, { momentum: 0.1 });
    const rows = [
      [1, 10],
      [2, 20],
      [4, 0],
      [5, -6],
    ];
    const x = tensor(rows);
    tidy(() => {
      const y = bn.forward(x).toArray() as number[][];
      for (const f of [0, 1]) {
        const col = rows.map((r) => r[f]);
        const mu = col.reduce((s, v) => s + v, 0) / 4;
        const biased = col.reduce((s, v) => s + (v - mu) ** 2, 0) / 4;
        expectClose(y.map((r) => r[f]), col.map((v) => (v - mu) / Math.sqrt(biased + 1e-5)), tolerance(backend), `feature ${f}`);
        // Running statistics: 0.9·start + 0.1·batch, with the unbiased variance.
        expect(bn.runningMean.dataSync()[f]).toBeCloseTo(0.1 * mu, 4);
        expect(bn.runningVar.dataSync()[f]).toBeCloseTo(0.9 + 0.1 * ((biased * 4) / 3), 3);
      }
      bn.eval();
      const one = bn.forward(tensor([[3, 5]])).data();
      const [m, v] = [bn.runningMean.dataSync(), bn.runningVar.dataSync()];
      expectClose(one, [(3 - m[0]) / Math.sqrt(v[0] + 1e-5), (5 - m[1]) / Math.sqrt(v[1] + 1e-5)], tolerance(backend), 'eval');
      bn.train();
    });
    gradCheck(() => project(bn.forward(x)), bn.parameters(), { backend });
    expect(() => tidy(() => bn.forward(tensor([[1, 2]])))).toThrow(/more than one example/);
    x.dispose();
    bn.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('Embedding: looks up rows, repeated indices accumulate their gradients', () => {
    const before = tf.memory().numTensors;
    const emb = new Embedding(5, 3, { rng: new Random(2) });
    tidy(() => {
      const y = emb.forward([[1, 4, 1], [0, 0, 2]]);
      expect(y.shape).toEqual([2, 3, 3]);
      const w = emb.weight.toArray() as number[][];
      expectClose(y.data(), [1, 4, 1, 0, 0, 2].flatMap((i) => w[i]), 1e-6, 'rows');
      emb.forward([1, 1, 3]).backward(tf.ones([3, 3]));
      expectClose(emb.weight.grad!.data(), [0, 0, 0, 2, 2, 2, 0, 0, 0, 1, 1, 1, 0, 0, 0], 1e-6, 'counts');
    });
    emb.zeroGrad();
    gradCheck(() => project(emb.forward([[1, 4], [1, 0]])), emb.parameters(), { backend });
    expect(() => emb.forward([5])).toThrow(/index 5 out of range/);
    emb.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('activation modules match their formulas', () => {
    const before = tf.memory().numTensors;
    const vals = [-2, -0.5, 0.3, 1.5];
    tidy(() => {
      const x = tensor([vals]);
      const check = (y: ReturnType<typeof tensor>, f: (v: number) => number, what: string) =>
        expectClose(y.data(), vals.map(f), tolerance(backend), what);
      check(new ReLU().forward(x), (v) => Math.max(v, 0), 'ReLU');
      check(new LeakyReLU(0.1).forward(x), (v) => (v > 0 ? v : 0.1 * v), 'LeakyReLU');
      check(new ELU().forward(x), (v) => (v > 0 ? v : Math.exp(v) - 1), 'ELU');
      check(new Tanh().forward(x), Math.tanh, 'Tanh');
      check(new Sigmoid().forward(x), (v) => 1 / (1 + Math.exp(-v)), 'Sigmoid');
      check(new Softplus().forward(x), (v) => Math.log1p(Math.exp(v)), 'Softplus');
      const z = vals.reduce((s, v) => s + Math.exp(v), 0);
      check(new Softmax().forward(x), (v) => Math.exp(v) / z, 'Softmax');
      check(new LogSoftmax().forward(x), (v) => v - Math.log(z), 'LogSoftmax');
      // GELU(0.3) and GELU(−2) from x·Φ(x), Φ evaluated to double precision elsewhere.
      const g = new GELU().forward(x).data();
      expect(g[2]).toBeCloseTo(0.3 * 0.6179114222, 3);
      expect(g[0]).toBeCloseTo(-2 * 0.0227501319, 3);
    });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('Sequential: a small CNN runs end to end and every parameter gets a checked gradient', () => {
    const before = tf.memory().numTensors;
    const rng = new Random(8);
    const model = new Sequential(
      new Conv2d(1, 2, 3, { padding: 'same', rng }),
      new Tanh(),
      new AvgPool2d(2),
      new Flatten(),
      new Linear(8, 3, { rng }),
    );
    const x = fromTf(tf.tensor(randomValues(2 * 4 * 4, 9), [2, 4, 4, 1]));
    tidy(() => {
      expect(model.forward(x).shape).toEqual([2, 3]);
    });
    gradCheck(() => project(model.forward(x)), model.parameters(), { backend, maxEntries: 6 });
    x.dispose();
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('the gradient check itself catches a wrong backward rule', () => {
    const before = tf.memory().numTensors;
    const w = parameter(tf.tensor([0.3, -0.7, 1.1]), 'w');
    // cube with the derivative 2x² instead of 3x²
    const wrongCube = () => record('cube', tf.pow(w.value, 3), [w], (dy) => [tf.mul(dy, tf.mul(tf.square(w.value), 2))]);
    const rightCube = () => record('cube', tf.pow(w.value, 3), [w], (dy) => [tf.mul(dy, tf.mul(tf.square(w.value), 3))]);
    gradCheck(() => project(rightCube()), [w], { backend });
    expect(() => gradCheck(() => project(wrongCube()), [w], { backend })).toThrow(/analytic/);
    w.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
