// Every word the activation explorer shows, in one place so that a translation can follow.
import type { ActivationName } from './curves.ts';

export const explorerStrings = {
  fn: 'Function',
  compare: 'Compare with',
  none: 'nothing',
  x: 'Input x',
  names: {
    sigmoid: 'sigmoid',
    tanh: 'tanh',
    relu: 'ReLU',
    leakyRelu: 'leaky ReLU',
    elu: 'ELU',
    gelu: 'GELU',
    softplus: 'softplus',
    linear: 'linear (identity)',
  } satisfies Record<ActivationName, string>,
  formulas: {
    sigmoid: 'sigmoid(x) = 1 / (1 + e⁻ˣ), between 0 and 1',
    tanh: 'tanh(x) = (eˣ − e⁻ˣ) / (eˣ + e⁻ˣ), between −1 and 1',
    relu: 'ReLU(x) = max(0, x), from 0 upwards',
    leakyRelu: 'x for x > 0, else 0.01·x: any real number',
    elu: 'x for x > 0, else eˣ − 1: above −1',
    gelu: 'x·Φ(x), Φ the standard normal distribution function: dips a little below 0, then rises without limit',
    softplus: 'ln(1 + eˣ), a smooth ReLU: above 0',
    linear: 'x itself: no non-linearity at all',
  } satisfies Record<ActivationName, string>,
  valueTitle: 'The function f(x)',
  slopeTitle: 'Its derivative f′(x)',
  valueAxis: 'f(x)',
  slopeAxis: 'f′(x)',
  xAxis: 'x',
  saturated: 'saturated',
  pointLabel: (name: string) => `Input x on the ${name} curve`,
  keysHint: 'Drag the point along the curve, or focus it and use the arrow keys.',
  readout: (name: string, x: string, y: string, slope: string) => `${name}: f(${x}) = ${y}, slope f′(${x}) = ${slope}`,
  kinkNote: (name: string, slope: string) =>
    `${name} has a corner at x = 0, where the derivative is not defined; the engine uses ${slope} there, as PyTorch does.`,
  saturation: (name: string, where: string) => `${name} saturates (|f′| below 5% of its largest value) ${where}.`,
  noSaturation: (name: string) => `${name} never saturates on this range: its slope stays above 5% of its largest value.`,
  everywhere: 'everywhere on this range',
  below: (x: string) => `for x < ${x}`,
  above: (x: string) => `for x > ${x}`,
  and: ' and ',
  valueDescription: (o: { curves: string; x: string; values: string; saturated: string }) =>
    `Curves of ${o.curves} for x from −6 to 6. The marked input x = ${o.x}, with the tangent line drawn there: ${o.values}. ${o.saturated}`,
  slopeDescription: (o: { curves: string; peak: string; x: string; slopes: string }) =>
    `The derivative of ${o.curves}, computed by the engine's backward pass, for x from −6 to 6; ${o.peak}. At x = ${o.x}: ${o.slopes}.`,
  peak: (name: string, value: string) => `the largest slope of ${name} is ${value}`,
  starting: 'Starting the compute engine…',
  engineFailed: (why: string) => `The compute engine could not start: ${why}`,
};

const SUPERSCRIPTS: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** 2.47e-3 as 2.47×10⁻³. */
export function scientific(v: number, digits = 2): string {
  const [mantissa, exponent] = v.toExponential(digits).split('e');
  const power = String(Number(exponent)).replace(/[-0-9]/g, (c) => SUPERSCRIPTS[c]);
  return `${mantissa.replace('-', '−')}×10${power}`;
}

/**
 * A number as the figure writes it: `decimals` places, or three significant digits in powers of
 * ten when it is too small for them (a saturated slope of 0.00247 must not read as 0.002 or 0).
 */
export function fmt(v: number, decimals = 3): string {
  if (!Number.isFinite(v)) return '–';
  if (v === 0) return '0';
  if (Math.abs(v) < 0.01) return scientific(v);
  return v.toFixed(decimals).replace('-', '−');
}
