// Every word the weight-penalty figure shows, in one place so that a translation can follow.
import { catalogue } from '../../i18n/index.ts';
import type { PenaltyKind } from '../../models/generalisation/penalty/network.ts';

export const penaltyStrings = catalogue('WeightPenalty', {
  penalty: 'Penalty',
  penaltyNames: {
    none: 'None',
    l2: 'L2 (weight decay)',
    l1prox: 'L1 by soft-thresholding',
    l1sub: 'L1 added to the loss',
  } satisfies Record<PenaltyKind, string>,
  lambda: 'Strength λ',
  lambdaOff: '0 (off)',
  learningRate: 'Learning rate η',
  /** What each penalty does to a weight at every step, in one line under the controls. */
  rules: {
    none: 'w ← w − η·g',
    l2: 'w ← w − η·(g + λ·w)',
    l1prox: 'w ← w − η·g, then w ← sign(w)·max(|w| − η·λ, 0)',
    l1sub: 'w ← w − η·(g + λ·sign(w))',
  } satisfies Record<PenaltyKind, string>,
  zeroLine: (k: number, n: number) => `${k} of ${n} weights are exactly zero`,
  accuracy: (train: string, test: string) => `right: ${train} of training, ${test} of test points`,
  testAccuracy: (test: string) => `${test} of test points right`,
  notTrained: 'not trained yet',
  /** Follows the zero line when the penalty has taken every weight (nearly) to 0. */
  verdictCollapsed: ': every weight is (nearly) 0, one answer everywhere. Underfit.',
  x1: 'x₁',
  x2: 'x₂',
  surfaceTitle: 'Decision surface over x₁ and x₂',
  surfaceDescription: (o: { step: number; accuracy: string; penalty: string }) =>
    `Heat map over x₁ and x₂ from −2.5 to 2.5 of the network's probability of class 1 (blue for 0, vermilion for 1), with the six noise inputs at 0, after ${o.step} steps with ${o.penalty}. The line is the 0.5 boundary. Training points are filled, test points hollow; circles are class 0, triangles class 1. ${o.accuracy}.`,
  surfaceKey: 'Filled: training points; hollow: test points; n₁ to n₆ at 0.',
  histogramTitle: 'Every weight',
  histogramX: 'weight value',
  histogramY: 'weights',
  nonZero: 'non-zero weights',
  exactlyZero: 'exactly 0',
  histogramDescription: (o: { zeros: number; total: number; range: string; bins: string }) =>
    `Histogram of the network's ${o.total} weights (not its biases) in bins from −${o.range} to ${o.range}, with the weights that are exactly 0 as a separate bar at 0: ${o.zeros}. Counts per bin, from the most negative: ${o.bins}.`,
  inputsTitle: 'Size of each input’s outgoing weights (n₁ to n₆: noise)',
  inputsY: '√Σw²',
  inputsX: 'input',
  inputNames: ['x₁', 'x₂', 'n₁', 'n₂', 'n₃', 'n₄', 'n₅', 'n₆'],
  inputsDescription: (values: string, off: number) =>
    `Bar chart of the size (root sum of squares) of the 16 weights leaving each input: ${values}. The inputs n₁ to n₆ are noise, unrelated to the class; ${off} of them are switched off (every weight leaving them is exactly 0).`,
  inputValue: (name: string, v: string, zeros: number) => `${name} ${v} (${zeros} of 16 weights zero)`,
  lossTitle: 'Loss on training and test points',
  lossHeading: 'Training and test loss',
  inputsHeading: 'Each input’s weights',
  chartChoice: 'Chart',
  chartNames: { weights: 'Weights', inputs: 'Inputs', loss: 'Loss' },
  trainSeries: 'training loss',
  testSeries: 'test loss',
  divergedAdvice: 'A smaller learning rate will help.',
  divergedRecovery: 'Learning rate 0.5',
  /** How the shared-link notices name each setting. */
  linkLabels: {
    penalty: 'penalty',
    lambda: 'strength λ',
    learningRate: 'learning rate',
    seed: 'seed',
    chart: 'chart',
  },
});
