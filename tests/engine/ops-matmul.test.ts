import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { matmul } from '../../src/engine/ops';
import { tensor, tidy } from '../../src/engine/tensor';
import { describeEachBackend } from '../support/backends';
import { gradcheck, nd, sample, type Nd } from '../support/gradcheck';

/** Float64 matrix product; a batch of matrices against a batch, or every matrix against one. */
function matmulRef(a: Nd, b: Nd): Nd {
  const batched = a.shape.length === 3;
  const [batch, m, k] = batched ? a.shape : [1, ...a.shape];
  const n = b.shape[b.shape.length - 1];
  const shared = b.shape.length === 2;
  const data: number[] = [];
  for (let t = 0; t < batch; t++) {
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let acc = 0;
        for (let p = 0; p < k; p++) acc += a.data[(t * m + i) * k + p] * b.data[(shared ? 0 : t * k * n) + p * n + j];
        data.push(acc);
      }
    }
  }
  return nd(data, batched ? [batch, m, n] : [m, n]);
}

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
