// A fully connected layer's y = x·W + b as one op on the small path: one node, one loop each way,
// where matmul and add would be two nodes, a broadcast of the bias forward and a sum back (on the
// Lab's 2-8-8-1 network these are a good part of a step). Off the small path it is those two ops,
// as before: TensorFlow.js fuses nothing, and a graph of a large layer stays the familiar one.
//   dx = dy·Wᵀ,  dW = xᵀ·dy,  db = Σ over rows of dy
// When every row of x is one-hot (characters fed to a recurrent layer), x·W picks rows of W and
// xᵀ·dy adds the rows of dy onto them: m·n steps instead of m·k·n, with the same sums in the same
// order, so the same numbers (small/kernels.ts `oneHotRows`).
import type * as tf from '@tensorflow/tfjs-core';
import { recordSmall, smallValues, unbroadcast, type Tensor } from '../tensor';
import { fitsSmall, productFitsSmall } from '../small/limits';
import { matmulInto, oneHotRows, rowsInto, rowSumsInto } from '../small/kernels';
import { buffer } from '../small/pool';
import { add } from './arithmetic';
import { matmul, product } from './matmul';

/** x: [m, k], w: [k, n], b: [n] or null → [m, n]. */
export function linear(x: Tensor, w: Tensor, b: Tensor | null): Tensor {
  const k = x.shape[1];
  const n = w.shape[1];
  const fits = x.rank === 2 && w.rank === 2 && w.shape[0] === k && (!b || (b.rank === 1 && b.shape[0] === n));
  const small = fits ? linearSmall(x, w, b) : null;
  if (small) return small;
  const y = matmul(x, w);
  return b ? add(y, b) : y;
}

/** The layer on the small path, or null where `linear` would run it in TensorFlow.js (shapes as `linear`'s). */
export function linearSmall(x: Tensor, w: Tensor, b: Tensor | null): Tensor | null {
  if (!x.small || !w.small || (b && !b.small)) return null;
  const [m, k] = x.shape;
  const n = w.shape[1];
  const rows = oneHotRows(x.small, m, k);
  if (rows ? !fitsSmall(m * n) : !productFitsSmall(m * k * n, m * n)) return null;
  const out = buffer(m * n);
  if (rows) rowsInto(out, w.small, rows, n);
  else matmulInto(out, x.small, w.small, 1, m, k, n, false, false, 0, 0);
  if (b) {
    const bias = b.small!;
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[i * n + j] += bias[j];
  }
  return recordSmall('linear', out, [m, n], b ? [x, w, b] : [x, w], smallRule, tfRule, undefined, rows);
}

function smallRule(dy: Float32Array, needs: readonly boolean[], node: Tensor, into: (input: Tensor) => Float32Array | null): (Float32Array | null)[] {
  const [x, w] = node.inputs;
  const [m, k] = x.shape;
  const n = w.shape[1];
  let dx: Float32Array | null = null;
  let dw: Float32Array | null = null;
  if (m === 1 && needs[0] && needs[1] && !node.saved) {
    // One row (a recurrent layer's hidden state at batch 1): both gradients in one pass over W.
    dx = buffer(k);
    const sum = into(w);
    dw = sum ?? buffer(k * n);
    rowBackward(dx, dw, sum !== null, smallValues(x), smallValues(w), dy, k, n);
  } else if (needs[0]) {
    dx = buffer(m * k);
    matmulInto(dx, dy, smallValues(w), 1, m, n, k, false, true, 0, 0);
  }
  if (needs[1] && !dw) {
    dw = buffer(k * n);
    const rows = node.saved as Int32Array | null;
    if (rows) rowSumsInto(dw, dy, rows, k, n);
    else matmulInto(dw, smallValues(x), dy, 1, k, m, n, true, false, 0, 0);
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

/**
 * dx = dy·Wᵀ and dW = xᵀ·dy for one row x [1, k], dy [1, n], reading each row of W once; with
 * `add`, dW is a sum collected so far and each product is added into it, rounded as a separate
 * add would round it. The numbers are `matmulInto`'s: each dx[p] sums over j in order, in float64.
 */
function rowBackward(dx: Float32Array, dw: Float32Array, add: boolean, x: Float32Array, w: Float32Array, dy: Float32Array, k: number, n: number): void {
  for (let p = 0; p < k; p++) {
    const v = x[p];
    const row = p * n;
    let s = 0;
    if (add) {
      for (let j = 0; j < n; j++) {
        const d = dy[j];
        s += d * w[row + j];
        dw[row + j] += Math.fround(v * d);
      }
    } else {
      for (let j = 0; j < n; j++) {
        const d = dy[j];
        s += d * w[row + j];
        dw[row + j] = v * d;
      }
    }
    dx[p] = s;
  }
}

/** The same gradients in TensorFlow.js, for a small layer whose gradient arrives from there. */
function tfRule(dy: tf.Tensor, needs: readonly boolean[], node: Tensor): (tf.Tensor | null)[] {
  const [x, w, b] = node.inputs;
  const grads = [needs[0] ? product(dy, w.asTf(), false, true) : null, needs[1] ? product(x.asTf(), dy, true, false) : null];
  return b ? [...grads, needs[2] ? unbroadcast(dy, b.shape) : null] : grads;
}
