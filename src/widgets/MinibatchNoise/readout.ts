// What the figure's text says about the arrows and the batch size, from the numbers the engine
// handed back: how far the mini-batch arrows stray from the full-batch direction, and what a batch
// size costs and buys.
import { N } from './problem.ts';

export interface ArrowSpread {
  /** Arrows whose step goes downhill to first order (a positive dot product with the full-batch gradient). */
  downhill: number;
  /** Mean and largest angle, in degrees, between a mini-batch gradient and the full-batch gradient. */
  meanAngle: number;
  maxAngle: number;
}

/** Angle in degrees between two vectors of the plane (0 to 180); NaN when either is zero. */
export function angleBetween(a: readonly [number, number], b: readonly [number, number]): number {
  if (!(Math.hypot(a[0], a[1]) > 0 && Math.hypot(b[0], b[1]) > 0)) return NaN;
  // atan2 of |cross| and dot: accurate near 0° and 180°, where acos of the cosine is not.
  return (Math.atan2(Math.abs(a[0] * b[1] - a[1] * b[0]), a[0] * b[0] + a[1] * b[1]) * 180) / Math.PI;
}

/**
 * How the arrows spread around the full-batch direction. Null where the full-batch gradient is
 * lost in the noise (shorter than a hundredth of the noise's spread, as at the minimum): there is
 * no direction to measure against.
 */
export function arrowSpread(full: readonly [number, number], arrows: readonly (readonly [number, number])[], sigma2: number): ArrowSpread | null {
  if (arrows.length === 0 || !(Math.hypot(full[0], full[1]) > 0.01 * Math.sqrt(sigma2))) return null;
  const angles = arrows.map((g) => angleBetween(g, full)).filter(Number.isFinite);
  if (angles.length === 0) return null;
  return {
    downhill: arrows.filter((g) => g[0] * full[0] + g[1] * full[1] > 0).length,
    meanAngle: angles.reduce((s, v) => s + v, 0) / angles.length,
    maxAngle: Math.max(...angles),
  };
}

export interface BatchArithmetic {
  /** Example-gradients one step costs. */
  cost: number;
  /** How many times smaller the noise's variance is than one example's: B, or B·(N − 1)/(N − B) without replacement. */
  varianceFold: number;
  exactVarianceFold: number;
  /** The same for the standard deviation: the square roots. */
  sdFold: number;
  exactSdFold: number;
}

export function batchArithmetic(batch: number, n = N): BatchArithmetic {
  const exact = batch >= n ? Infinity : (batch * (n - 1)) / (n - batch);
  return { cost: batch, varianceFold: batch, exactVarianceFold: exact, sdFold: Math.sqrt(batch), exactSdFold: Math.sqrt(exact) };
}
