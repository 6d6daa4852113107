// Every word the gradient-depth figure shows, in one place so that a translation can follow.
import { catalogue } from '../../i18n/index.ts';
import type { GradientActivation, InitName } from '../../models/gradientDepth.ts';

export const depthStrings = catalogue('GradientDepth', {
  activation: 'Activation',
  activationNames: { sigmoid: 'sigmoid', tanh: 'tanh', relu: 'ReLU' } satisfies Record<GradientActivation, string>,
  depth: 'Hidden layers',
  init: 'Initial weights',
  initNames: {
    small: 'small: N(0, 0.01²)',
    xavier: 'Xavier (Glorot)',
    he: 'He (Kaiming)',
    large: 'large: N(0, 1)',
  } satisfies Record<InitName, string>,
  seed: 'Random seed',
  logScale: 'Logarithmic scale',
  newDraw: 'Draw again',
  newDrawHint: 'New random weights and a new random batch (the next seed)',
  xAxis: 'layer (1 = next to the input)',
  yAxis: 'gradient norm ‖∂L/∂W‖',
  yAxisLog: '‖∂L/∂W‖ (log scale)',
  chartTitle: 'Size of each layer’s weight gradient',
  chartDescription: (o: { setup: string; values: string; summary: string }) =>
    `Bar chart, one bar per hidden layer from the input (layer 1) to the output: the norm of the gradient of the loss with respect to that layer's weights, for ${o.setup}. Values: ${o.values}. ${o.summary}`,
  setup: (activation: string, depth: number, init: string, width: number, batch: number) =>
    `${depth} hidden layers of ${width} units with ${activation}, weights initialised ${init}, one batch of ${batch} random inputs`,
  layerValue: (layer: number, value: string) => `layer ${layer}: ${value}`,
  ratio: (ratio: string, last: number, trend: string) => `Layer 1’s gradient is ${ratio} times that of layer ${last}${trend}.`,
  shrinks: ' — it vanishes on the way back to the input',
  grows: ' — it grows on the way back to the input',
  steady: ' — about the same size throughout',
  allZero: 'Every gradient is exactly 0: each of its entries is smaller than the smallest number float32 can hold, so nothing reaches the weights.',
  zeros: (n: number) =>
    `${n === 1 ? '1 layer’s gradient is' : `${n} layers’ gradients are`} exactly 0: every entry is smaller than the smallest float32 number, so those weights would not move at all.`,
  huge: (value: string) =>
    `The largest gradient norm is ${value}: a gradient this size would throw the weights far off in a single step (an exploding gradient).`,
  sigmoidNote: (more: number, bound: string) =>
    `On its way from layer ${more + 1} back to layer 1 the gradient passes through ${more} more ${more === 1 ? 'sigmoid' : 'sigmoids'}, each multiplying it by its slope sigmoid′(z) ≤ 0.25: from the slopes alone, a factor of at most 0.25${sup(more)} ≈ ${bound}. The weights can make up for part of that, rarely for all.`,
  method: 'Loss: mean squared error against random targets; each bar is one backward pass through the engine.',
  starting: 'Starting the compute engine…',
  engineFailed: (why: string) => `The compute engine could not start: ${why}`,
  failed: (why: string) => `The gradients could not be computed: ${why}`,
  /** The settings' names in what the frame says about a shared link. */
  linkLabels: {
    activation: 'activation',
    depth: 'hidden layers',
    init: 'initial weights',
    seed: 'seed',
    log: 'logarithmic scale',
  },
});

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
function sup(n: number): string {
  return String(n).replace(/[0-9]/g, (d) => SUPERSCRIPTS[Number(d)]);
}
