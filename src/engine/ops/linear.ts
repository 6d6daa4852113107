// A fully connected layer's y = x·W + b as one op on the small path: one node, one loop each way,
// where matmul and add would be two nodes, a broadcast of the bias forward and a sum back (on the
// Lab's 2-8-8-1 network these are a good part of a step). Off the small path it is those two ops,
// as before: TensorFlow.js fuses nothing, and a graph of a large layer stays the familiar one.
//   dx = dy·Wᵀ,  dW = xᵀ·dy,  db = Σ over rows of dy
import type * as tf from '@tensorflow/tfjs-core';
import { recordSmall, smallValues, unbroadcast, type Tensor } from '../tensor';
import { productFitsSmall } from '../small/limits';
import { matmulInto } from '../small/kernels';
import { buffer } from '../small/pool';
import { add } from './arithmetic';
import { matmul, product } from './matmul';

/** x: [m, k], w: [k, n], b: [n] or null → [m, n]. */
export function linear(x: Tensor, w: Tensor, b: Tensor | null): Tensor {
  const [m, k] = x.shape;
  const n = w.shape[1];
  const fits = x.rank === 2 && w.rank === 2 && w.shape[0] === k && (!b || (b.rank === 1 && b.shape[0] === n));
  if (fits && x.small && w.small && (!b || b.small) && productFitsSmall(m * k * n, m * n)) {
    const out = buffer(m * n);
    matmulInto(out, x.small, w.small, 1, m, k, n, false, false, 0, 0);
    if (b) {
      const bias = b.small!;
      for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[i * n + j] += bias[j];
    }
    return recordSmall('linear', out, [m, n], b ? [x, w, b] : [x, w], smallRule, tfRule);
  }
  const y = matmul(x, w);
  return b ? add(y, b) : y;
}

function smallRule(dy: Float32Array, needs: readonly boolean[], node: Tensor): (Float32Array | null)[] {
  const [x, w] = node.inputs;
  const [m, k] = x.shape;
  const n = w.shape[1];
  let dx: Float32Array | null = null;
  let dw: Float32Array | null = null;
  if (needs[0]) {
    dx = buffer(m * k);
    matmulInto(dx, dy, smallValues(w), 1, m, n, k, false, true, 0, 0);
  }
  if (needs[1]) {
    dw = buffer(k * n);
    matmulInto(dw, smallValues(x), dy, 1, k, m, n, true, false, 0, 0);
  }
  if (node.inputs.length === 2) return [dx, dw];
  let db: Float32Array | null = null;
  if (needs[2]) {
    db = buffer(n);
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0; i < m; i++) s += dy[i * n + j];
      db[j] = s;
    }
  }
  return [dx, dw, db];
}

/** The same gradients in TensorFlow.js, for a small layer whose gradient arrives from there. */
function tfRule(dy: tf.Tensor, needs: readonly boolean[], node: Tensor): (tf.Tensor | null)[] {
  const [x, w, b] = node.inputs;
  const grads = [needs[0] ? product(dy, w.asTf(), false, true) : null, needs[1] ? product(x.asTf(), dy, true, false) : null];
  return b ? [...grads, needs[2] ? unbroadcast(dy, b.shape) : null] : grads;
}
