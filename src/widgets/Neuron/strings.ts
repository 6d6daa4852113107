// Every word the neuron figure shows, in one place so that a translation can follow.
import { catalogue } from '../../i18n/index.ts';
import type { NeuronActivation } from '../../models/neuron.ts';

export const neuronStrings = catalogue('Neuron', {
  w1: 'Weight w₁',
  w2: 'Weight w₂',
  b: 'Bias b',
  activation: 'Activation σ',
  x1: 'Input x₁',
  x2: 'Input x₂',
  activationNames: {
    step: 'step (threshold)',
    sigmoid: 'sigmoid',
    tanh: 'tanh',
    relu: 'ReLU',
  } satisfies Record<NeuronActivation, string>,
  /** Short names used inside the formula. */
  activationSymbols: { step: 'step', sigmoid: 'sigmoid', tanh: 'tanh', relu: 'ReLU' } satisfies Record<NeuronActivation, string>,
  range: (lo: string, hi: string) => `${lo} to ${hi}`,
  sumLabel: 'Weighted sum',
  sumFormula: (o: { w1: string; x1: string; w2: string; x2: string; b: string }) =>
    `z = w₁·x₁ + w₂·x₂ + b = ${o.w1}·${o.x1} + ${o.w2}·${o.x2} + ${o.b} = `,
  outputFormula: (f: string, z: string) => `ŷ = σ(z) = ${f}(${z}) = `,
  outputLabel: 'Output',
  starting: 'Starting the compute engine…',
  engineFailed: (why: string) => `The compute engine could not start: ${why}`,
  plotTitle: 'The input plane, shaded by the neuron’s output',
  x1Axis: 'x₁',
  x2Axis: 'x₂',
  pointLabel: 'Input point (x₁, x₂)',
  lineLabel: 'w·x + b = 0',
  noLine: 'With w₁ = w₂ = 0 there is no line: the weighted sum is b at every point, so the whole plane gets the same output.',
  lineOutside: 'The line w·x + b = 0 lies outside this window: every point shown is on the same side.',
  plotDescription: (o: {
    w1: string;
    w2: string;
    b: string;
    activation: string;
    x1: string;
    x2: string;
    z: string;
    y: string;
    line: string;
    range: string;
  }) =>
    `The square from −3 to 3 in x₁ and x₂, each point shaded by the output of the neuron with ` +
    `w₁ = ${o.w1}, w₂ = ${o.w2}, b = ${o.b} and activation ${o.activation}; outputs range over ${o.range}. ` +
    `${o.line} The marked point is (${o.x1}, ${o.x2}), where z = ${o.z} and ŷ = ${o.y}.`,
  lineText: (a: string, c: string) => `The line where z = 0 runs from (${a}) to (${c}); z is positive on the side the weight vector points to.`,
  legend: (lo: string, hi: string) => `Shading: blue is output ${lo}, vermilion is output ${hi}, light grey halfway; the solid line is z = 0.`,
  sideNote: 'The weight vector (w₁, w₂), drawn as an arrow, is perpendicular to the line and points towards z > 0.',
  weightArrow: 'w',
  onLine: (v: string) => `On the line z = 0 the output is σ(0) = ${v}.`,
});
