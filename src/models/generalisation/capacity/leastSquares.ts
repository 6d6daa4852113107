// Least squares in float64, for fits whose conditioning float32 cannot take (a degree-11
// polynomial through 12 points, a random-feature model at its interpolation threshold). The
// engine computes in float32 on tfjs, so these fits are done here, in plain typed arrays.
//
// One routine covers both sides of the interpolation threshold. It minimises
//     (1/n)·‖Φw − y‖² + λ·‖w‖²
// by the regularised normal equations, solved by Cholesky:
// - p ≤ n (primal):  (ΦᵀΦ + s·I) w = Φᵀy, a p×p system;
// - p > n (dual):    (ΦΦᵀ + s·I) α = y, w = Φᵀα, an n×n system;
// with s = n·λ + ε·‖Φ‖²_F / min(n, p). The two are the same solution (push-through identity), and as
// s → 0 both tend to the pseudo-inverse solution Φ⁺y: the least-squares fit of smallest norm,
// which, past the threshold, is the minimum-norm interpolant. ε = 10⁻¹⁰ (JITTER) keeps the
// system positive definite when columns add nothing new on the data (hinges that are straight
// or zero on every training point) and bounds the condition number near 10¹⁰; its effect on the
// fit is far below what the figures can show, except right at the threshold, where it caps
// an error that is in exact arithmetic unbounded.

/** A dense matrix, row-major: entry (i, j) is data[i * cols + j]. */
export interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

/** The jitter ε, relative to the mean diagonal entry of the Gram matrix that is solved. */
export const JITTER = 1e-10;

export function matrix(rows: number, cols: number, fill: (i: number, j: number) => number): Matrix {
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) data[i * cols + j] = fill(i, j);
  return { rows, cols, data };
}

/** Φw for every row of Φ, with as many of Φ's first columns as w has weights. */
export function multiply(phi: Matrix, w: Float64Array): Float64Array {
  const out = new Float64Array(phi.rows);
  for (let i = 0; i < phi.rows; i++) {
    let s = 0;
    for (let j = 0; j < w.length; j++) s += phi.data[i * phi.cols + j] * w[j];
    out[i] = s;
  }
  return out;
}

/**
 * The lower-triangular L with LLᵀ = A for a symmetric positive-definite m×m A (row-major), or
 * null when A is not positive definite to working precision.
 */
export function cholesky(a: Float64Array, m: number): Float64Array | null {
  const l = new Float64Array(m * m);
  for (let j = 0; j < m; j++) {
    let d = a[j * m + j];
    for (let k = 0; k < j; k++) d -= l[j * m + k] * l[j * m + k];
    if (!(d > 0)) return null;
    const ljj = Math.sqrt(d);
    l[j * m + j] = ljj;
    for (let i = j + 1; i < m; i++) {
      let s = a[i * m + j];
      for (let k = 0; k < j; k++) s -= l[i * m + k] * l[j * m + k];
      l[i * m + j] = s / ljj;
    }
  }
  return l;
}

/** x with LLᵀx = b: forward then back substitution. */
export function choleskySolve(l: Float64Array, m: number, b: Float64Array): Float64Array {
  const z = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * m + k] * z[k];
    z[i] = s / l[i * m + i];
  }
  const x = new Float64Array(m);
  for (let i = m - 1; i >= 0; i--) {
    let s = z[i];
    for (let k = i + 1; k < m; k++) s -= l[k * m + i] * x[k];
    x[i] = s / l[i * m + i];
  }
  return x;
}

/**
 * Fits of Φ's first p columns for p = 1, 2, … (a family whose wider models contain the narrower
 * ones), sharing the work between them: ΦᵀΦ of the first p columns is the leading p×p block of the
 * full ΦᵀΦ, computed once, and ΦΦᵀ over the first p columns grows by one outer product per column.
 */
export class NestedRidge {
  private readonly columnGram: Float64Array;
  private readonly rowGram: Float64Array;
  private readonly phiTy: Float64Array;
  /** Columns already added into rowGram. */
  private rowGramColumns = 0;

  constructor(
    private readonly phi: Matrix,
    private readonly y: Float64Array,
    private readonly lambda: number,
  ) {
    const { rows: n, cols: P, data } = phi;
    this.columnGram = new Float64Array(P * P);
    this.phiTy = new Float64Array(P);
    for (let i = 0; i < n; i++) {
      for (let a = 0; a < P; a++) {
        const v = data[i * P + a];
        if (v === 0) continue;
        this.phiTy[a] += v * y[i];
        for (let b = 0; b <= a; b++) this.columnGram[a * P + b] += v * data[i * P + b];
      }
    }
    for (let a = 0; a < P; a++) for (let b = 0; b < a; b++) this.columnGram[b * P + a] = this.columnGram[a * P + b];
    this.rowGram = new Float64Array(n * n);
  }

  /**
   * The weights w minimising (1/n)‖Φw − y‖² + λ‖w‖² over Φ's first p columns; with λ = 0 the
   * minimum-norm least-squares solution (up to the jitter above). Null only if the system cannot
   * be factorised, which the jitter makes a matter of non-finite input.
   */
  fit(p: number): Float64Array | null {
    const { rows: n, cols: P, data } = this.phi;
    if (n === 0 || p === 0) return new Float64Array(p);
    let frobenius = 0;
    for (let j = 0; j < p; j++) frobenius += this.columnGram[j * P + j];
    // Features that are all zero on the data (a hinge facing away from every point): w = 0 is the
    // minimum-norm least-squares solution, and the jitter, relative to ‖Φ‖, would be zero too.
    if (frobenius === 0) return new Float64Array(p);
    const shift = n * Math.max(0, this.lambda) + (JITTER * frobenius) / Math.min(n, p);
    if (p <= n) {
      const g = new Float64Array(p * p);
      for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) g[a * p + b] = this.columnGram[a * P + b];
      for (let a = 0; a < p; a++) g[a * p + a] += shift;
      const l = cholesky(g, p);
      return l ? choleskySolve(l, p, this.phiTy.subarray(0, p)) : null;
    }
    const k = this.rowGramUpTo(p);
    const g = Float64Array.from(k);
    for (let i = 0; i < n; i++) g[i * n + i] += shift;
    const l = cholesky(g, n);
    if (!l) return null;
    const alpha = choleskySolve(l, n, this.y);
    const w = new Float64Array(p);
    for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) w[j] += data[i * P + j] * alpha[i];
    return w;
  }

  /** ΦΦᵀ over the first p columns. */
  private rowGramUpTo(p: number): Float64Array {
    const { rows: n, cols: P, data } = this.phi;
    if (p < this.rowGramColumns) {
      this.rowGram.fill(0);
      this.rowGramColumns = 0;
    }
    for (let j = this.rowGramColumns; j < p; j++) {
      for (let a = 0; a < n; a++) {
        const v = data[a * P + j];
        if (v === 0) continue;
        for (let b = 0; b < n; b++) this.rowGram[a * n + b] += v * data[b * P + j];
      }
    }
    this.rowGramColumns = p;
    return this.rowGram;
  }
}

/** One fit of Φ's first p columns (all by default): see NestedRidge.fit. */
export function ridgeFit(phi: Matrix, y: Float64Array, lambda: number, p = phi.cols): Float64Array | null {
  return new NestedRidge(phi, y, lambda).fit(p);
}
