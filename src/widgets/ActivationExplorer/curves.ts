// The activation functions of chapter 2 and their derivatives. Values and slopes both come from
// the engine: the slope is what the backward pass computes, not a formula typed in a second time,
// so the picture shows exactly the gradient a network trained with this engine would receive.
// Everything after `valuesAndSlopes` is plain arithmetic on the arrays it returns.
import { elu, gelu, leakyRelu, mul, relu, sigmoid, softplus, sum, tanh, tensor, tidy, type Tensor } from '../../engine/index.ts';

export const activationNames = ['sigmoid', 'tanh', 'relu', 'leakyRelu', 'elu', 'gelu', 'softplus', 'linear'] as const;
export type ActivationName = (typeof activationNames)[number];

/** Leaky ReLU's slope for negative inputs: PyTorch's default. */
export const LEAKY_SLOPE = 0.01;

/** Each activation as an engine op. `linear` multiplies by 1 so that it is still a recorded op. */
export const activationOps: Record<ActivationName, (x: Tensor) => Tensor> = {
  sigmoid,
  tanh,
  relu,
  leakyRelu: (x) => leakyRelu(x, LEAKY_SLOPE),
  elu: (x) => elu(x, 1),
  gelu,
  softplus,
  linear: (x) => mul(x, 1),
};

export interface Curve {
  x: number[];
  /** f(x) at each x. */
  y: number[];
  /** f'(x) at each x, from the backward pass. */
  slope: number[];
}

// #region derivative
/** f(x) and f'(x) for every x of a batch, in one forward and one backward pass. */
export function valuesAndSlopes(name: ActivationName, xs: number[]): Curve {
  return tidy(() => {
    const x = tensor(xs, [xs.length], { requiresGrad: true });
    const y = activationOps[name](x);
    // y[i] depends on x[i] alone, so the gradient of Σ y with respect to x holds f'(x[i]) at i.
    sum(y).backward();
    return { x: [...xs], y: Array.from(y.data()), slope: Array.from(x.grad!.data()) };
  });
}
// #endregion

/** `n` evenly spaced points from lo to hi, both included. */
export function evenlySpaced(lo: number, hi: number, n: number): number[] {
  if (!(n >= 2)) throw new Error(`evenlySpaced: need at least 2 points, got ${n}`);
  return Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
}

/** Where the slope is below this share of its largest magnitude, the curve counts as saturated. */
export const SATURATION_SHARE = 0.05;

export interface Region {
  from: number;
  to: number;
}

/**
 * The saturated tails of a curve: stretches reaching the edge of the plotted range where
 * |f'| < share · max |f'|. Only tails count: GELU's slope also passes through zero once near
 * x ≈ −0.75, but that is the bottom of its dip, not a flat stretch, and calling it saturated would
 * teach the wrong idea. A region ends where |f'| crosses the threshold, interpolated between the
 * last flat and the first steep sample.
 */
export function saturatedTails(curve: Curve, share = SATURATION_SHARE): Region[] {
  const { x, slope } = curve;
  const n = x.length;
  if (n < 2) return [];
  const peak = Math.max(...slope.map(Math.abs));
  if (!(peak > 0)) return [{ from: x[0], to: x[n - 1] }];
  const limit = share * peak;
  const flat = slope.map((s) => Math.abs(s) < limit);
  // Where |f'| reaches the limit between samples i (flat) and j (steep).
  const crossing = (i: number, j: number) => {
    const a = Math.abs(slope[i]);
    const b = Math.abs(slope[j]);
    return x[i] + ((limit - a) / (b - a)) * (x[j] - x[i]);
  };
  if (flat.every(Boolean)) return [{ from: x[0], to: x[n - 1] }];
  const out: Region[] = [];
  let left = 0;
  while (left < n && flat[left]) left++;
  if (left > 0) out.push({ from: x[0], to: crossing(left - 1, left) });
  let right = n - 1;
  while (right >= 0 && flat[right]) right--;
  if (right < n - 1) out.push({ from: crossing(right + 1, right), to: x[n - 1] });
  return out;
}

/** The tangent line y = f(x₀) + f'(x₀)(x − x₀) at the ends of [lo, hi]. */
export function tangentLine(x0: number, y0: number, slope: number, lo: number, hi: number): [number, number][] {
  return [
    [lo, y0 + slope * (lo - x0)],
    [hi, y0 + slope * (hi - x0)],
  ];
}

/** A y-range holding every value given (and 0), with a margin; never empty. */
export function paddedRange(values: number[], margin = 0.08): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (hi - lo < 1e-9) hi = lo + 1;
  const pad = (hi - lo) * margin;
  return [lo - pad, hi + pad];
}
