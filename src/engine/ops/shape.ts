// Ops that move values around without arithmetic: reshape, transpose, concat, stack, slice, split,
// gather.
// Their gradients move the output gradient back to where each value came from. On the small path
// (small/moves.ts) each is a copy through an index map or of contiguous runs.
import * as tf from '@tensorflow/tfjs-core';
import { record, recordJoint, recordSmall, toTf, type Grad, type Tensor } from '../tensor';
import { fitsSmall } from '../small/limits';
import { buffer, zeroBuffer } from '../small/pool';
import { around, blockIndex, concatRuns, gatherRuns, readThrough, scatterRuns, splitRuns, transposeIndex, writeThrough } from '../small/moves';
import { routeFor } from './routes';
import { normalizeAxis } from './util';

/** Same values, new shape (one entry may be -1: inferred). */
export function reshape(a: Tensor, shape: number[]): Tensor {
  const known = shape.filter((d) => d !== -1).reduce((n, d) => n * d, 1);
  const inferred = shape.map((d) => (d === -1 ? a.size / known : d));
  if (shape.filter((d) => d === -1).length > 1 || inferred.reduce((n, d) => n * d, 1) !== a.size || !inferred.every(Number.isInteger)) {
    throw new Error(`reshape: cannot reshape [${a.shape}] (${a.size} values) to [${shape}]`);
  }
  const rule = (dy: tf.Tensor) => [tf.reshape(dy, a.shape)];
  if (a.small) {
    // Same entries in the same order, copied: every small tensor owns its buffer (small/pool.ts).
    const values = buffer(a.small.length);
    values.set(a.small);
    return recordSmall('reshape', values, inferred, [a], (dy) => [dy], rule, { shape: inferred });
  }
  return record('reshape', tf.reshape(a.asTf(), inferred), [a], rule, { shape: inferred });
}

/** Permutes the axes (default: reverses them, so a matrix is transposed). */
export function transpose(a: Tensor, perm?: number[]): Tensor {
  const p = perm ?? a.shape.map((_, i) => a.rank - 1 - i);
  if (p.length !== a.rank || [...p].sort((x, y) => x - y).some((v, i) => v !== i)) {
    throw new Error(`transpose: [${p}] is not a permutation of the ${a.rank} axes of [${a.shape}]`);
  }
  const inverse = new Array<number>(p.length);
  p.forEach((src, dst) => (inverse[src] = dst));
  const rule = (dy: tf.Tensor) => [tf.transpose(dy, inverse)];
  if (a.small) {
    const index = transposeIndex(a.shape, p);
    return recordSmall('transpose', readThrough(a.small, index), p.map((i) => a.shape[i]), [a], (dy) => [writeThrough(dy, index, dy.length)], rule, {
      perm: p,
    });
  }
  return record('transpose', tf.transpose(a.asTf(), p), [a], rule, { perm: p });
}

/** Joins tensors along an existing axis; the gradient is split back into the pieces. */
export function concat(tensors: Tensor[], axis = 0): Tensor {
  if (tensors.length === 0) throw new Error('concat: needs at least one tensor');
  const ax = normalizeAxis('concat', axis, tensors[0].rank);
  tensors.forEach((t) => {
    if (t.rank !== tensors[0].rank || t.shape.some((d, i) => i !== ax && d !== tensors[0].shape[i])) {
      throw new Error(`concat: shape [${t.shape}] does not match [${tensors[0].shape}] outside axis ${ax}`);
    }
  });
  const sizes = tensors.map((t) => t.shape[ax]);
  const rule = (dy: tf.Tensor) => (tensors.length === 1 ? [dy] : tf.split(dy, sizes, ax));
  const shape = tensors[0].shape.map((d, i) => (i === ax ? sizes.reduce((x, y) => x + y, 0) : d));
  if (tensors.every((t) => t.small) && fitsSmall(shape.reduce((x, y) => x * y, 1))) {
    const [outer, , inner] = around(tensors[0].shape, ax);
    const out = concatRuns(tensors.map((t) => t.small!), sizes, outer, inner);
    return recordSmall('concat', out, shape, tensors, (dy) => splitRuns(dy, sizes, outer, inner), rule, { axis: ax });
  }
  const out = tensors.length === 1 ? tf.clone(tensors[0].asTf()) : tf.concat(tensors.map((t) => t.asTf()), ax);
  return record('concat', out, tensors, rule, { axis: ax });
}

/**
 * Joins same-shape tensors along a new axis. Fused rather than concat of unsqueezed pieces: one
 * kernel instead of one reshape per piece and a concat (speed; a sequence model stacks every step).
 */
export function stack(tensors: Tensor[], axis = 0): Tensor {
  if (tensors.length === 0) throw new Error('stack: needs at least one tensor');
  const ax = normalizeAxis('stack', axis, tensors[0].rank + 1);
  tensors.forEach((t) => {
    if (t.shape.join() !== tensors[0].shape.join()) {
      throw new Error(`stack: shape [${t.shape}] differs from [${tensors[0].shape}]`);
    }
  });
  const rule = (dy: tf.Tensor) => tf.unstack(dy, ax);
  const shape = [...tensors[0].shape.slice(0, ax), tensors.length, ...tensors[0].shape.slice(ax)];
  if (tensors.every((t) => t.small) && fitsSmall(tensors.length * tensors[0].size)) {
    const [outer, , inner] = around(shape, ax);
    const ones = tensors.map(() => 1);
    const out = concatRuns(tensors.map((t) => t.small!), ones, outer, inner);
    return recordSmall('stack', out, shape, tensors, (dy) => splitRuns(dy, ones, outer, inner), rule, { axis: ax });
  }
  return record('stack', tf.stack(tensors.map((t) => t.asTf()), ax), tensors, rule, { axis: ax });
}

/** Removes size-1 axes (all of them, or those listed): a reshape, checked. */
export function squeeze(a: Tensor, axis?: number | number[]): Tensor {
  const axes = axis === undefined ? a.shape.flatMap((d, i) => (d === 1 ? [i] : [])) : (Array.isArray(axis) ? axis : [axis]).map((x) => normalizeAxis('squeeze', x, a.rank));
  axes.forEach((x) => {
    if (a.shape[x] !== 1) throw new Error(`squeeze: axis ${x} of [${a.shape}] has size ${a.shape[x]}, not 1`);
  });
  return reshape(a, a.shape.filter((_, i) => !axes.includes(i)));
}

/** Inserts a size-1 axis at `axis` (-1: at the end): a reshape. */
export function unsqueeze(a: Tensor, axis: number): Tensor {
  const ax = normalizeAxis('unsqueeze', axis, a.rank + 1);
  return reshape(a, [...a.shape.slice(0, ax), 1, ...a.shape.slice(ax)]);
}

/**
 * The block starting at `begin` with extent `size` (-1: to the end of that axis). The gradient is
 * the output gradient padded with zeros back to the input's shape.
 */
export function slice(a: Tensor, begin: number[], size: number[]): Tensor {
  if (begin.length !== a.rank || size.length !== a.rank) {
    throw new Error(`slice: begin [${begin}] and size [${size}] must each have ${a.rank} entries for [${a.shape}]`);
  }
  const extent = size.map((s, i) => (s === -1 ? a.shape[i] - begin[i] : s));
  extent.forEach((s, i) => {
    if (begin[i] < 0 || s < 0 || begin[i] + s > a.shape[i]) {
      throw new Error(`slice: begin [${begin}] with size [${size}] lies outside [${a.shape}]`);
    }
  });
  const padding = extent.map((s, i) => [begin[i], a.shape[i] - begin[i] - s] as [number, number]);
  const rule = (dy: tf.Tensor) => [tf.pad(dy, padding)];
  if (a.small) {
    const index = blockIndex(a.shape, begin, extent);
    const n = a.small.length;
    return recordSmall('slice', readThrough(a.small, index), extent, [a], (dy) => [writeThrough(dy, index, n)], rule, { begin, size: extent });
  }
  return record('slice', tf.slice(a.asTf(), begin, extent), [a], rule, { begin, size: extent });
}

/**
 * Cuts `a` along `axis` into pieces of the given sizes, or into `count` equal pieces (an LSTM's
 * projection into its four gates). Slicing each piece would cost one zero-padded gradient per piece
 * and the adds to sum them; the pieces of a split share one backward step instead, a single concat
 * of their gradients (zeros for a piece that received none).
 */
export function split(a: Tensor, sizes: number | number[], axis = 0): Tensor[] {
  const ax = normalizeAxis('split', axis, a.rank);
  const length = a.shape[ax];
  if (typeof sizes === 'number' && !(Number.isInteger(sizes) && sizes > 0 && length % sizes === 0)) {
    throw new Error(`split: axis ${ax} of [${a.shape}] (size ${length}) cannot be cut into ${sizes} equal pieces`);
  }
  const list = typeof sizes === 'number' ? new Array<number>(sizes).fill(length / sizes) : [...sizes];
  if (list.length === 0 || list.some((n) => !Number.isInteger(n) || n < 1) || list.reduce((x, y) => x + y, 0) !== length) {
    throw new Error(`split: sizes [${list}] must be positive and add up to ${length}, the size of axis ${ax} of [${a.shape}]`);
  }
  const pieceShape = (k: number) => a.shape.map((d, i) => (i === ax ? list[k] : d));
  const shapes = list.map((_, k) => pieceShape(k));
  const [outer, , inner] = around(a.shape, ax);
  const combine = (dys: (Grad | null)[]): Grad => {
    if (dys.every((g) => !g || g instanceof Float32Array)) {
      return concatRuns(dys.map((g, k) => (g as Float32Array | null) ?? zeroBuffer(outer * list[k] * inner)), list, outer, inner);
    }
    return tf.concat(dys.map((g, k) => (g ? toTf(g, shapes[k]) : tf.zeros(shapes[k]))), ax);
  };
  const values = a.small ? splitRuns(a.small, list, outer, inner) : splitValue(a.asTf(), list, ax);
  return recordJoint('split', values, shapes, a, combine, { axis: ax, sizes: list });
}

/**
 * tf.split ('slices'), or ('blockTranspose', routes.ts `splitPieces`: the plain-JS backend, whose
 * slices along an inner axis copy entry by entry, about ten times slower than a transpose there)
 * equal pieces along an inner axis cut by moving the piece index to the front, where each piece is
 * one contiguous block. Unequal pieces, or pieces along axis 0 (already contiguous), take tf.split.
 */
function splitValue(x: tf.Tensor, sizes: number[], axis: number): tf.Tensor[] {
  const blocks = axis > 0 && sizes.every((n) => n === sizes[0]);
  if (!blocks || routeFor('splitPieces') === 'slices') return tf.split(x, sizes, axis);
  const blocked = [...x.shape.slice(0, axis), sizes.length, sizes[0], ...x.shape.slice(axis + 1)];
  const toFront = [axis, ...blocked.map((_, i) => i).filter((i) => i !== axis)];
  return tf.tidy(() => tf.unstack(tf.transpose(tf.reshape(x, blocked), toFront)));
}

/**
 * Picks entries along `axis` by index (an embedding lookup, a row selection); an index may repeat.
 * The gradient adds each output slice back onto the row it came from: a scatter with summed
 * duplicates (tfjs `scatterND`), not tfjs's stock gather gradient, which needs the
 * UnsortedSegmentSum kernel the WASM backend lacks.
 */
export function gather(a: Tensor, indices: number[] | Int32Array, axis = 0): Tensor {
  const ax = normalizeAxis('gather', axis, a.rank);
  const n = a.shape[ax];
  const list = Array.from(indices);
  for (const i of list) {
    if (!Number.isInteger(i) || i < 0 || i >= n) throw new Error(`gather: index ${i} is out of range [0, ${n}) on axis ${ax} of [${a.shape}]`);
  }
  const rule = (dy: tf.Tensor) => {
    const idx = tf.tensor2d(list, [list.length, 1], 'int32');
    // Bring the gathered axis to the front, scatter-add rows into a zero tensor, move it back.
    const toFront = [ax, ...dy.shape.map((_, i) => i).filter((i) => i !== ax)];
    const back = new Array<number>(toFront.length);
    toFront.forEach((src, dst) => (back[src] = dst));
    const rows = ax === 0 ? dy : tf.transpose(dy, toFront);
    const frontShape = [n, ...rows.shape.slice(1)];
    const scattered = tf.scatterND(idx, rows, frontShape);
    return [ax === 0 ? scattered : tf.transpose(scattered, back)];
  };
  const shape = a.shape.map((d, i) => (i === ax ? list.length : d));
  if (a.small && fitsSmall(shape.reduce((x, y) => x * y, 1))) {
    const [outer, , inner] = around(a.shape, ax);
    const out = gatherRuns(a.small, outer, n, inner, list);
    return recordSmall('gather', out, shape, [a], (dy) => [scatterRuns(dy, outer, n, inner, list)], rule, { axis: ax, indices: list });
  }
  const out = tf.tidy(() => tf.gather(a.asTf(), tf.tensor1d(list, 'int32'), ax));
  return record('gather', out, [a], rule, { axis: ax, indices: list });
}
