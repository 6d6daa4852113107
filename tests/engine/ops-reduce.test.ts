import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { argmax, max, mean, sum } from '../../src/engine/ops';
import { tensor, tidy } from '../../src/engine/tensor';
import { describeEachBackend } from '../support/backends';
import { gradcheck, nd, reduce, sample } from '../support/gradcheck';

const reductions = [
  { op: 'sum', engine: sum, f: (v: number[]) => v.reduce((a, b) => a + b, 0), tfOp: tf.sum },
  { op: 'mean', engine: mean, f: (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length, tfOp: tf.mean },
  { op: 'max', engine: max, f: (v: number[]) => Math.max(...v), tfOp: tf.max },
] as const;

const cases: { shape: number[]; axis?: number | number[]; keepDims: boolean }[] = [
  { shape: [], keepDims: false },
  { shape: [2, 3, 4], keepDims: false },
  { shape: [2, 3, 4], axis: 1, keepDims: false },
  { shape: [2, 3, 4], axis: -1, keepDims: true },
  { shape: [2, 3, 4], axis: [0, 2], keepDims: true },
];

describeEachBackend('reductions', (backend) => {
  for (const { op, engine, f, tfOp } of reductions) {
    for (const { shape, axis, keepDims } of cases) {
      it(`${op} of [${shape}] over ${axis ?? 'all axes'}${keepDims ? ', keepDims' : ''} matches finite differences and tf.grads`, () => {
        const n = shape.reduce((p, d) => p * d, 1);
        const rank = shape.length;
        const axes = axis === undefined ? shape.map((_, i) => i) : (Array.isArray(axis) ? axis : [axis]).map((a) => (a + rank) % rank);
        gradcheck(backend, {
          op,
          inputs: [nd(sample(n, 21 + rank), shape)],
          engine: (x) => engine(x, axis, keepDims),
          reference: (x) => reduce(x, axes, keepDims, f),
          tfReference: (x) => tfOp(x, axis, keepDims),
        });
      });
    }
  }

  it('max splits the gradient evenly among tied maxima', () => {
    const g = tidy(() => {
      const x = tensor([[1, 3, 3], [2, 0, 1]], undefined, { requiresGrad: true });
      max(x, 1).backward();
      return x.grad!.toArray();
    });
    expect(g).toEqual([[0, 0.5, 0.5], [1, 0, 0]]);
  });

  it('argmax returns plain indices, the first on ties, and leaves no tensor behind', () => {
    const before = tf.memory().numTensors;
    const x = tensor([[0.1, 2, 2], [5, -1, 0]]);
    expect(argmax(x, 1)).toEqual([1, 0]);
    expect(argmax(x)).toEqual([1, 0]);
    expect(argmax(x, 0)).toEqual([1, 0, 0]);
    x.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('an axis out of range names the op', () => {
    tidy(() => {
      expect(() => sum(tensor([1, 2]), 2)).toThrow(/^sum: axis 2 is out of range/);
    });
  });
});
