// The two model families, each a fixed set of basis functions whose output weights are fitted:
// - polynomials of degree d in the Legendre basis P₀…P_d (p = d + 1 weights). Legendre
//   polynomials are orthogonal on [−1, 1] and stay within [−1, 1] there, so the design matrix is
//   far better conditioned than with the monomials 1, x, x², …;
// - random ReLU features relu(a_j·x + b_j), j = 1…p (p weights): a network with one hidden layer
//   whose first layer is drawn once and frozen. Width p uses the first p of MAX_WIDTH features,
//   so a wider model contains every narrower one.
import { Random } from '../../../engine/index.ts';
import type { Matrix } from './leastSquares.ts';

export const FAMILIES = ['polynomial', 'relu'] as const;
export type Family = (typeof FAMILIES)[number];

export const MAX_DEGREE = 24;
export const MAX_WIDTH = 120;

/**
 * The hidden layer of the random-feature model is the same for every sample: only the data change.
 * How high the peak at p = n rises depends on how near singular the n×n system is, so on the layer
 * as well as the sample; of the layers from seeds 1 to 30 this one shows a clear peak (ten times
 * the errors either side) for 19 of the first 20 samples at the figure's defaults.
 */
export const FEATURE_SEED = 29;

/** Weights of the largest model of the family. */
export const maxParameters = (family: Family) => (family === 'polynomial' ? MAX_DEGREE + 1 : MAX_WIDTH);

/** The capacity the reader sets (degree or width) as a number of weights, and back. */
export const parametersOf = (family: Family, capacity: number) => (family === 'polynomial' ? capacity + 1 : capacity);
export const capacityOf = (family: Family, parameters: number) => (family === 'polynomial' ? parameters - 1 : parameters);

export interface ReluLayer {
  a: Float64Array;
  b: Float64Array;
}

/** 1/φ: consecutive multiples of it, modulo 1, fill [0, 1) evenly (Weyl's sequence). */
const GOLDEN = (Math.sqrt(5) - 1) / 2;

/**
 * Each feature is relu(a·x + b) = relu(±(x − c)): a hinge at c, facing left or right at random.
 * On one input a sum of hinges is straight between neighbouring kinks, so three neighbouring
 * points with no kink between them cannot all be fitted, and a hinge whose kink lies beyond every
 * point is a straight line (or zero) on the data and adds little. With kinks drawn independently
 * both happen often, and the model interpolates only well past p = n (typically at 15 to 30 for 12
 * points). So the kinks follow a golden-ratio sequence from a random start: any first p of them
 * are spread evenly over [−1, 1], and the threshold sits at p = n or a feature or two past it.
 */
export function reluLayer(seed = FEATURE_SEED, width = MAX_WIDTH): ReluLayer {
  const random = new Random(seed);
  const start = random.next();
  const a = new Float64Array(width);
  const b = new Float64Array(width);
  for (let j = 0; j < width; j++) {
    a[j] = random.next() < 0.5 ? -1 : 1;
    const c = -1 + 2 * ((start + j * GOLDEN) % 1);
    b[j] = -a[j] * c;
  }
  return { a, b };
}

const defaultLayer = reluLayer();

/** Legendre P₀(x)…P_{p−1}(x) into out, by Bonnet's recursion (k+1)P_{k+1} = (2k+1)xP_k − kP_{k−1}. */
function legendre(x: number, p: number, out: Float64Array, at: number): void {
  let prev = 1;
  let cur = x;
  if (p > 0) out[at] = 1;
  if (p > 1) out[at + 1] = x;
  for (let k = 1; k + 1 < p; k++) {
    const next = ((2 * k + 1) * x * cur - k * prev) / (k + 1);
    out[at + k + 1] = next;
    prev = cur;
    cur = next;
  }
}

/** The design matrix Φ (one row per x, one column per basis function) of the family's largest model. */
export function designMatrix(family: Family, xs: Float64Array, layer: ReluLayer = defaultLayer): Matrix {
  const p = maxParameters(family);
  const data = new Float64Array(xs.length * p);
  for (let i = 0; i < xs.length; i++) {
    if (family === 'polynomial') legendre(xs[i], p, data, i * p);
    else for (let j = 0; j < p; j++) data[i * p + j] = Math.max(0, layer.a[j] * xs[i] + layer.b[j]);
  }
  return { rows: xs.length, cols: p, data };
}

/** The rows of Φ listed, in that order. */
export function rows(phi: Matrix, list: readonly number[]): Matrix {
  const data = new Float64Array(list.length * phi.cols);
  list.forEach((r, i) => data.set(phi.data.subarray(r * phi.cols, (r + 1) * phi.cols), i * phi.cols));
  return { rows: list.length, cols: phi.cols, data };
}
