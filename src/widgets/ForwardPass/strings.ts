// Every word the forward-pass figure shows, in one place so that a translation can follow.
import { catalogue } from '../../i18n/index.ts';
import type { ForwardActivation } from './network.ts';

export const forwardStrings = catalogue('ForwardPass', {
  activation: 'Activation of the hidden layers',
  layerSizes: 'layer sizes',
  inputsLabel: 'inputs',
  seed: 'seed',
  stepLabel: 'layer shown',
  unknown: '?',
  activationNames: { relu: 'ReLU', sigmoid: 'sigmoid', tanh: 'tanh' } satisfies Record<ForwardActivation, string>,
  input: (i: number) => `Input x${sub(i)}`,
  next: 'Next layer',
  previous: 'Previous layer',
  restart: 'Back to the input',
  newWeights: 'New weights',
  newWeightsHint: 'Draw a fresh set of random weights and biases',
  starting: 'Starting the compute engine…',
  engineFailed: (why: string) => `The compute engine could not start: ${why}`,
  keysLabel: 'Network diagram: the right arrow computes the next layer, the left arrow goes back',
  keysHint: 'With the diagram focused, → computes the next layer, ← goes back, Home returns to the input.',
  progress: (step: number, total: number) => `Layer ${step} of ${total} computed`,
  atInput: (x: string) =>
    `The input x = ${x} enters the network. Press “Next layer” to compute the first layer: every unit takes a weighted sum of the values before it, adds its bias, then applies the activation.`,
  done: 'That is the whole forward pass: the last values are the network’s outputs.',
  outputLayerNote: 'The output layer applies no activation: its raw values are the network’s scores.',
  diagramTitle: 'The network as nodes and edges',
  diagramDescription: (o: { sizes: string; computed: string; weights: number; largest: string }) =>
    `A fully connected network with layer sizes ${o.sizes}. Edges are weights: thicker for a larger magnitude, ` +
    `solid vermilion when positive, dashed blue when negative; ${o.weights} weights in all, the largest magnitude ${o.largest}. ` +
    `Values written in the nodes: ${o.computed}.`,
  layerValues: (name: string, values: string) => `${name} = ${values}`,
  notYet: 'not computed yet',
  legend: 'Edges are weights: solid vermilion for positive, dashed blue for negative, thicker for a larger magnitude.',
  matrixLabel: (name: string, rows: number, cols: number) => `${name}, a ${rows}×${cols} matrix`,
  weightName: (k: number) => `W${layerIndex(k)}`,
  biasName: (k: number) => `b${layerIndex(k)}`,
  formulaHidden: (out: string, f: string, inp: string, W: string, b: string) => `${out} = ${f}(${inp} ${W} + ${b})`,
  formulaOutput: (out: string, inp: string, W: string, b: string) => `${out} = ${inp} ${W} + ${b}`,
  productLine: (inp: string, W: string, product: string, b: string, z: string) => `${inp} ${W} = ${product}; plus the bias ${b}: z = ${z}`,
  activated: (out: string, f: string, values: string) => `${out} = ${f}(z) = ${values}`,
  unactivated: (out: string, values: string) => `${out} = z = ${values}.`,
  times: '·',
  plus: '+',
  seedNote: (seed: number) => `Weights drawn with seed ${seed}. Numbers are shown to two decimals; the computation keeps all digits.`,
});

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
/** A whole number as subscript digits (x₁, W₂). */
export function sub(n: number): string {
  return String(n)
    .split('')
    .map((d) => SUBSCRIPTS[Number(d)] ?? d)
    .join('');
}

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** A layer number as the book writes it, a superscript in brackets: W⁽¹⁾, h⁽²⁾. */
export function layerIndex(k: number): string {
  const digits = String(k)
    .split('')
    .map((d) => SUPERSCRIPTS[Number(d)] ?? d)
    .join('');
  return `⁽${digits}⁾`;
}

/** The name of the values after layer k: x for the input, ŷ for the output, h⁽ᵏ⁾ between. */
export function valueName(k: number, layerCount: number): string {
  if (k === 0) return 'x';
  return k === layerCount - 1 ? 'ŷ' : `h${layerIndex(k)}`;
}
