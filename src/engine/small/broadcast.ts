// Broadcasting on the small path, NumPy's rules: an operand whose shape differs from the result's
// is read through an index map (which entry of the operand each entry of the result reads), and a
// gradient is summed back through the same map. The TensorFlow.js side does the same with
// `unbroadcast` (autograd.ts).
import type { Shape } from '../tensor';
import { buffer, release } from './pool';

/** Float64 sums rounded into a float32 buffer. */
export function rounded(acc: Float64Array): Float32Array {
  const out = buffer(acc.length);
  for (let i = 0; i < acc.length; i++) out[i] = acc[i];
  return out;
}

/** Gives back an operand's expanded copy (`expand`), not the operand itself. */
export function releaseExpanded(expanded: Float32Array, r: Reading): void {
  if (r !== null) release(expanded);
}

export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (let i = 0; i < shape.length; i++) n *= shape[i];
  return n;
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * How an operand of some shape is read at each entry of a broadcast result: null when the shapes
 * are the same (entry i reads entry i); a period p when the operand repeats along the leading axes
 * (entry i reads entry i mod p: a bias added to every row, or a scalar, p = 1); otherwise an index
 * map from each result entry to the operand entry it reads.
 */
export type Reading = null | number | Int32Array;

export function reading(shape: readonly number[], out: readonly number[]): Reading {
  if (sameShape(shape, out)) return null;
  // Leading axes of size 1 change nothing; what remains must be the result's trailing axes.
  let first = 0;
  while (first < shape.length && shape[first] === 1) first++;
  const rest = shape.length - first;
  let tiles = rest <= out.length;
  for (let i = 0; tiles && i < rest; i++) tiles = shape[first + i] === out[out.length - rest + i];
  return tiles ? sizeOf(shape) : broadcastIndex(shape, out);
}

/** For each entry of a result of shape `out`, the entry of an operand of shape `shape` it reads. */
function broadcastIndex(shape: readonly number[], out: readonly number[]): Int32Array {
  const n = sizeOf(out);
  const index = new Int32Array(n);
  const rank = out.length;
  const lead = rank - shape.length;
  // The operand's stride along each axis of the result (0 where it is broadcast).
  const strides = new Array<number>(rank).fill(0);
  let acc = 1;
  for (let i = rank - 1; i >= lead; i--) {
    const d = shape[i - lead];
    strides[i] = d === 1 ? 0 : acc;
    acc *= d;
  }
  const at = new Array<number>(rank).fill(0);
  let src = 0;
  for (let i = 0; i < n; i++) {
    index[i] = src;
    // Advance the result's multi-index like an odometer, the source offset with it.
    for (let ax = rank - 1; ax >= 0; ax--) {
      at[ax]++;
      src += strides[ax];
      if (at[ax] < out[ax]) break;
      src -= strides[ax] * out[ax];
      at[ax] = 0;
    }
  }
  return index;
}

/** The operand as read at each of the result's `n` entries: itself when the shapes match. */
export function expand(values: Float32Array, r: Reading, n: number): Float32Array {
  if (r === null) return values;
  const out = buffer(n);
  if (typeof r === 'number') {
    if (r === 1) out.fill(values[0]);
    else
      for (let i = 0, j = 0; i < n; i++) {
        out[i] = values[j];
        if (++j === r) j = 0;
      }
  } else {
    for (let i = 0; i < n; i++) out[i] = values[r[i]];
  }
  return out;
}

/** A gradient on the result's shape summed back onto an operand of `size` entries read as `r`. */
export function sumBack(grad: Float32Array, r: Reading, size: number): Float32Array {
  if (r === null) return grad;
  // Summed in float64 and rounded once, as TensorFlow.js's cpu backend sums.
  if (size === 1) {
    let s = 0;
    for (let i = 0; i < grad.length; i++) s += grad[i];
    return Float32Array.of(s);
  }
  const acc = new Float64Array(size);
  if (typeof r === 'number') {
    for (let at = 0; at < grad.length; at += r) for (let j = 0; j < r; j++) acc[j] += grad[at + j];
  } else {
    for (let i = 0; i < grad.length; i++) acc[r[i]] += grad[i];
  }
  return rounded(acc);
}

/** NumPy broadcasting of two shapes, or null when they do not broadcast. */
export function broadcastShape(a: Shape, b: Shape): Shape | null {
  const rank = Math.max(a.length, b.length);
  const out: Shape = new Array<number>(rank);
  for (let i = 0; i < rank; i++) {
    const da = a[a.length - rank + i] ?? 1;
    const db = b[b.length - rank + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) return null;
    out[i] = da === 1 ? db : da;
  }
  return out;
}
