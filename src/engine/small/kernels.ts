// The small path's loops for matrix products and reductions. Sums run in float64 and are rounded
// once when stored (small/limits.ts), as the cpu backend of TensorFlow.js does.
import { buffer } from './pool';

/**
 * out[b] = x[b]·y[b] for `batch` products of [m,k]×[k,n] (row-major); `xStride`/`yStride` are the
 * offsets between consecutive matrices (0 for one matrix shared by the whole batch). With `transX`
 * x[b] is stored [k,m] and used transposed, with `transY` y[b] is stored [n,k]: the backward rule's
 * dy·yᵀ and xᵀ·dy read their operands in place, with no transposed copy. Each entry is one dot
 * product summed in float64 (the products are a few hundred multiply-adds: loop overhead, not
 * memory, is what costs, so the simplest loops are the fastest here).
 */
export function matmulInto(
  out: Float32Array,
  x: Float32Array,
  y: Float32Array,
  batch: number,
  m: number,
  k: number,
  n: number,
  transX: boolean,
  transY: boolean,
  xStride: number,
  yStride: number,
): void {
  if (transX && transY) throw new Error('matmulInto: at most one operand is transposed');
  for (let b = 0; b < batch; b++) {
    if (transY) productNT(out, b * m * n, x, b * xStride, y, b * yStride, m, k, n);
    else if (transX) productTN(out, b * m * n, x, b * xStride, y, b * yStride, m, k, n);
    else productNN(out, b * m * n, x, b * xStride, y, b * yStride, m, k, n);
  }
}

// Four output entries at a time share each read of x (a third faster than two, twice as fast as
// one, on these sizes); each entry still sums its products in the same order, so the results are
// the same whichever way the loop is cut.

function productNN(out: Float32Array, oo: number, x: Float32Array, xo: number, y: Float32Array, yo: number, m: number, k: number, n: number): void {
  for (let i = 0; i < m; i++) {
    const xi = xo + i * k;
    const row = oo + i * n;
    let j = 0;
    for (; j + 3 < n; j += 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let p = 0, yp = yo + j; p < k; p++, yp += n) {
        const v = x[xi + p];
        s0 += v * y[yp];
        s1 += v * y[yp + 1];
        s2 += v * y[yp + 2];
        s3 += v * y[yp + 3];
      }
      out[row + j] = s0;
      out[row + j + 1] = s1;
      out[row + j + 2] = s2;
      out[row + j + 3] = s3;
    }
    for (; j < n; j++) {
      let s = 0;
      for (let p = 0, yp = yo + j; p < k; p++, yp += n) s += x[xi + p] * y[yp];
      out[row + j] = s;
    }
  }
}

function productNT(out: Float32Array, oo: number, x: Float32Array, xo: number, y: Float32Array, yo: number, m: number, k: number, n: number): void {
  for (let i = 0; i < m; i++) {
    const xi = xo + i * k;
    const row = oo + i * n;
    let j = 0;
    for (; j + 3 < n; j += 4) {
      const y0 = yo + j * k;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let p = 0; p < k; p++) {
        const v = x[xi + p];
        s0 += v * y[y0 + p];
        s1 += v * y[y0 + k + p];
        s2 += v * y[y0 + 2 * k + p];
        s3 += v * y[y0 + 3 * k + p];
      }
      out[row + j] = s0;
      out[row + j + 1] = s1;
      out[row + j + 2] = s2;
      out[row + j + 3] = s3;
    }
    for (; j < n; j++) {
      const yj = yo + j * k;
      let s = 0;
      for (let p = 0; p < k; p++) s += x[xi + p] * y[yj + p];
      out[row + j] = s;
    }
  }
}

function productTN(out: Float32Array, oo: number, x: Float32Array, xo: number, y: Float32Array, yo: number, m: number, k: number, n: number): void {
  for (let i = 0; i < m; i++) {
    const row = oo + i * n;
    let j = 0;
    for (; j + 3 < n; j += 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let p = 0, xp = xo + i, yp = yo + j; p < k; p++, xp += m, yp += n) {
        const v = x[xp];
        s0 += v * y[yp];
        s1 += v * y[yp + 1];
        s2 += v * y[yp + 2];
        s3 += v * y[yp + 3];
      }
      out[row + j] = s0;
      out[row + j + 1] = s1;
      out[row + j + 2] = s2;
      out[row + j + 3] = s3;
    }
    for (; j < n; j++) {
      let s = 0;
      for (let p = 0, xp = xo + i, yp = yo + j; p < k; p++, xp += m, yp += n) s += x[xp] * y[yp];
      out[row + j] = s;
    }
  }
}

/**
 * For x [m, k] whose rows each hold at most one non-zero entry, equal to 1 (one-hot characters, or a
 * zero state): the column of each row's 1, or −1 for a row of zeros; null for any other x. Then
 * x·W is a copy of rows of W and xᵀ·dy a sum of rows of dy (`rowsInto`, `rowSumsInto`), which give
 * the numbers of `matmulInto` for finite values: its float64 sums add only zeros besides them.
 */
export function oneHotRows(x: Float32Array, m: number, k: number): Int32Array | null {
  let rows: Int32Array | null = null;
  for (let i = 0; i < m; i++) {
    let at = -1;
    for (let p = i * k, end = p + k; p < end; p++) {
      const v = x[p];
      if (v === 0) continue;
      if (v !== 1 || at >= 0) return null;
      at = p - i * k;
    }
    (rows ??= new Int32Array(m))[i] = at;
  }
  return rows;
}

/** out [m, n] = x·w for a one-hot x given by `rows` (oneHotRows): row i of out is row rows[i] of w. */
export function rowsInto(out: Float32Array, w: Float32Array, rows: Int32Array, n: number): void {
  for (let i = 0; i < rows.length; i++) {
    if (rows[i] < 0) out.fill(0, i * n, (i + 1) * n);
    else out.set(w.subarray(rows[i] * n, (rows[i] + 1) * n), i * n);
  }
}

/**
 * out [k, n] = xᵀ·dy for a one-hot x given by `rows`: row r of out sums the rows of dy whose x
 * picked r, in order, in float64 (as `matmulInto`); rows picked by none are zeros.
 */
export function rowSumsInto(out: Float32Array, dy: Float32Array, rows: Int32Array, k: number, n: number): void {
  out.fill(0);
  // Rows of dy that share a row of out, chained: `next[i]` is the next i picking the same row.
  const next = new Int32Array(rows.length).fill(-1);
  const last = new Int32Array(k).fill(-1);
  const heads: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r < 0) continue;
    if (last[r] >= 0) next[last[r]] = i;
    else heads.push(i);
    last[r] = i;
  }
  for (const i of heads) {
    const o = rows[i] * n;
    for (let j = 0; j < n; j++) {
      let s = dy[i * n + j];
      for (let q = next[i]; q >= 0; q = next[q]) s += dy[q * n + j];
      out[o + j] = s;
    }
  }
}

/**
 * For each entry of a tensor of `shape`, the entry of its reduction over `axes` it falls in, and
 * the reduction's number of entries.
 */
export function reduceIndex(shape: readonly number[], axes: readonly number[]): { index: Int32Array | null; size: number } {
  const rank = shape.length;
  let n = 1;
  for (const d of shape) n *= d;
  if (axes.length === rank) return { index: null, size: 1 };
  const strides = new Array<number>(rank).fill(0);
  let acc = 1;
  for (let i = rank - 1; i >= 0; i--) {
    if (axes.includes(i)) continue;
    strides[i] = acc;
    acc *= shape[i];
  }
  const index = new Int32Array(n);
  const at = new Array<number>(rank).fill(0);
  let dst = 0;
  for (let i = 0; i < n; i++) {
    index[i] = dst;
    for (let ax = rank - 1; ax >= 0; ax--) {
      at[ax]++;
      dst += strides[ax];
      if (at[ax] < shape[ax]) break;
      dst -= strides[ax] * shape[ax];
      at[ax] = 0;
    }
  }
  return { index, size: acc };
}

/** Sums `x` into `size` entries through `index` (all into one when index is null), each divided by `divisor`. */
export function sumInto(x: Float32Array, index: Int32Array | null, size: number, divisor: number): Float32Array {
  if (!index) {
    let s = 0;
    for (let i = 0; i < x.length; i++) s += x[i];
    return Float32Array.of(s / divisor);
  }
  const acc = new Float64Array(size);
  for (let i = 0; i < x.length; i++) acc[index[i]] += x[i];
  const out = buffer(size);
  for (let i = 0; i < size; i++) out[i] = acc[i] / divisor;
  return out;
}

/** Spreads a reduction's gradient back over the entries it summed, each divided by `divisor`. */
export function spreadFrom(dy: Float32Array, index: Int32Array | null, n: number, divisor: number): Float32Array {
  const out = buffer(n);
  if (!index) out.fill(dy[0] / divisor);
  else for (let i = 0; i < n; i++) out[i] = dy[index[i]] / divisor;
  return out;
}
