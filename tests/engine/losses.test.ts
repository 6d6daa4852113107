import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import {
  bceWithLogits,
  binaryCrossEntropy,
  crossEntropy,
  hingeLoss,
  huberLoss,
  l1Loss,
  mseLoss,
  multiMarginLoss,
  nllLoss,
  oneHot,
} from '../../src/engine/losses';
import { logSoftmax } from '../../src/engine/ops';
import { parameter, tensor, tidy, type Tensor } from '../../src/engine/tensor';
import { describeEachBackend, tolerance } from '../support/backends';
import { expectClose, gradCheck } from './nn-support';

// Plain-JS float64 references.
const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
const sigma = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
function logSumExp(row: number[]): number {
  const m = Math.max(...row);
  return m + Math.log(row.reduce((s, v) => s + Math.exp(v - m), 0));
}
function softmaxRow(row: number[]): number[] {
  const lse = logSumExp(row);
  return row.map((v) => Math.exp(v - lse));
}

/** Value and gradient (w.r.t. the first argument) of a loss, read back as plain numbers. */
function valueAndGrad(lossOf: (p: Tensor) => Tensor, values: number[] | number[][]): { value: number; grad: number[] } {
  const p = parameter(tf.tensor(values), 'p');
  const out = tidy(() => {
    const l = lossOf(p);
    l.backward();
    return { value: l.item(), grad: Array.from(p.grad!.data()) };
  });
  p.dispose();
  return out;
}

describeEachBackend('losses', (backend) => {
  const tol = tolerance(backend);
  const p = [2.5, 0.0, 2.1, 7.8, -1.2, 0.4];
  const t = [3.0, -0.5, 2.0, 7.5, 1.5, 0.4];

  it('mseLoss, l1Loss, huberLoss: values and gradients against float64 references', () => {
    const before = tf.memory().numTensors;
    const target = tensor(t);
    const d = p.map((v, i) => v - t[i]);
    const mse = valueAndGrad((x) => mseLoss(x, target), p);
    expect(mse.value).toBeCloseTo(mean(d.map((v) => v * v)), 5);
    expectClose(mse.grad, d.map((v) => (2 * v) / p.length), tol, 'mse gradient');
    const l1 = valueAndGrad((x) => l1Loss(x, target), p);
    expect(l1.value).toBeCloseTo(mean(d.map(Math.abs)), 5);
    expectClose(l1.grad, d.map((v) => Math.sign(v) / p.length), tol, 'l1 gradient');
    for (const delta of [1, 0.4]) {
      const huber = valueAndGrad((x) => huberLoss(x, target, { delta }), p);
      const ref = d.map((v) => (Math.abs(v) <= delta ? 0.5 * v * v : delta * (Math.abs(v) - 0.5 * delta)));
      expect(huber.value).toBeCloseTo(mean(ref), 5);
      const refGrad = d.map((v) => (Math.abs(v) <= delta ? v : delta * Math.sign(v)) / p.length);
      expectClose(huber.grad, refGrad, tol, `huber gradient, delta ${delta}`);
    }
    tidy(() => {
      expect(mseLoss(tensor(p), target, { reduction: 'sum' }).item()).toBeCloseTo(d.reduce((s, v) => s + v * v, 0), 4);
      expect(l1Loss(tensor(p), target, { reduction: 'none' }).shape).toEqual([6]);
    });
    expect(() => tidy(() => mseLoss(tensor([[1], [2]]), tensor([1, 2])))).toThrow(/same shape/);
    target.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('bceWithLogits: finite and exact for logits ±1000 and at 0, gradient σ(z) − t', () => {
    const before = tf.memory().numTensors;
    const z = [1000, -1000, 1000, -1000, 0, 0, 3.5, -2];
    const y = [1, 0, 0, 1, 1, 0, 1, 0.3];
    const target = tensor(y);
    const r = valueAndGrad((x) => bceWithLogits(x, target), z);
    const ref = z.map((v, i) => Math.max(v, 0) - v * y[i] + Math.log1p(Math.exp(-Math.abs(v))));
    expect(Number.isFinite(r.value)).toBe(true);
    expect(r.value).toBeCloseTo(mean(ref), 3);
    expectClose(r.grad, z.map((v, i) => (sigma(v) - y[i]) / z.length), tol, 'gradient');
    target.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('binaryCrossEntropy on probabilities: matches the formula, stays finite at 0 and 1', () => {
    const before = tf.memory().numTensors;
    const probs = [0.9, 0.2, 0.6, 0.05];
    const y = [1, 0, 1, 1];
    const target = tensor(y);
    const r = valueAndGrad((x) => binaryCrossEntropy(x, target), probs);
    expect(r.value).toBeCloseTo(mean(probs.map((q, i) => -(y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q)))), 5);
    expectClose(r.grad, probs.map((q, i) => (q - y[i]) / (q * (1 - q)) / probs.length), tol, 'gradient');
    tidy(() => {
      const saturated = binaryCrossEntropy(tensor([0, 1, 1, 0]), tensor([1, 0, 1, 0])).item();
      expect(Number.isFinite(saturated)).toBe(true);
      // Two confident mistakes capped at −log(1e-7) each, two right answers near 0.
      expect(saturated).toBeCloseTo((2 * -Math.log(1e-7)) / 4, 1);
    });
    target.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('crossEntropy: values for class indices and one-hot targets, finite for logits ±1000', () => {
    const before = tf.memory().numTensors;
    const logits = [
      [2.0, 1.0, 0.1],
      [1000, 0, -1000],
      [-1000, 1000, 0],
      [0.5, -0.5, 3],
    ];
    const targets = [0, 2, 1, 1];
    const perExample = logits.map((row, i) => logSumExp(row) - row[targets[i]]);
    const r = valueAndGrad((x) => crossEntropy(x, targets), logits);
    expect(Number.isFinite(r.value)).toBe(true);
    expect(r.value / mean(perExample)).toBeCloseTo(1, 4);
    // d/dz = (softmax(z) − onehot) / batch.
    const refGrad = logits.flatMap((row, i) => softmaxRow(row).map((s, j) => (s - (j === targets[i] ? 1 : 0)) / logits.length));
    expectClose(r.grad, refGrad, tol, 'gradient');
    expect(r.grad.every(Number.isFinite)).toBe(true);
    const viaOneHot = tidy(() => {
      const oh = oneHot(targets, 3);
      return crossEntropy(tensor(logits), oh).item();
    });
    expect(viaOneHot / r.value).toBeCloseTo(1, 4);
    tidy(() => {
      const none = crossEntropy(tensor(logits), targets, { reduction: 'none' }).data();
      expectClose(none, perExample, 1e-4, 'per-example losses');
    });
    expect(() => tidy(() => crossEntropy(tensor(logits), [0, 3, 1, 1]))).toThrow(/class 3 out of range/);
    expect(() => tidy(() => crossEntropy(tensor(logits), [0, 1]))).toThrow(/2 targets for a batch of 4/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('nllLoss on logSoftmax equals crossEntropy; soft targets have the right gradient', () => {
    const before = tf.memory().numTensors;
    const logits = [
      [0.3, -1.2, 2.2],
      [1.1, 0.4, -0.7],
    ];
    tidy(() => {
      const ce = crossEntropy(tensor(logits), [2, 0]).item();
      const nll = nllLoss(logSoftmax(tensor(logits), 1), [2, 0]).item();
      expect(nll).toBeCloseTo(ce, 5);
    });
    const soft = [
      [0.2, 0.3, 0.5],
      [0.6, 0.4, 0],
    ];
    const softTarget = tensor(soft);
    const r = valueAndGrad((x) => crossEntropy(x, softTarget), logits);
    expect(r.value).toBeCloseTo(mean(logits.map((row, i) => logSumExp(row) - row.reduce((s, v, j) => s + v * soft[i][j], 0))), 5);
    expectClose(r.grad, logits.flatMap((row, i) => softmaxRow(row).map((s, j) => (s - soft[i][j]) / 2)), tol, 'soft gradient');
    softTarget.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('crossEntropy with labelSmoothing: the smoothed targets (1 − ε)·one-hot + ε/K, value and gradient', () => {
    const before = tf.memory().numTensors;
    const logits = [
      [0.3, -1.2, 2.2],
      [1.1, 0.4, -0.7],
    ];
    const labels = [2, 0];
    const eps = 0.1;
    const smoothed = labels.map((c) => [0, 1, 2].map((k) => (k === c ? 1 - eps : 0) + eps / 3));
    const r = valueAndGrad((x) => crossEntropy(x, labels, { labelSmoothing: eps }), logits);
    expect(r.value).toBeCloseTo(mean(logits.map((row, i) => logSumExp(row) - row.reduce((s, v, j) => s + v * smoothed[i][j], 0))), 5);
    expectClose(r.grad, logits.flatMap((row, i) => softmaxRow(row).map((p, j) => (p - smoothed[i][j]) / 2)), tol, 'smoothed gradient');
    tidy(() => {
      expect(crossEntropy(tensor(logits), labels, { labelSmoothing: 0 }).item()).toBeCloseTo(crossEntropy(tensor(logits), labels).item(), 6);
      const oneHot = tensor(labels.map((c) => [0, 1, 2].map((k) => (k === c ? 1 : 0))));
      expect(crossEntropy(tensor(logits), oneHot, { labelSmoothing: eps }).item()).toBeCloseTo(r.value, 5);
    });
    expect(() => tidy(() => crossEntropy(tensor(logits), labels, { labelSmoothing: 1.5 }))).toThrow(/labelSmoothing must be in \[0, 1\]/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('hingeLoss and multiMarginLoss: values and gradients', () => {
    const before = tf.memory().numTensors;
    const s = [2.0, 0.3, -0.4, -3];
    const y = [1, 1, 1, -1];
    const labels = tensor(y);
    const r = valueAndGrad((x) => hingeLoss(x, labels), s);
    expect(r.value).toBeCloseTo(mean(s.map((v, i) => Math.max(0, 1 - y[i] * v))), 5);
    expectClose(r.grad, s.map((v, i) => (1 - y[i] * v > 0 ? -y[i] : 0) / s.length), tol, 'hinge gradient');
    expect(() => tidy(() => hingeLoss(tensor([1, 2]), tensor([1, 0])))).toThrow(/\+1 or −1/);
    const scores = [
      [1.0, 2.5, 0.2],
      [0.1, -0.3, 0.4],
    ];
    const targets = [1, 0];
    const m = valueAndGrad((x) => multiMarginLoss(x, targets), scores);
    const ref = scores.map((row, i) => row.reduce((acc, v, j) => (j === targets[i] ? acc : acc + Math.max(0, 1 - row[targets[i]] + v)), 0) / 3);
    expect(m.value).toBeCloseTo(mean(ref), 5);
    const x = parameter(tf.tensor(scores), 'scores');
    gradCheck(() => multiMarginLoss(x, targets), [x], { backend, h: 1e-3 });
    x.dispose();
    labels.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
