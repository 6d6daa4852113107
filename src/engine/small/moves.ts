// The small path's loops for ops that move values without arithmetic (ops/shape.ts). A tensor is
// seen around one axis as [outer, length, inner] (row-major), so a concat, split or gather along
// any axis copies contiguous runs of `inner` entries.
import { rounded } from './broadcast';
import { buffer, zeroBuffer } from './pool';

/** Outer blocks, the axis's length, and the run of entries after it, for `shape` around `axis`. */
export function around(shape: readonly number[], axis: number): [number, number, number] {
  let outer = 1;
  let inner = 1;
  for (let i = 0; i < axis; i++) outer *= shape[i];
  for (let i = axis + 1; i < shape.length; i++) inner *= shape[i];
  return [outer, shape[axis], inner];
}

/** Joins pieces of lengths `lens` along the axis (each [outer, lens[k], inner]). */
export function concatRuns(pieces: readonly Float32Array[], lens: readonly number[], outer: number, inner: number): Float32Array {
  let total = 0;
  for (const l of lens) total += l;
  const out = buffer(outer * total * inner);
  let at = 0;
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < pieces.length; k++) {
      const run = lens[k] * inner;
      out.set(pieces[k].subarray(o * run, (o + 1) * run), at);
      at += run;
    }
  }
  return out;
}

/** Cuts [outer, Σ lens, inner] into pieces of lengths `lens` along the axis. */
export function splitRuns(x: Float32Array, lens: readonly number[], outer: number, inner: number): Float32Array[] {
  const pieces = lens.map((l) => buffer(outer * l * inner));
  let at = 0;
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < lens.length; k++) {
      const run = lens[k] * inner;
      pieces[k].set(x.subarray(at, at + run), o * run);
      at += run;
    }
  }
  return pieces;
}

/** Rows `list` of [outer, n, inner] along the middle axis: [outer, list.length, inner]. */
export function gatherRuns(x: Float32Array, outer: number, n: number, inner: number, list: readonly number[]): Float32Array {
  const out = buffer(outer * list.length * inner);
  let at = 0;
  for (let o = 0; o < outer; o++) {
    for (const r of list) {
      const from = (o * n + r) * inner;
      out.set(x.subarray(from, from + inner), at);
      at += inner;
    }
  }
  return out;
}

/** The gradient of `gatherRuns`: each row of dy added back onto the row it came from. */
export function scatterRuns(dy: Float32Array, outer: number, n: number, inner: number, list: readonly number[]): Float32Array {
  const acc = new Float64Array(outer * n * inner);
  let at = 0;
  for (let o = 0; o < outer; o++) {
    for (const r of list) {
      const to = (o * n + r) * inner;
      for (let i = 0; i < inner; i++) acc[to + i] += dy[at + i];
      at += inner;
    }
  }
  return rounded(acc);
}

/** For each entry of the block `begin`/`extent` of a tensor of `shape`, its offset in the tensor. */
export function blockIndex(shape: readonly number[], begin: readonly number[], extent: readonly number[]): Int32Array {
  const rank = shape.length;
  const strides = new Array<number>(rank);
  let acc = 1;
  for (let i = rank - 1; i >= 0; i--) {
    strides[i] = acc;
    acc *= shape[i];
  }
  let n = 1;
  for (const e of extent) n *= e;
  const index = new Int32Array(n);
  if (n === 0) return index;
  const at = new Array<number>(rank).fill(0);
  let src = 0;
  for (let i = 0; i < rank; i++) src += begin[i] * strides[i];
  for (let i = 0; i < n; i++) {
    index[i] = src;
    for (let ax = rank - 1; ax >= 0; ax--) {
      at[ax]++;
      src += strides[ax];
      if (at[ax] < extent[ax]) break;
      src -= strides[ax] * extent[ax];
      at[ax] = 0;
    }
  }
  return index;
}

/** For each entry of `shape` permuted by `perm`, the offset of the entry it comes from. */
export function transposeIndex(shape: readonly number[], perm: readonly number[]): Int32Array {
  const rank = shape.length;
  const strides = new Array<number>(rank);
  let acc = 1;
  for (let i = rank - 1; i >= 0; i--) {
    strides[i] = acc;
    acc *= shape[i];
  }
  const index = new Int32Array(acc);
  for (let i = 0; i < acc; i++) index[i] = permutedOffset(i, shape, perm, strides);
  return index;
}

/** The input offset of output entry `i` of a transpose: its digits in the output's shape, input strides. */
function permutedOffset(i: number, shape: readonly number[], perm: readonly number[], strides: readonly number[]): number {
  let offset = 0;
  for (let ax = perm.length - 1; ax >= 0; ax--) {
    const d = shape[perm[ax]];
    offset += (i % d) * strides[perm[ax]];
    i = Math.floor(i / d);
  }
  return offset;
}

/** x read through `index`: out[i] = x[index[i]]. */
export function readThrough(x: Float32Array, index: Int32Array): Float32Array {
  const out = buffer(index.length);
  for (let i = 0; i < index.length; i++) out[i] = x[index[i]];
  return out;
}

/** The reverse of `readThrough` into `size` zeros: out[index[i]] = y[i] (index has no repeats). */
export function writeThrough(y: Float32Array, index: Int32Array, size: number): Float32Array {
  const out = zeroBuffer(size);
  for (let i = 0; i < index.length; i++) out[index[i]] = y[i];
  return out;
}
