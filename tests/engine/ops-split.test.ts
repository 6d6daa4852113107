import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { add, concat, matmul, mul, split, sum } from '../../src/engine/ops';
import { parameter, tensor, tidy } from '../../src/engine/tensor';
import { describeEachBackend } from '../support/backends';
import { gradcheck, nd, sample } from '../support/gradcheck';
import { concatRef, scaleRef, sliceRef } from './op-references';

describeEachBackend('split', (backend) => {
  it('equal pieces, each scaled differently and joined again', () => {
    gradcheck(backend, {
      op: 'split',
      inputs: [nd(sample(24, 61), [2, 12])],
      engine: (x) => concat(split(x, 4, 1).map((p, k) => mul(p, k + 1)), 1),
      reference: (x) => concatRef([0, 1, 2, 3].map((k) => scaleRef(sliceRef(x, 1, 3 * k, 3), k + 1)), 1),
    });
  });

  it('unequal sizes, in reverse order, plus a direct use of the input', () => {
    gradcheck(backend, {
      op: 'split',
      inputs: [nd(sample(30, 62), [5, 3, 2])],
      engine: (x) => add(concat(split(x, [3, 2], 0).reverse(), 0), x),
      reference: (x) => {
        const joined = concatRef([sliceRef(x, 0, 3, 2), sliceRef(x, 0, 0, 3)], 0);
        return nd(joined.data.map((v, i) => v + x.data[i]), x.shape);
      },
    });
  });

  it('a piece that is never used gets a zero gradient; the output may itself be a piece', () => {
    gradcheck(backend, {
      op: 'split',
      inputs: [nd(sample(12, 63), [3, 4])],
      engine: (x) => split(x, 3, 0)[1],
      reference: (x) => sliceRef(x, 0, 1, 1),
    });
  });

  it('rejects sizes that do not fill the axis', () => {
    const x = tensor(sample(12, 64), [3, 4]);
    expect(() => split(x, 3, 1)).toThrow(/split: axis 1 of \[3,4\] \(size 4\) cannot be cut into 3 equal pieces/);
    expect(() => split(x, [1, 1], 1)).toThrow(/split: sizes \[1,1\] must be positive and add up to 4/);
    x.dispose();
  });

  it('a piece used twice and one used not at all leave no tfjs tensor behind', () => {
    const w = parameter(tf.tensor2d(sample(8, 65), [2, 4]));
    const before = tf.memory().numTensors;
    const grad = tidy(() => {
      const [a, , c] = split(w, [1, 2, 1], 1);
      sum(add(mul(a, a), c)).backward();
      return Array.from(w.grad!.data());
    });
    expect(tf.memory().numTensors).toBe(before);
    const values = Array.from(w.value.dataSync());
    // d/dw of Σ a² + c: 2a in column 0, 0 in columns 1–2, 1 in column 3.
    const expected = values.map((v, i) => [2 * v, 0, 0, 1][i % 4]);
    grad.forEach((g, i) => expect(g).toBeCloseTo(expected[i], 5));
    w.dispose();
  });
});

describeEachBackend('a weight used at many steps', () => {
  it('gives the right input gradient before and after the weight is updated in place', () => {
    const w = parameter(tf.tensor2d([1, 2, 3, 4], [2, 2]));
    // Asking for the variable moves a small parameter into TensorFlow.js for good, before the count.
    const variable = w.value as tf.Variable;
    const before = tf.memory().numTensors;
    const [first, second] = tidy(() => {
      const gradOfInput = () => {
        const h = tensor([1, -1], [1, 2], { requiresGrad: true });
        // Two steps through the same weight, as a recurrent layer does: y = h·W·W.
        sum(matmul(matmul(h, w), w)).backward();
        return Array.from(h.grad!.data());
      };
      const a = gradOfInput();
      variable.assign(tf.tensor2d([0, 1, 1, 0], [2, 2]));
      return [a, gradOfInput()];
    });
    // d/dh Σ h·W·W = (W·W·1)ᵀ: W·W = [[7, 10], [15, 22]] gives [17, 37]; the swap W·W = I gives [1, 1].
    expect(first).toEqual([17, 37]);
    expect(second).toEqual([1, 1]);
    expect(tf.memory().numTensors).toBe(before);
    w.dispose();
  });
});
