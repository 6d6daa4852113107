// Every word the gradient-check figure shows, in one place so that a translation can follow.
import { catalogue } from '../../i18n/index.ts';
import type { Param, Rule, Verdict } from './check.ts';

export const checkStrings = catalogue('GradientCheck', {
  param: 'Parameter',
  paramNames: { w1: 'weight w₁', w2: 'weight w₂', b: 'bias b' } satisfies Record<Param, string>,
  rule: 'Backward rule of the sigmoid',
  ruleNames: {
    correct: 'correct: sigmoid′(z) = sigmoid(z)(1 − sigmoid(z))',
    noSlope: 'broken: forgets sigmoid′ (passes the gradient straight through)',
    flipped: 'broken: sign error (−sigmoid′)',
  } satisfies Record<Rule, string>,
  eps: 'Step ε of the finite difference',
  autograd: 'Autograd (backward pass)',
  numerical: 'Finite difference (L(θ+ε) − L(θ−ε)) / 2ε',
  relative: 'Relative error |a − n| / max(|a|, |n|)',
  verdicts: {
    agree: 'They agree as well as float32 arithmetic allows: the backward rule is right.',
    borderline: 'Close but not convincing: try another ε. Float32 rounding is large below ε ≈ 10⁻⁴, the curvature of L above ε ≈ 10⁻².',
    wrong: 'They disagree by far more than rounding can explain: the backward rule is wrong. No ε fixes that.',
  } satisfies Record<Verdict, string>,
  guidance:
    'How to read it: this engine computes in float32, where a correct rule gives about 10⁻⁵ at a good ε and stays under 10⁻³ over a wide range of ε; in float64 a correct rule gives 10⁻⁷ or less. A wrong rule gives an error near 1 at every ε.',
  chartTitle: 'Relative error against ε',
  chartDescription: (rule: string, param: string, best: string, bestEps: string, at: string) =>
    `Line on log–log axes: the relative error between autograd and the finite difference for ${param}, with the ${rule} rule, for ε from 10⁻⁷ to 1. Smallest error ${best} at ε = ${bestEps}. At the chosen ε: ${at}.`,
  xAxis: 'ε (log scale)',
  yAxis: 'relative error (log scale)',
  model: 'Model: L(w₁, w₂, b) = mean over four examples of (sigmoid(w₁x₁ + w₂x₂ + b) − y)², at w₁ = 0.8, w₂ = −0.4, b = 0.1.',
  starting: 'Starting the compute engine…',
  engineFailed: (why: string) => `The compute engine could not start: ${why}`,
  failed: (why: string) => `The check could not be computed: ${why}`,
  /** The settings' names in what the frame says about a shared link. */
  linkLabels: { param: 'parameter', rule: 'backward rule', logEps: 'log₁₀ ε' },
});
