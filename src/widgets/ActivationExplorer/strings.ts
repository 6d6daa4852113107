// Every word the activation explorer shows, in one place so that a translation can follow.
import { catalogue } from '../../i18n/index.ts';
import type { ActivationName } from './curves.ts';

export const explorerStrings = catalogue('ActivationExplorer', {
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
  /** The settings' names in what the frame says about a shared link. */
  linkLabels: { fn: 'function', compare: 'comparison', x: 'input x' },
});
