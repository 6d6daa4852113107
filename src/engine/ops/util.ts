// Helpers shared by the op files: turning plain numbers into constants, normalising axes, and
// checking shapes with the op's name in the error.
import * as tf from '@tensorflow/tfjs-core';
import { Tensor } from '../tensor';

/** An operand of a binary op: an engine tensor, or a plain number (a constant, no gradient). */
export type Operand = Tensor | number;

/**
 * A plain number becomes a scalar constant leaf, named by its value so a traced graph shows it; it
 * starts on the small path (a copy goes to TensorFlow.js when the other operand lives there).
 */
export function asTensor(x: Operand): Tensor {
  if (x instanceof Tensor) return x;
  return new Tensor(Float32Array.of(x), { shape: [], name: String(x) });
}

/** `axis` may count from the end (-1 is the last axis); returns it in [0, rank). */
export function normalizeAxis(op: string, axis: number, rank: number): number {
  const a = axis < 0 ? axis + rank : axis;
  if (!Number.isInteger(a) || a < 0 || a >= Math.max(rank, 1)) {
    throw new Error(`${op}: axis ${axis} is out of range for a tensor of rank ${rank}`);
  }
  return a;
}

/** All axes when `axis` is undefined; otherwise the listed ones, normalised, sorted, unique. */
export function normalizeAxes(op: string, axis: number | number[] | undefined, rank: number): number[] {
  if (axis === undefined) {
    const all = new Array<number>(rank);
    for (let i = 0; i < rank; i++) all[i] = i;
    return all;
  }
  const list = Array.isArray(axis) ? axis : [axis];
  const out = [...new Set(list.map((a) => normalizeAxis(op, a, rank)))];
  return out.sort((x, y) => x - y);
}

/** The shape a reduction over `axes` keeps when `keepDims` is true (size 1 on reduced axes). */
export function keptShape(shape: readonly number[], axes: readonly number[]): number[] {
  return shape.map((d, i) => (axes.includes(i) ? 1 : d));
}

/** NumPy broadcasting of two shapes; throws with the op's name when they do not broadcast. */
export function broadcastShapes(op: string, a: readonly number[], b: readonly number[]): number[] {
  const rank = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < rank; i++) {
    const da = a[a.length - rank + i] ?? 1;
    const db = b[b.length - rank + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new Error(`${op}: shapes [${a}] and [${b}] do not broadcast`);
    }
    out.push(da === 1 ? db : da);
  }
  return out;
}

/** A 0/1 float mask of `x > 0`-like comparisons, as float32 for multiplying into gradients. */
export function asFloat(x: tf.Tensor): tf.Tensor {
  return tf.cast(x, 'float32');
}
