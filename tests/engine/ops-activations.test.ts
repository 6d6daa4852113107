import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { elu, gelu, leakyRelu, logSoftmax, relu, sigmoid, softmax, softplus, tanh } from '../../src/engine/ops';
import { tensor, tidy, type Tensor } from '../../src/engine/tensor';
import { describeEachBackend } from '../support/backends';
import { gradcheck, map, nd, ravel, reduce, sample, unravel, type Nd } from '../support/gradcheck';

/** erf to float64 precision by its Maclaurin series (|x| < 3) or the continued fraction of erfc. */
function erf(x: number): number {
  const ax = Math.abs(x);
  if (ax < 3) {
    let term = ax;
    let total = ax;
    for (let n = 1; n < 200; n++) {
      term *= (-ax * ax) / n;
      const add = term / (2 * n + 1);
      total += add;
      if (Math.abs(add) < 1e-17 * Math.abs(total)) break;
    }
    return Math.sign(x) * (2 / Math.sqrt(Math.PI)) * total;
  }
  // erfc(x) = exp(-x²)/√π · 1/(x + 1/2/(x + 1/(x + 3/2/(x + …)))), evaluated from the tail.
  let frac = 0;
  for (let n = 60; n >= 1; n--) frac = n / 2 / (ax + frac);
  const erfc = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / (ax + frac);
  return Math.sign(x) * (1 - erfc);
}

const sigmoid64 = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));
const softplus64 = (x: number) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));

/** Softmax or log-softmax along `axis` in float64 (max-subtracted). */
function softmaxRef(a: Nd, axis: number, logarithm: boolean): Nd {
  const m = reduce(a, [axis], true, (v) => Math.max(...v));
  const kept = a.shape.map((d, i) => (i === axis ? 1 : d));
  const groupOf = (i: number) => ravel(unravel(i, a.shape).map((v, k) => (k === axis ? 0 : v)), kept);
  const lse = reduce(map(a, (v, i) => Math.exp(v - m.data[groupOf(i)])), [axis], true, (v) => Math.log(v.reduce((s, x) => s + x, 0)));
  return map(a, (v, i) => {
    const l = v - m.data[groupOf(i)] - lse.data[groupOf(i)];
    return logarithm ? l : Math.exp(l);
  });
}

type Unary = (x: Tensor) => Tensor;
const activations: { op: string; engine: Unary; f: (x: number) => number; tfOp?: (x: tf.Tensor) => tf.Tensor; kinks?: number[]; extreme: number[] }[] = [
  { op: 'relu', engine: relu, f: (x) => Math.max(x, 0), tfOp: tf.relu, kinks: [0], extreme: [-1e30, 1e30] },
  { op: 'leakyRelu', engine: (x) => leakyRelu(x, 0.1), f: (x) => (x > 0 ? x : 0.1 * x), tfOp: (x) => tf.leakyRelu(x, 0.1), kinks: [0], extreme: [-1e30, 1e30] },
  { op: 'elu', engine: (x) => elu(x, 1.5), f: (x) => (x > 0 ? x : 1.5 * Math.expm1(x)), kinks: [0], extreme: [-100, 1e-6, -1e-6, 100] },
  { op: 'sigmoid', engine: sigmoid, f: sigmoid64, tfOp: tf.sigmoid, extreme: [-40, -80, -100] },
  { op: 'tanh', engine: tanh, f: Math.tanh, tfOp: tf.tanh, extreme: [-5, 5] },
  { op: 'softplus', engine: softplus, f: softplus64, tfOp: tf.softplus, extreme: [-50, 50, -1e4, 1e4] },
  { op: 'gelu', engine: gelu, f: (x) => 0.5 * x * (1 + erf(x / Math.SQRT2)), extreme: [-8, 8, 30] },
];

describeEachBackend('activations', (backend) => {
  for (const { op, engine, f, tfOp, kinks, extreme } of activations) {
    it(`${op}: scalar and [2,3] inputs match float64 finite differences and tf.grads`, () => {
      const ref = (x: Nd) => map(x, f);
      gradcheck(backend, { op, inputs: [nd([0.7], [])], engine, reference: ref, tfReference: tfOp });
      gradcheck(backend, { op, inputs: [nd(sample(6, 61, -3, 3, kinks), [2, 3])], engine, reference: ref, tfReference: tfOp });
    });
    it(`${op}: extreme inputs [${extreme}] keep finite, accurate gradients`, () => {
      gradcheck(backend, { op, inputs: [nd(extreme)], engine, reference: (x) => map(x, f) });
    });
  }

  it('sigmoid(2) = 0.8807970779778823, the value the book works by hand', () => {
    const y = tidy(() => sigmoid(tensor(2)).item());
    expect(Math.abs(y - 0.8807970779778823)).toBeLessThan(2 ** -24 * 4);
  });

  it('sigmoid(±40) has the gradient 4.25e-18 to float32 precision, where σ(1−σ) would give 0', () => {
    // Alone, so the relative error is judged against the tiny true gradient itself. At +40 even
    // float64 rounds σ to 1 and finite differences see a flat function, so that side is checked
    // against the closed form e⁻⁴⁰/(1+e⁻⁴⁰)² (σ' is even).
    gradcheck(backend, { op: 'sigmoid', inputs: [nd([-40], [])], engine: sigmoid, reference: (v) => map(v, sigmoid64) });
    const exact = Math.exp(-40) / (1 + Math.exp(-40)) ** 2;
    const grads = tidy(() =>
      [40, -40].map((v) => {
        const x = tensor(v, undefined, { requiresGrad: true });
        sigmoid(x).backward();
        return x.grad!.item();
      }),
    );
    for (const g of grads) expect(Math.abs(g - exact) / exact).toBeLessThan(backend === 'webgl' ? 1e-2 : 1e-5);
  });

  it('relu, leakyRelu and elu at exactly 0 use the PyTorch conventions (0, alpha, alpha)', () => {
    const g = tidy(() => {
      const xs = [relu, (x: Tensor) => leakyRelu(x, 0.25), (x: Tensor) => elu(x, 0.5)].map((fn) => {
        const x = tensor(0, undefined, { requiresGrad: true });
        fn(x).backward();
        return x.grad!.item();
      });
      return xs;
    });
    expect(g).toEqual([0, 0.25, 0.5]);
  });

  for (const [name, engine, logarithm, tfOp] of [
    ['softmax', softmax, false, tf.softmax],
    ['logSoftmax', logSoftmax, true, tf.logSoftmax],
  ] as const) {
    it(`${name} over the last axis and over axis 0`, () => {
      gradcheck(backend, {
        op: name,
        inputs: [nd(sample(12, 62, -3, 3), [3, 4])],
        engine: (x) => engine(x),
        reference: (x) => softmaxRef(x, 1, logarithm),
        tfReference: (x) => tfOp(x),
      });
      gradcheck(backend, {
        op: name,
        inputs: [nd(sample(12, 63, -3, 3), [3, 4])],
        engine: (x) => engine(x, 0),
        reference: (x) => softmaxRef(x, 0, logarithm),
      });
    });

    it(`${name} of logits [1000, 0, -1000] stays finite and exact`, () => {
      const values = tidy(() => engine(tensor([1000, 0, -1000])).toArray() as number[]);
      values.forEach((v) => expect(Number.isNaN(v)).toBe(false));
      if (logarithm) expect(values).toEqual([0, -1000, -2000]);
      else expect(values).toEqual([1, 0, 0]);
      gradcheck(backend, {
        op: name,
        inputs: [nd([1000, 0, -1000, 3, 3, 3], [2, 3])],
        engine: (x) => engine(x),
        reference: (x) => softmaxRef(x, 1, logarithm),
      });
    });
  }
});
