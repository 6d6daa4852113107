// Every capacity of a family fitted at once: for each number of weights p, the least-squares fit
// (minimum-norm past the interpolation threshold p = n) and its mean squared error on the training
// points, the validation points, by k-fold cross-validation on the training points alone, and on
// the large test sample that stands for the true error. Pure and seeded: the figure and the
// chapter's numbers call the same function.
import { designMatrix, rows, maxParameters, reluLayer, type Family } from './features.ts';
import { multiply, NestedRidge, type Matrix } from './leastSquares.ts';
import { drawSample, X_DOMAIN, type Sample } from './sample.ts';

export interface SweepOptions {
  family: Family;
  /** Training points (and as many validation points). */
  n: number;
  /** Standard deviation σ of the label noise. */
  noise: number;
  /** Ridge penalty λ on ‖w‖² (0: plain least squares, minimum-norm past the threshold). */
  lambda: number;
  /** Folds of cross-validation (at most n). */
  folds: number;
  seed: number;
  /** Seed of the random-feature layer (FEATURE_SEED when absent). */
  featureSeed?: number;
  /** Leave out cross-validation (five more fits per capacity) when only the other errors are wanted. */
  skipCv?: boolean;
}

export interface CapacityFit {
  /** Number of fitted weights. */
  parameters: number;
  train: number;
  validation: number;
  cv: number;
  test: number;
  /** ‖w‖ of the fit on all the training points. */
  weightNorm: number;
  /** The fitted curve at CURVE_X. */
  curve: Float64Array;
}

export interface Sweep {
  options: SweepOptions;
  sample: Sample;
  /** One fit per p = 1…the family's largest model. */
  fits: CapacityFit[];
  /** The p with the lowest validation error, and with the lowest cross-validation error. */
  byValidation: number;
  byCv: number;
}

/** Where fitted curves are drawn. */
export const CURVE_POINTS = 161;
export const CURVE_X = Float64Array.from({ length: CURVE_POINTS }, (_, i) => X_DOMAIN[0] + ((X_DOMAIN[1] - X_DOMAIN[0]) * i) / (CURVE_POINTS - 1));

/**
 * Fold f holds the training points i with i mod k = f: each point exactly once. The training
 * points come in order along x (one per strip, sample.ts), so every fold, and every fit on the
 * other folds, spreads over the whole interval, as the fit on all the points does.
 */
export function kFolds(n: number, k: number): number[][] {
  const folds = Math.max(1, Math.min(k, n));
  return Array.from({ length: folds }, (_, f) => Array.from({ length: Math.ceil((n - f) / folds) }, (_, j) => f + j * folds));
}

function meanSquaredError(phi: Matrix, w: Float64Array | null, y: Float64Array): number {
  if (!w || y.length === 0) return NaN;
  const pred = multiply(phi, w);
  let s = 0;
  for (let i = 0; i < y.length; i++) s += (pred[i] - y[i]) ** 2;
  return s / y.length;
}

/** One fold's split of the training set: the rows fitted on and the rows held out, with their labels. */
interface FoldSplit {
  fit: NestedRidge;
  held: Matrix;
  heldY: Float64Array;
}

function foldSplits(phi: Matrix, y: Float64Array, folds: number[][], lambda: number): FoldSplit[] {
  if (folds.length < 2) return [];
  return folds.map((held) => {
    const heldSet = new Set(held);
    const kept = Array.from({ length: y.length }, (_, i) => i).filter((i) => !heldSet.has(i));
    return { fit: new NestedRidge(rows(phi, kept), Float64Array.from(kept, (i) => y[i]), lambda), held: rows(phi, held), heldY: Float64Array.from(held, (i) => y[i]) };
  });
}

/** Cross-validation error of p weights: each fold predicted by the fit on the others, errors pooled. */
function crossValidation(splits: FoldSplit[], p: number): number {
  if (splits.length === 0) return NaN;
  let total = 0;
  let count = 0;
  for (const s of splits) {
    total += meanSquaredError(s.held, s.fit.fit(p), s.heldY) * s.heldY.length;
    count += s.heldY.length;
  }
  return total / count;
}

const argmin = (values: number[]) => values.reduce((best, v, i) => (v < values[best] || !Number.isFinite(values[best]) ? i : best), 0);

export function capacitySweep(options: SweepOptions): Sweep {
  const { family, n, noise, lambda, folds: k, seed } = options;
  const sample = drawSample(seed, n, noise);
  const layer = reluLayer(options.featureSeed);
  const phi = designMatrix(family, sample.train.x, layer);
  const phiValidation = designMatrix(family, sample.validation.x, layer);
  const phiTest = designMatrix(family, sample.test.x, layer);
  const phiCurve = designMatrix(family, CURVE_X, layer);
  const splits = options.skipCv ? [] : foldSplits(phi, sample.train.y, kFolds(n, k), lambda);
  const fitAll = new NestedRidge(phi, sample.train.y, lambda);
  const fits: CapacityFit[] = [];
  for (let p = 1; p <= maxParameters(family); p++) {
    const w = fitAll.fit(p);
    fits.push({
      parameters: p,
      train: meanSquaredError(phi, w, sample.train.y),
      validation: meanSquaredError(phiValidation, w, sample.validation.y),
      cv: options.skipCv ? NaN : crossValidation(splits, p),
      test: meanSquaredError(phiTest, w, sample.test.y),
      weightNorm: w ? Math.hypot(...w) : NaN,
      curve: w ? multiply(phiCurve, w) : new Float64Array(CURVE_POINTS).fill(NaN),
    });
  }
  return {
    options,
    sample,
    fits,
    byValidation: fits[argmin(fits.map((f) => f.validation))].parameters,
    byCv: fits[argmin(fits.map((f) => f.cv))].parameters,
  };
}
