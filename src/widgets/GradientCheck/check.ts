// Gradient checking on a small model: a sigmoid neuron with a squared error over four examples.
// The autograd gradient of one chosen parameter is set beside a central finite difference taken
// with the engine's own forward passes (float32), and their relative error measured. A "broken"
// sigmoid keeps the correct forward value but carries a wrong backward rule, built from engine
// pieces: the value is computed under noGrad and added to something whose gradient is the wrong
// one, so the check has something to catch.
import { add, mean, mul, noGrad, sigmoid, square, sub, tensor, tidy, type Tensor } from '../../engine/index.ts';

export const rules = ['correct', 'noSlope', 'flipped'] as const;
export type Rule = (typeof rules)[number];
export const params = ['w1', 'w2', 'b'] as const;
export type Param = (typeof params)[number];

/** The neuron's starting parameters and its four examples (inputs, targets). */
export const THETA: Record<Param, number> = { w1: 0.8, w2: -0.4, b: 0.1 };
export const XS = [
  [1, 2],
  [-1, 0.5],
  [0.5, -1.5],
  [2, 1],
];
export const YS = [1, 0, 0, 1];

// #region broken
/** σ with the right value and a chosen backward rule. */
export function sigmoidWithRule(z: Tensor, rule: Rule): Tensor {
  if (rule === 'correct') return sigmoid(z);
  const value = noGrad(() => sigmoid(z)); // the right value, no gradient through it
  if (rule === 'noSlope') {
    // value + (z − z): the gradient is that of z, i.e. 1: the σ′(z) factor is forgotten.
    return add(value, sub(z, noGrad(() => mul(z, 1))));
  }
  // 2·value − σ(z): the value is σ(z), the gradient −σ′(z): a sign error in the rule.
  return sub(mul(value, 2), sigmoid(z));
}
// #endregion

/** L(θ) = mean over the examples of (σ(x·w + b) − y)². */
function loss(theta: Record<Param, Tensor | number>, rule: Rule): Tensor {
  const x1 = tensor(XS.map((x) => x[0]));
  const x2 = tensor(XS.map((x) => x[1]));
  const z = add(add(mul(x1, theta.w1), mul(x2, theta.w2)), theta.b);
  return mean(square(sub(sigmoidWithRule(z, rule), tensor(YS))));
}

/** The loss with the parameters as given (engine forward pass, float32). */
export function lossAt(theta: Record<Param, number>): number {
  return tidy(() => noGrad(() => loss(theta, 'correct').item()));
}

/** ∂L/∂param from the engine's backward pass, with the chosen rule for σ. */
export function autogradGradient(theta: Record<Param, number>, param: Param, rule: Rule): number {
  return tidy(() => {
    const p = Object.fromEntries(params.map((k) => [k, tensor(theta[k], undefined, { requiresGrad: true })])) as Record<Param, Tensor>;
    const L = loss(p, rule);
    L.backward();
    return p[param].grad!.item();
  });
}

// #region check
/** Central difference (L(θ + ε) − L(θ − ε)) / 2ε, from two engine forward passes. */
export function numericalGradient(theta: Record<Param, number>, param: Param, eps: number): number {
  const plus = lossAt({ ...theta, [param]: theta[param] + eps });
  const minus = lossAt({ ...theta, [param]: theta[param] - eps });
  return (plus - minus) / (2 * eps);
}

/** |a − n| / max(|a|, |n|, tiny): 0 when both are 0, and never a division by zero. */
export function relativeError(a: number, n: number, tiny = 1e-12): number {
  return Math.abs(a - n) / Math.max(Math.abs(a), Math.abs(n), tiny);
}
// #endregion

export type Verdict = 'agree' | 'borderline' | 'wrong';

/**
 * What a relative error means for a float32 check like this one: a correct rule reaches about
 * 10⁻⁵ at a good ε and stays below 10⁻³ over a wide range of ε; a wrong rule is off by a factor,
 * so its error is of order 1 whatever ε is. (In float64, a correct rule reaches 10⁻⁷ or less.)
 */
export function verdict(rel: number): Verdict {
  if (!Number.isFinite(rel)) return 'wrong';
  if (rel < 1e-3) return 'agree';
  if (rel < 1e-2) return 'borderline';
  return 'wrong';
}

export interface CheckResult {
  autograd: number;
  numerical: number;
  relative: number;
  verdict: Verdict;
  /** Relative error for ε = 10⁻⁷ … 10⁰, for the curve. */
  sweep: { eps: number; relative: number }[];
}

export const SWEEP = Array.from({ length: 29 }, (_, i) => 10 ** (-7 + i * 0.25));

export function gradientCheck(theta: Record<Param, number>, param: Param, rule: Rule, eps: number): CheckResult {
  const autograd = autogradGradient(theta, param, rule);
  const numerical = numericalGradient(theta, param, eps);
  const relative = relativeError(autograd, numerical);
  const sweep = SWEEP.map((e) => ({ eps: e, relative: relativeError(autograd, numericalGradient(theta, param, e)) }));
  return { autograd, numerical, relative, verdict: verdict(relative), sweep };
}
