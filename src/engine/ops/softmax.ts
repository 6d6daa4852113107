// Softmax and log-softmax along an axis, each one fused op with a hand-written rule (see each), and
// each with its loop on the small path beside its TensorFlow.js form (small/limits.ts).
import * as tf from '@tensorflow/tfjs-core';
import { record, recordSmall, type Tensor } from '../tensor';
import { fitsSmall } from '../small/limits';
import { buffer } from '../small/pool';
import { normalizeAxis } from './util';

/** Subtracting the maximum along `axis` changes neither softmax nor log-softmax but keeps exp finite. */
function shifted(x: tf.Tensor, axis: number): tf.Tensor {
  return tf.sub(x, tf.max(x, axis, true));
}

/**
 * eᵃ / Σ eᵃ along `axis`, computed on a − max(a) so logits like [1000, 0, −1000] do not overflow.
 * Backward: dx = y ⊙ (dy − Σ dy ⊙ y). Fused for speed and memory: the composite exp/sum/div keeps
 * every intermediate for its backward pass, this rule only the output.
 */
export function softmax(a: Tensor, axis = -1): Tensor {
  const ax = normalizeAxis('softmax', axis, a.rank);
  let node: Tensor;
  const rule = (dy: tf.Tensor) => {
    const out = node.asTf();
    return [tf.mul(out, tf.sub(dy, tf.sum(tf.mul(dy, out), ax, true)))];
  };
  if (a.small && fitsSmall(a.small.length)) {
    const out = softmaxSmall(a.small, a.shape, ax, false);
    node = recordSmall('softmax', out, a.shape, [a], (dy) => [softmaxBackSmall(dy, out, a.shape, ax, false)], rule, { axis: ax });
    return node;
  }
  const out = tf.tidy(() => {
    const e = tf.exp(shifted(a.asTf(), ax));
    return tf.div(e, tf.sum(e, ax, true));
  });
  node = record('softmax', out, [a], rule, { axis: ax });
  return node;
}

/**
 * log softmax(a) = (a − m) − log Σ e^(a − m), with m = max(a) along `axis`: one fused op because
 * log(softmax(a)) underflows to log(0) = −∞ for a strongly negative logit (softmax rounds it to 0)
 * and exp(a) overflows for a large one; the shifted form stays finite for any finite logits.
 * Backward: dx = dy − softmax(a) · Σ dy.
 */
export function logSoftmax(a: Tensor, axis = -1): Tensor {
  const ax = normalizeAxis('logSoftmax', axis, a.rank);
  let node: Tensor;
  const rule = (dy: tf.Tensor) => [tf.sub(dy, tf.mul(tf.exp(node.asTf()), tf.sum(dy, ax, true)))];
  if (a.small && fitsSmall(a.small.length)) {
    const out = softmaxSmall(a.small, a.shape, ax, true);
    node = recordSmall('logSoftmax', out, a.shape, [a], (dy) => [softmaxBackSmall(dy, out, a.shape, ax, true)], rule, { axis: ax });
    return node;
  }
  const out = tf.tidy(() => {
    const s = shifted(a.asTf(), ax);
    return tf.sub(s, tf.log(tf.sum(tf.exp(s), ax, true)));
  });
  node = record('logSoftmax', out, [a], rule, { axis: ax });
  return node;
}

/** How a tensor of `shape` splits around `axis`: outer blocks, the axis's length, inner stride. */
function around(shape: number[], axis: number): [number, number, number] {
  let outer = 1;
  let inner = 1;
  for (let i = 0; i < axis; i++) outer *= shape[i];
  for (let i = axis + 1; i < shape.length; i++) inner *= shape[i];
  return [outer, shape[axis], inner];
}

/**
 * softmax (log = false) or log-softmax (log = true) along `axis` on the small path, shifted by
 * each row's maximum as the TensorFlow.js form is; `backward` is the matching rule.
 */
function softmaxSmall(x: Float32Array, shape: number[], axis: number, log: boolean): Float32Array {
  const [outer, len, inner] = around(shape, axis);
  const out = buffer(x.length);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * len * inner + i;
      let m = -Infinity;
      for (let j = 0; j < len; j++) m = Math.max(m, x[base + j * inner]);
      let total = 0;
      for (let j = 0; j < len; j++) total += Math.exp(Math.fround(x[base + j * inner] - m));
      const logTotal = Math.fround(Math.log(Math.fround(total)));
      for (let j = 0; j < len; j++) {
        const s = Math.fround(x[base + j * inner] - m);
        out[base + j * inner] = log ? s - logTotal : Math.fround(Math.exp(s)) / Math.fround(total);
      }
    }
  }
  return out;
}

/** dx = y ⊙ (dy − Σ dy ⊙ y) for softmax, dx = dy − eʸ · Σ dy for log-softmax. */
function softmaxBackSmall(dy: Float32Array, y: Float32Array, shape: number[], axis: number, log: boolean): Float32Array {
  const [outer, len, inner] = around(shape, axis);
  const dx = buffer(dy.length);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * len * inner + i;
      let total = 0;
      for (let j = 0; j < len; j++) total += log ? dy[base + j * inner] : Math.fround(dy[base + j * inner] * y[base + j * inner]);
      total = Math.fround(total);
      for (let j = 0; j < len; j++) {
        const k = base + j * inner;
        dx[k] = log ? dy[k] - Math.fround(Math.fround(Math.exp(y[k])) * total) : y[k] * Math.fround(dy[k] - total);
      }
    }
  }
  return dx;
}

