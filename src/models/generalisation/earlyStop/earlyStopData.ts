// The early-stopping figure's data: a smooth curve on [−1, 1], a few noisy training points drawn
// from it, as many validation points drawn the same way, and a dense grid on which the test loss
// is the squared distance from the curve itself (the error a fit makes on new inputs, less the
// noise no fit can predict). The seed draws the points and their noise.
import { Random } from '../../../engine/index.ts';

export const X_DOMAIN: [number, number] = [-1, 1];
/** Training and validation points each (Prechelt's setting: little data, a big network). */
export const POINTS = 15;
/** The noise's standard deviation on every training and validation target. */
export const NOISE = 0.3;
/** Points of the test grid (and of every drawn curve). */
export const GRID_POINTS = 161;

// #region curve
/** The curve the points come from. */
export function trueCurve(x: number): number {
  return Math.sin(2.5 * x) + 0.5 * x;
}
// #endregion

export interface Sample {
  x: number[];
  y: number[];
}

export interface EarlyStopData {
  train: Sample;
  validation: Sample;
  /** Evenly spaced inputs over the domain and the curve's values there (no noise). */
  test: Sample;
}

function draw(rng: Random, n: number): Sample {
  const x = Array.from({ length: n }, () => rng.uniform(X_DOMAIN[0], X_DOMAIN[1])).sort((a, b) => a - b);
  return { x, y: x.map((v) => trueCurve(v) + rng.normal(0, NOISE)) };
}

export function testGrid(): Sample {
  const [lo, hi] = X_DOMAIN;
  const x = Array.from({ length: GRID_POINTS }, (_, i) => lo + ((hi - lo) * i) / (GRID_POINTS - 1));
  return { x, y: x.map(trueCurve) };
}

/** The training and validation points for a seed (their own stream, apart from the weights'). */
export function makeData(seed: number): EarlyStopData {
  const rng = new Random(seed * 7919 + 17);
  const train = draw(rng, POINTS);
  const validation = draw(rng, POINTS);
  return { train, validation, test: testGrid() };
}
