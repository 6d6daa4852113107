// The problem the mini-batch figure is about: a line ŷ = w·x + b fitted by squared error to 200
// seeded noisy points, so that a gradient is an arrow in the (w, b) plane. This file holds the
// data, the figure's ranges, the seeded draws of mini-batches and the theory line; the gradients
// themselves are the engine's (gradients.ts).
import { Random } from '../../engine/index.ts';

/** Number of examples. */
export const N = 200;
/** The batch sizes the reader chooses from: powers of two, then the whole set. */
export const BATCH_SIZES = ['1', '2', '4', '8', '16', '32', '64', '128', '200'] as const;
export type BatchSizeChoice = (typeof BATCH_SIZES)[number];
export const batchSizes: readonly number[] = BATCH_SIZES.map(Number);

/** The parameter plane drawn, and the range of the draggable point. */
export const W_RANGE: [number, number] = [-1, 5];
export const B_RANGE: [number, number] = [-2, 4];
/** Where the point starts: far enough from the minimum for the full-batch arrow to be long. */
export const START = { w: 0, b: -1 };

/**
 * Arrows are drawn as the step −η·g that gradient descent would take, with this η; the paths take
 * it too. One example's curvature 2(x² + 1) is below 10 here, so even B = 1 is stable (ηλ < 2).
 */
export const ETA = 0.2;
/** Mini-batch arrows drawn per batch size. */
export const ARROWS = 20;
/** Draws per batch size behind each measured variance. */
export const DRAWS = 200;
/** Steps of each path when the figure runs gradient descent from the point. */
export const PATH_STEPS = 20;

const DATA_SEED = 7;
const BATCH_SEED = 101;

export interface Sample {
  x: number[];
  y: number[];
}

/**
 * The true line behind the data and its noise: y = 2x + 1 + ε, ε ~ N(0, 1.5²), x uniform in [−1, 2].
 * The noise sets the gradient noise left at the minimum: enough for B = 8's arrows to show there.
 */
export const TRUE_LINE = { w: 2, b: 1, noise: 1.5, xFrom: -1, xTo: 2 };

/** The 200 points, the same on every screen. */
export function makeSample(): Sample {
  const rng = new Random(DATA_SEED);
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < N; i++) {
    const xi = rng.uniform(TRUE_LINE.xFrom, TRUE_LINE.xTo);
    x.push(xi);
    y.push(TRUE_LINE.w * xi + TRUE_LINE.b + rng.normal(0, TRUE_LINE.noise));
  }
  return { x, y };
}

/** The least-squares line of the sample (the loss surface's minimum), by the normal equations. */
export function leastSquares({ x, y }: Sample): { w: number; b: number } {
  const n = x.length;
  const mx = x.reduce((a, v) => a + v, 0) / n;
  const my = y.reduce((a, v) => a + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  x.forEach((xi, i) => {
    sxy += (xi - mx) * (y[i] - my);
    sxx += (xi - mx) ** 2;
  });
  const w = sxy / sxx;
  return { w, b: my - w * mx };
}

/**
 * The variance of the mean of B examples' gradients drawn without replacement from N, around the
 * full-batch gradient: σ²/B · (N − B)/(N − 1), σ² the per-example gradients' variance (divisor N).
 * The second factor is the finite-population correction: it is 0 at B = N, where every batch is
 * the whole set (e.g. Cochran, Sampling Techniques, 1977, §2.5).
 */
export function theoryVariance(sigma2: number, batch: number, n = N): number {
  return n <= 1 ? 0 : ((sigma2 / batch) * (n - batch)) / (n - 1);
}

/**
 * `draws` mini-batches of `batch` distinct examples each (a partial Fisher–Yates shuffle per
 * batch), flattened: batch d is entries d·B … d·B + B − 1. The stream is fixed by the draw counter
 * and the batch size, so a link reproduces the same batches.
 */
export function drawBatches(batch: number, draws: number, draw: number, n = N): Int32Array {
  if (!Number.isInteger(batch) || batch < 1 || batch > n) throw new Error(`drawBatches: batch size must be an integer in [1, ${n}], got ${batch}`);
  const rng = new Random(BATCH_SEED + 1009 * draw + batch);
  const out = new Int32Array(draws * batch);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let d = 0; d < draws; d++) {
    for (let k = 0; k < batch; k++) {
      const j = k + rng.int(n - k);
      [order[k], order[j]] = [order[j], order[k]];
      out[d * batch + k] = order[k];
    }
  }
  return out;
}

/** One draw of batches of every size: what the variance curve and the arrows use. */
export interface BatchDraw {
  /** Batches per batch size. */
  draws: number;
  /** For each of `batchSizes`, its batches one after another. */
  indices: Int32Array[];
  /** Every batch's row of the averaging matrix, batch size by batch size: [batchSizes.length · draws, N]. */
  averaging: Float32Array;
}

/** Every batch size's batches for one draw counter. */
export function drawAllBatches(draw: number, draws = DRAWS, n = N): BatchDraw {
  const indices = batchSizes.map((batch) => drawBatches(batch, draws, draw, n));
  return { draws, indices, averaging: averagingMatrix(indices, batchSizes, n) };
}

/**
 * The averaging matrix of a list of batches: row r has 1/B in the columns of batch r's examples
 * and 0 elsewhere, so that (matrix · per-example gradients) is each batch's mean gradient. Plain
 * numbers, built once per draw; `batches[k]` holds batches of `sizes[k]` one after another.
 */
export function averagingMatrix(batches: readonly Int32Array[], sizes: readonly number[], n: number): Float32Array {
  const rows = batches.reduce((r, idx, k) => r + idx.length / sizes[k], 0);
  const out = new Float32Array(rows * n);
  let row = 0;
  batches.forEach((idx, k) => {
    const size = sizes[k];
    for (let i = 0; i < idx.length; i++) out[(row + Math.floor(i / size)) * n + idx[i]] = 1 / size;
    row += idx.length / size;
  });
  return out;
}


/** The order in which gradient descent with batches of B visits the examples: reshuffled each epoch. */
export function epochOrder(steps: number, batch: number, draw: number, n = N): number[][] {
  const rng = new Random(BATCH_SEED + 7919 * (draw + 1) + batch);
  const batches: number[][] = [];
  let order: number[] = [];
  let at = n;
  for (let t = 0; t < steps; t++) {
    if (at + batch > n) {
      order = rng.permutation(n);
      at = 0;
    }
    batches.push(order.slice(at, at + batch));
    at += batch;
  }
  return batches;
}
