// Matrix products: [m,k]×[k,n], batched [b,m,k]×[b,k,n], and a batch against one matrix
// [b,m,k]×[k,n] (a layer applied to every step of a sequence).
//
// The backward rule needs products with a transposed operand. tfjs can fold the transpose into
// matMul (transposeA/transposeB), but on WASM that route runs several times slower than an explicit
// transpose followed by a plain matMul, and on WebGL (tfjs 4.22) a later forward matMul that reuses
// the shader of a transposeA product was seen to return wrong values (off by 2⁻⁵ in a 2-3-1 network:
// tests/engine/handworked.test.ts catches it). Only the plain CPU backend keeps the folded route
// (routes.ts, `matmulTranspose`).
import * as tf from '@tensorflow/tfjs-core';
import { record, type Tensor } from '../tensor';
import { routeFor } from './routes';

/** x·yᵀ-style products with the transposes placed where the current backend runs them fastest. */
function product(x: tf.Tensor, y: tf.Tensor, transposeX: boolean, transposeY: boolean): tf.Tensor {
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

  if (ra === 3 && rb === 2) {
    // One matrix for the whole batch: fold the batch into rows, one 2-D product each way.
    const [batch, m] = a.shape;
    const n = b.shape[1];
    const out = tf.tidy(() => tf.reshape(tf.matMul(tf.reshape(a.value, [batch * m, k]), b.value), [batch, m, n]));
    return record('matmul', out, [a, b], (dy, needs) => {
      const dyRows = tf.reshape(dy, [batch * m, n]);
      return [
        needs[0] ? tf.reshape(product(dyRows, b.value, false, true), a.shape) : null,
        needs[1] ? product(tf.reshape(a.value, [batch * m, k]), dyRows, true, false) : null,
      ];
    });
  }

  const out = tf.matMul(a.value, b.value);
  // da = dy·bᵀ, db = aᵀ·dy; each only when wanted (a layer's input is often data).
  return record('matmul', out, [a, b], (dy, needs) => [
    needs[0] ? product(dy, b.value, false, true) : null,
    needs[1] ? product(a.value, dy, true, false) : null,
  ]);
}
