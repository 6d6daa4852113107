// Matrix products: [m,k]×[k,n], batched [b,m,k]×[b,k,n], and a batch against one matrix
// [b,m,k]×[k,n] (a layer applied to every step of a sequence).
//
// The backward rule needs products with a transposed operand. tfjs can fold the transpose into
// matMul (transposeA/transposeB), but on WASM that route runs several times slower than an explicit
// transpose followed by a plain matMul, and on WebGL (tfjs 4.22) a later forward matMul that reuses
// the shader of a transposeA product was seen to return wrong values (off by 2⁻⁵ in a 2-3-1 network:
// tests/engine/handworked.test.ts catches it). Only the plain CPU backend keeps the folded route
// (routes.ts, `matmulTranspose`).
//
// On the small path (small/limits.ts) the product and both gradients are loops of kernels.ts that
// read a transposed operand in place.
import * as tf from '@tensorflow/tfjs-core';
import { record, recordSmall, smallValues, type Tensor } from '../tensor';
import { matmulInto } from '../small/kernels';
import { productFitsSmall } from '../small/limits';
import { buffer } from '../small/pool';
import { routeFor } from './routes';

/** x·yᵀ-style products with the transposes placed where the current backend runs them fastest. */
export function product(x: tf.Tensor, y: tf.Tensor, transposeX: boolean, transposeY: boolean): tf.Tensor {
  if ((transposeX || transposeY) && routeFor('matmulTranspose') === 'explicit') {
    return tf.matMul(transposeX ? swap(x) : x, transposeY ? swap(y) : y);
  }
  return tf.matMul(x, y, transposeX, transposeY);
}

// A recurrent layer multiplies by the same weight at every time step, so its backward pass would
// transpose that weight once per step. Each transpose is remembered by the storage it was made from
// (`dataId`, which an optimiser's `assign` replaces; a reshape shares it, hence the shape check)
// until its memory scope frees it.
const transposes = new WeakMap<object, tf.Tensor>();

function swap(t: tf.Tensor): tf.Tensor {
  const perm = t.rank === 3 ? [0, 2, 1] : [1, 0];
  const known = transposes.get(t.dataId);
  if (known && !known.isDisposed && known.rank === t.rank && perm.every((p, i) => known.shape[i] === t.shape[p])) return known;
  const out = tf.transpose(t, perm);
  transposes.set(t.dataId, out);
  return out;
}

export function matmul(a: Tensor, b: Tensor): Tensor {
  const [ra, rb] = [a.rank, b.rank];
  const k = a.shape[ra - 1];
  if (!((ra === 2 && rb === 2) || (ra === 3 && (rb === 3 || rb === 2)))) {
    throw new Error(`matmul: expects [m,k]×[k,n], [b,m,k]×[b,k,n] or [b,m,k]×[k,n], got [${a.shape}]×[${b.shape}]`);
  }
  if (b.shape[rb - 2] !== k || (rb === 3 && b.shape[0] !== a.shape[0])) {
    throw new Error(`matmul: shapes [${a.shape}] and [${b.shape}] do not match`);
  }

  if (a.small && b.small) {
    const small = matmulSmall(a, b);
    if (small) return small;
  }
  if (ra === 3 && rb === 2) {
    // One matrix for the whole batch: fold the batch into rows, one 2-D product each way.
    const [batch, m] = a.shape;
    const n = b.shape[1];
    const out = tf.tidy(() => tf.reshape(tf.matMul(tf.reshape(a.asTf(), [batch * m, k]), b.asTf()), [batch, m, n]));
    return record('matmul', out, [a, b], (dy, needs) => {
      const dyRows = tf.reshape(dy, [batch * m, n]);
      return [
        needs[0] ? tf.reshape(product(dyRows, b.asTf(), false, true), a.shape) : null,
        needs[1] ? product(tf.reshape(a.asTf(), [batch * m, k]), dyRows, true, false) : null,
      ];
    });
  }

  const out = tf.matMul(a.asTf(), b.asTf());
  // da = dy·bᵀ, db = aᵀ·dy; each only when wanted (a layer's input is often data).
  return record('matmul', out, [a, b], (dy, needs) => [
    needs[0] ? product(dy, b.asTf(), false, true) : null,
    needs[1] ? product(a.asTf(), dy, true, false) : null,
  ]);
}

/** The dimensions of a product on the small path, from its operands' shapes. */
function dims(a: Tensor, b: Tensor): { batch: number; m: number; k: number; n: number; shared: boolean } {
  const rank = a.shape.length;
  return { batch: rank === 3 ? a.shape[0] : 1, m: a.shape[rank - 2], k: a.shape[rank - 1], n: b.shape[b.shape.length - 1], shared: b.shape.length === 2 };
}

/**
 * The product on the small path, or null when it is too large there. Shapes are those `matmul`
 * accepts: [m,k]×[k,n], [b,m,k]×[b,k,n], or [b,m,k]×[k,n] (one matrix for the whole batch).
 */
function matmulSmall(a: Tensor, b: Tensor): Tensor | null {
  const { batch, m, k, n, shared } = dims(a, b);
  if (!productFitsSmall(batch * m * k * n, batch * m * n)) return null;
  const out = buffer(batch * m * n);
  matmulInto(out, a.small!, b.small!, batch, m, k, n, false, false, m * k, shared ? 0 : k * n);
  return recordSmall('matmul', out, a.rank === 3 ? [batch, m, n] : [m, n], [a, b], smallRule, tfRule);
}

// da = dy·bᵀ, db = aᵀ·dy; a weight shared by the whole batch sums its gradient over it.
function smallRule(dy: Float32Array, needs: readonly boolean[], node: Tensor): (Float32Array | null)[] {
  const [a, b] = node.inputs;
  const { batch, m, k, n, shared } = dims(a, b);
  let da: Float32Array | null = null;
  let db: Float32Array | null = null;
  if (needs[0]) {
    da = buffer(batch * m * k);
    matmulInto(da, dy, smallValues(b), batch, m, n, k, false, true, m * n, shared ? 0 : k * n);
  }
  if (needs[1]) {
    const x = smallValues(a);
    db = buffer(b.size);
    if (shared) matmulInto(db, x, dy, 1, k, batch * m, n, true, false, 0, 0);
    else matmulInto(db, x, dy, batch, k, m, n, true, false, m * k, m * n);
  }
  return [da, db];
}

/** The same gradients in TensorFlow.js, for a small product whose gradient arrives from there. */
function tfRule(dy: tf.Tensor, needs: readonly boolean[], node: Tensor): (tf.Tensor | null)[] {
  const [a, b] = node.inputs;
  const { batch, m, k, n, shared } = dims(a, b);
  if (!shared || a.rank === 2) return [needs[0] ? product(dy, b.asTf(), false, true) : null, needs[1] ? product(a.asTf(), dy, true, false) : null];
  const rows = tf.reshape(dy, [batch * m, n]);
  return [
    needs[0] ? tf.reshape(product(rows, b.asTf(), false, true), a.shape) : null,
    needs[1] ? product(tf.reshape(a.asTf(), [batch * m, k]), rows, true, false) : null,
  ];
}
