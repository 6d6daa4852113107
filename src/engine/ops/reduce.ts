// Reductions. Each backward rule reshapes the output gradient to the input's rank (size 1 on the
// reduced axes) and broadcasts it back over the reduced axes; on the small path (kernels.ts) an
// index map sends every entry to its sum and the gradient back.
import * as tf from '@tensorflow/tfjs-core';
import { record, recordSmall, type Tensor } from '../tensor';
import { reduceIndex, spreadFrom, sumInto } from '../small/kernels';
import { asFloat, keptShape, normalizeAxes, normalizeAxis } from './util';

type Axis = number | number[] | undefined;

/** Spreads `dy` (reduced over `axes`) back to `shape`. */
function spread(dy: tf.Tensor, shape: number[], axes: number[]): tf.Tensor {
  return tf.broadcastTo(tf.reshape(dy, keptShape(shape, axes)), shape);
}

/** The shape of a reduction over `axes`. */
function reducedShape(shape: number[], axes: number[], keepDims: boolean): number[] {
  return keepDims ? keptShape(shape, axes) : shape.filter((_, i) => !axes.includes(i));
}

/** sum or mean on the small path; the entries per sum divide a mean. */
function sumSmall(op: 'sum' | 'mean', a: Tensor, axes: number[], keepDims: boolean, count: number): Tensor {
  const { index, size } = reduceIndex(a.shape, axes);
  const out = sumInto(a.small!, index, size, op === 'mean' ? count : 1);
  return recordSmall(op, out, reducedShape(a.shape, axes, keepDims), [a], smallRule, tfRule, { axis: axes, keepDims });
}

function smallRule(dy: Float32Array, _needs: readonly boolean[], node: Tensor): Float32Array[] {
  const a = node.inputs[0];
  const axes = node.attrs.axis as number[];
  const { index } = reduceIndex(a.shape, axes);
  return [spreadFrom(dy, index, a.size, node.op === 'mean' ? entries(a.shape, axes) : 1)];
}

function tfRule(dy: tf.Tensor, _needs: readonly boolean[], node: Tensor): tf.Tensor[] {
  const a = node.inputs[0];
  const axes = node.attrs.axis as number[];
  const spreaded = spread(dy, a.shape, axes);
  return [node.op === 'mean' ? tf.div(spreaded, entries(a.shape, axes)) : spreaded];
}

/** The number of entries a reduction over `axes` gathers into each result. */
function entries(shape: number[], axes: number[]): number {
  return axes.reduce((n, i) => n * shape[i], 1);
}

export function sum(a: Tensor, axis?: Axis, keepDims = false): Tensor {
  const axes = normalizeAxes('sum', axis, a.rank);
  if (a.small) return sumSmall('sum', a, axes, keepDims, 1);
  return record('sum', tf.sum(a.asTf(), axes, keepDims), [a], tfRule, { axis: axes, keepDims });
}

/** Fused rather than sum(a)/count: one kernel and one node instead of two (speed). */
export function mean(a: Tensor, axis?: Axis, keepDims = false): Tensor {
  const axes = normalizeAxes('mean', axis, a.rank);
  if (a.small) return sumSmall('mean', a, axes, keepDims, entries(a.shape, axes));
  return record('mean', tf.mean(a.asTf(), axes, keepDims), [a], tfRule, { axis: axes, keepDims });
}

/**
 * Largest value over `axis` (all axes when omitted). The gradient goes to the arg-max; when several
 * entries tie for the maximum it is split evenly among them (like PyTorch's `amax`), so the
 * gradient does not depend on the order of the entries.
 */
export function max(a: Tensor, axis?: Axis, keepDims = false): Tensor {
  const axes = normalizeAxes('max', axis, a.rank);
  const out = tf.max(a.asTf(), axes, keepDims);
  return record(
    'max',
    out,
    [a],
    (dy) => {
      const kept = tf.reshape(out, keptShape(a.shape, axes));
      const hits = asFloat(tf.equal(a.asTf(), kept));
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
  const idx = tf.argMax(a.asTf(), ax);
  const out = Array.from(idx.dataSync());
  idx.dispose();
  return out;
}
