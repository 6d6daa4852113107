// The variance argument behind every initialisation scheme (Glorot & Bengio 2010, He et al. 2015),
// for the square hidden layers of this figure: with n inputs per unit, zero-mean weights and inputs,
//   forward:  Var[z_{l+1}] = n·Var[W]·E[f(z_l)²]
//   backward: Var[δ_l]     = n·Var[W]·E[f′(z_l)²]·Var[δ_{l+1}]
// so each layer multiplies the variance by a gain; a gain of 1 keeps it, below 1 it vanishes
// geometrically with depth, above 1 it explodes.
import type { Activation, Scheme } from './initialisation.ts';

/**
 * Var[W] of a hidden weight (n × n) as the engine draws it (src/engine/nn/init.ts), times the
 * multiplier m²: normal N(0, σ²) with σ = m; Xavier-normal 2/(n_in + n_out) (Glorot's two-sided
 * form, = 1/n for a square layer); He-normal (Kaiming, fan-in) 2/n_in; orthogonal m·Q with
 * QᵀQ = I, whose entries have variance 1/n; zero, 0.
 */
export function weightVariance(scheme: Scheme, n: number, m: number): number {
  switch (scheme) {
    case 'normal':
      return m * m;
    case 'xavier':
      return (m * m * 2) / (n + n);
    case 'he':
      return (m * m * 2) / n;
    case 'orthogonal':
      return (m * m) / n;
    case 'zero':
      return 0;
  }
}

/**
 * E[f(z)²]/Var[z] for zero-mean z: 1 for the identity, ½ for ReLU (it zeroes half of a symmetric
 * input); for tanh at most 1 (exactly 1 only for small z, less once it saturates). Sigmoid has no
 * such ratio: its output's mean is ½, so E[σ(z)²] ≥ ¼ whatever Var[z] is (null).
 */
export function forwardFactor(activation: Activation): number | null {
  return { linear: 1, relu: 0.5, tanh: 1, sigmoid: null }[activation];
}

/** E[f′(z)²], or its upper bound: 1 (identity), ½ (ReLU), ≤ 1 (tanh, tanh′ ≤ 1), ≤ 1/16 (sigmoid, σ′ ≤ ¼). */
export function backwardFactor(activation: Activation): number {
  return { linear: 1, relu: 0.5, tanh: 1, sigmoid: 1 / 16 }[activation];
}

/** Whether the factors are bounds (≤) rather than equalities. */
export function factorIsBound(activation: Activation): boolean {
  return activation === 'tanh' || activation === 'sigmoid';
}

export interface LayerGains {
  /** Var[W] of a hidden weight. */
  variance: number;
  /** Per-layer gain of the activations' variance (null for sigmoid, see forwardFactor). */
  forward: number | null;
  /** Per-layer gain of the gradients' variance (an upper bound for tanh and sigmoid). */
  backward: number;
  /** For sigmoid: the least Var[z] can be at any layer past the first, n·Var[W]/4. */
  sigmoidFloor: number | null;
}

export function layerGains(activation: Activation, scheme: Scheme, n: number, m: number): LayerGains {
  const variance = weightVariance(scheme, n, m);
  const f = forwardFactor(activation);
  return {
    variance,
    forward: f === null ? null : n * variance * f,
    backward: n * variance * backwardFactor(activation),
    sigmoidFloor: activation === 'sigmoid' ? (n * variance) / 4 : null,
  };
}

/** The spread's ratio over `layers` layers of a per-layer variance gain g: √(g^layers). */
export function compoundStdRatio(gain: number, layers: number): number {
  return Math.sqrt(gain) ** layers;
}
