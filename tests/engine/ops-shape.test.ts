import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { concat, gather, reshape, slice, squeeze, stack, transpose, unsqueeze } from '../../src/engine/ops';
import { tensor, tidy } from '../../src/engine/tensor';
import { describeEachBackend } from '../support/backends';
import { gradcheck, nd, ravel, sample, size, unravel, type Nd } from '../support/gradcheck';

function transposeRef(a: Nd, perm: number[]): Nd {
  const shape = perm.map((p) => a.shape[p]);
  const data = Array.from({ length: a.data.length }, (_, i) => {
    const idx = unravel(i, shape);
    const src = new Array<number>(perm.length);
    perm.forEach((p, k) => (src[p] = idx[k]));
    return a.data[ravel(src, a.shape)];
  });
  return nd(data, shape);
}

/** Entries of `a` at index `pick(outIndex)` for every index of an output of `shape`. */
function take(a: Nd, shape: number[], pick: (idx: number[]) => number[]): Nd {
  return nd(Array.from({ length: size(shape) }, (_, i) => a.data[ravel(pick(unravel(i, shape)), a.shape)]), shape);
}

function concatRef(parts: Nd[], axis: number): Nd {
  const sizes = parts.map((p) => p.shape[axis]);
  const shape = [...parts[0].shape];
  shape[axis] = sizes.reduce((a, b) => a + b, 0);
  const data = Array.from({ length: size(shape) }, (_, i) => {
    const idx = unravel(i, shape);
    let k = 0;
    let off = idx[axis];
    while (off >= sizes[k]) off -= sizes[k++];
    const src = [...idx];
    src[axis] = off;
    return parts[k].data[ravel(src, parts[k].shape)];
  });
  return nd(data, shape);
}

describeEachBackend('shape ops', (backend) => {
  it('reshape (with -1) passes gradients through unchanged', () => {
    gradcheck(backend, {
      op: 'reshape',
      inputs: [nd(sample(12, 41), [2, 3, 2])],
      engine: (x) => reshape(x, [-1, 4]),
      reference: (x) => nd(x.data, [3, 4]),
      tfReference: (x) => tf.reshape(x, [3, 4]),
    });
  });

  for (const perm of [undefined, [0, 2, 1], [2, 0, 1]]) {
    it(`transpose ${perm ? `[${perm}]` : '(reversed axes)'}`, () => {
      const p = perm ?? [2, 1, 0];
      gradcheck(backend, {
        op: 'transpose',
        inputs: [nd(sample(24, 42), [2, 3, 4])],
        engine: (x) => transpose(x, perm),
        reference: (x) => transposeRef(x, p),
        tfReference: (x) => tf.transpose(x, p),
      });
    });
  }

  it('concat along a middle axis and along the last (negative) axis', () => {
    gradcheck(backend, {
      op: 'concat',
      inputs: [nd(sample(6, 43), [2, 1, 3]), nd(sample(12, 44), [2, 2, 3]), nd(sample(6, 45), [2, 1, 3])],
      engine: (a, b, c) => concat([a, b, c], 1),
      reference: (a, b, c) => concatRef([a, b, c], 1),
      tfReference: (a, b, c) => tf.concat([a, b, c], 1),
    });
    gradcheck(backend, {
      op: 'concat',
      inputs: [nd(sample(4, 46), [2, 2]), nd(sample(6, 47), [2, 3])],
      engine: (a, b) => concat([a, b], -1),
      reference: (a, b) => concatRef([a, b], 1),
    });
  });

  it('stack along a new middle axis', () => {
    gradcheck(backend, {
      op: 'stack',
      inputs: [nd(sample(6, 48), [2, 3]), nd(sample(6, 49), [2, 3])],
      engine: (a, b) => stack([a, b], 1),
      reference: (a, b) => take(concatRef([nd(a.data, [2, 1, 3]), nd(b.data, [2, 1, 3])], 1), [2, 2, 3], (i) => i),
      tfReference: (a, b) => tf.stack([a, b], 1),
    });
  });

  it('squeeze and unsqueeze', () => {
    gradcheck(backend, {
      op: 'squeeze',
      inputs: [nd(sample(6, 50), [2, 1, 3, 1])],
      engine: (x) => unsqueeze(squeeze(x), 0),
      reference: (x) => nd(x.data, [1, 2, 3]),
    });
    tidy(() => {
      expect(squeeze(tensor([[1, 2]]), 0).shape).toEqual([2]);
      expect(unsqueeze(tensor([1, 2]), -1).shape).toEqual([2, 1]);
      expect(() => squeeze(tensor([[1, 2]]), 1)).toThrow(/^squeeze: axis 1/);
    });
  });

  it('slice (with -1 for "to the end") pads its gradient back with zeros', () => {
    gradcheck(backend, {
      op: 'slice',
      inputs: [nd(sample(24, 51), [2, 3, 4])],
      engine: (x) => slice(x, [1, 0, 1], [1, -1, 2]),
      reference: (x) => take(x, [1, 3, 2], ([i, j, k]) => [i + 1, j, k + 1]),
      tfReference: (x) => tf.slice(x, [1, 0, 1], [1, 3, 2]),
    });
    tidy(() => {
      expect(() => slice(tensor([1, 2, 3]), [2], [2])).toThrow(/^slice: begin \[2\] with size \[2\] lies outside \[3\]/);
    });
  });

  it('gather with repeated indices sums their gradients (axis 0: an embedding lookup)', () => {
    const idx = [2, 0, 2, 3, 2];
    gradcheck(backend, {
      op: 'gather',
      inputs: [nd(sample(12, 52), [4, 3])],
      engine: (x) => gather(x, idx),
      reference: (x) => take(x, [5, 3], ([i, j]) => [idx[i], j]),
    });
  });

  it('gather along a middle axis', () => {
    const idx = [1, 1, 0];
    gradcheck(backend, {
      op: 'gather',
      inputs: [nd(sample(12, 53), [2, 2, 3])],
      engine: (x) => gather(x, idx, 1),
      reference: (x) => take(x, [2, 3, 3], ([a, i, b]) => [a, idx[i], b]),
    });
  });

  // Only cpu has tfjs's stock gather gradient kernel (UnsortedSegmentSum) in every environment.
  it.runIf(backend === 'cpu')('gather agrees with tf.grads where tfjs has its stock gradient', () => {
    const idx = [1, 0, 1];
    gradcheck(backend, {
      op: 'gather',
      inputs: [nd(sample(6, 54), [3, 2])],
      engine: (x) => gather(x, idx),
      reference: (x) => take(x, [3, 2], ([i, j]) => [idx[i], j]),
      tfReference: (x) => tf.gather(x, tf.tensor1d(idx, 'int32')),
    });
  });

  it('an index out of range names the op', () => {
    tidy(() => {
      expect(() => gather(tensor([1, 2, 3]), [3])).toThrow(/^gather: index 3 is out of range \[0, 3\)/);
    });
  });

  it('reshape and transpose errors name the op', () => {
    tidy(() => {
      expect(() => reshape(tensor([1, 2, 3]), [2, 2])).toThrow(/^reshape:/);
      expect(() => transpose(tensor([[1, 2]]), [0, 0])).toThrow(/^transpose:/);
    });
  });
});
