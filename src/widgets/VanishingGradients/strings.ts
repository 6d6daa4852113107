// Every word the vanishing/exploding-gradients figure shows, in one place for translation.
import { catalogue } from '../../i18n/index.ts';
import type { GradientActivation } from './deep.ts';

export const vanishingStrings = catalogue('VanishingGradients', {
  activation: 'Activation',
  activationNames: { sigmoid: 'sigmoid', tanh: 'tanh', relu: 'ReLU' } satisfies Record<GradientActivation, string>,
  depth: 'Hidden layers',
  scale: 'Initial weight scale (× 1/√fan-in)',
  seed: 'Random seed',
  lecun: 'Scale 1 (LeCun)',
  he: 'Scale √2 (He, for ReLU)',
  chartTitle: 'Gradient norm of each layer’s weights',
  chartDescription: (o: { when: string; values: string; summary: string }) =>
    `Bar chart on a log scale, one bar per hidden layer from the input (layer 1) to the output: ‖∂L/∂W‖ ${o.when}. Values: ${o.values}. ${o.summary}`,
  whenStart: 'at the starting weights',
  whenStep: (n: number) => `at step ${n}`,
  xAxis: 'layer (1 = next to the input)',
  yAxis: '‖∂L/∂W‖ (log scale)',
  layerValue: (layer: number, value: string) => `layer ${layer}: ${value}`,
  ratio: (ratio: string, last: number) => `Layer 1’s gradient is ${ratio} times that of layer ${last}.`,
  lossTitle: 'Training loss',
  lossSeries: 'deep stack',
  live: 'Show the gradients of the current step',
  whenStartTitle: 'Gradient size per layer at the starting weights (what decides whether training can start)',
  whenStepTitle: (n: number) => `Gradient size per layer at step ${n}`,
  verdictLearnt: 'It learns: the gradient reaches every layer at a useful size.',
  verdictStuck: 'Stuck at chance (loss ln 2 ≈ 0.69): the gradient reaching the early layers is too small to move them.',
  verdictRunning: 'Training… watch whether the loss leaves ln 2 ≈ 0.69, the loss of a coin toss.',
  verdictIdle: 'Press Train: plain gradient descent, learning rate 0.1, on 200 points inside and outside a circle.',
  accuracy: (acc: string) => `accuracy ${acc}`,
  explodedAdvice: 'The gradients exploded and training broke down: lower the weight scale or use fewer layers.',
  explodedReset: 'Use scale 1 and try again',
  method: 'Hidden layers of 16 units; weights drawn from N(0, (scale/√fan-in)²), biases 0; binary cross-entropy; plain gradient descent, η = 0.1.',
  /** How the shared-link notices name each setting. */
  linkLabels: {
    activation: 'activation',
    depth: 'hidden layers',
    scale: 'weight scale',
    seed: 'seed',
    live: 'show the current step',
  },
});
