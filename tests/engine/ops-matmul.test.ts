import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { matmul } from '../../src/engine/ops';
import { tensor, tidy } from '../../src/engine/tensor';
import { describeEachBackend } from '../support/backends';
import { gradcheck, nd, sample } from '../support/gradcheck';
import { matmulRef } from './op-references';

const cases: [number[], number[]][] = [
  [[1, 1], [1, 1]],
  [[3, 4], [4, 2]],
  [[2, 3, 4], [2, 4, 5]],
  [[2, 3, 4], [4, 5]],
];

describeEachBackend('matmul', (backend) => {
  for (const [sa, sb] of cases) {
    it(`[${sa}]×[${sb}] matches float64 finite differences and tf.grads`, () => {
      const n = (s: number[]) => s.reduce((p, d) => p * d, 1);
      gradcheck(backend, {
        op: 'matmul',
        inputs: [nd(sample(n(sa), 31), sa), nd(sample(n(sb), 32), sb)],
        engine: matmul,
        reference: matmulRef,
        tfReference:
          sa.length === 3 && sb.length === 2
            ? (a, b) => tf.reshape(tf.matMul(tf.reshape(a, [sa[0] * sa[1], sa[2]]), b), [sa[0], sa[1], sb[1]])
            : (a, b) => tf.matMul(a, b),
      });
    });
  }

  it('large entries: products near 1e18 keep float32 relative accuracy', () => {
    gradcheck(backend, {
      op: 'matmul',
      inputs: [nd([1e9, -2e9, 3e9, 4e9], [2, 2]), nd([5e8, 1e9, -1e9, 2e9], [2, 2])],
      engine: matmul,
      reference: matmulRef,
    });
  });

  it('mismatched shapes name the op', () => {
    tidy(() => {
      expect(() => matmul(tensor([[1, 2]]), tensor([[1, 2]]))).toThrow(/^matmul: shapes \[1,2\] and \[1,2\] do not match/);
      expect(() => matmul(tensor([1, 2]), tensor([[1], [2]]))).toThrow(/^matmul: expects/);
    });
  });
});
