// Reductions. Each backward rule reshapes the output gradient to the input's rank (size 1 on the
// reduced axes) and broadcasts it back over the reduced axes.
import * as tf from '@tensorflow/tfjs-core';
import { record, type Tensor } from '../tensor';
import { asFloat, keptShape, normalizeAxes, normalizeAxis } from './util';

type Axis = number | number[] | undefined;

/** Spreads `dy` (reduced over `axes`) back to `shape`. */
function spread(dy: tf.Tensor, shape: number[], axes: number[]): tf.Tensor {
  return tf.broadcastTo(tf.reshape(dy, keptShape(shape, axes)), shape);
}

export function sum(a: Tensor, axis?: Axis, keepDims = false): Tensor {
  const axes = normalizeAxes('sum', axis, a.rank);
  return record('sum', tf.sum(a.value, axes, keepDims), [a], (dy) => [spread(dy, a.shape, axes)], { axis: axes, keepDims });
}

/** Fused rather than sum(a)/count: one kernel and one node instead of two (speed). */
export function mean(a: Tensor, axis?: Axis, keepDims = false): Tensor {
  const axes = normalizeAxes('mean', axis, a.rank);
  const count = axes.reduce((n, i) => n * a.shape[i], 1);
  return record('mean', tf.mean(a.value, axes, keepDims), [a], (dy) => [tf.div(spread(dy, a.shape, axes), count)], {
    axis: axes,
    keepDims,
  });
}

/**
 * Largest value over `axis` (all axes when omitted). The gradient goes to the arg-max; when several
 * entries tie for the maximum it is split evenly among them (like PyTorch's `amax`), so the
 * gradient does not depend on the order of the entries.
 */
export function max(a: Tensor, axis?: Axis, keepDims = false): Tensor {
  const axes = normalizeAxes('max', axis, a.rank);
  const out = tf.max(a.value, axes, keepDims);
  return record(
    'max',
    out,
    [a],
    (dy) => {
      const kept = tf.reshape(out, keptShape(a.shape, axes));
      const hits = asFloat(tf.equal(a.value, kept));
      const share = tf.div(hits, tf.sum(hits, axes, true));
      return [tf.mul(spread(dy, a.shape, axes), share)];
    },
    { axis: axes, keepDims },
  );
}

/**
 * Index of the largest entry along `axis` (default: the last), read back as plain numbers: one
 * per position of the other axes, flattened in row-major order (for [batch, classes] logits and
 * axis 1, the predicted class of each example). Ties go to the first index. No gradient.
 */
export function argmax(a: Tensor, axis = -1): number[] {
  const ax = normalizeAxis('argmax', axis, a.rank);
  const idx = tf.argMax(a.value, ax);
  const out = Array.from(idx.dataSync());
  idx.dispose();
  return out;
}
