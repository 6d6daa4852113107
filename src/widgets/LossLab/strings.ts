// Every word LossLab shows, in one place so that a translation can follow.
import { catalogue } from '../../i18n/index.ts';
import { fixed, percent } from '../kit/format.ts';
import type { LabDataset, LabLoss } from './lab.ts';

export const labLossNames: Record<LabLoss, string> = catalogue('LossLab.labLossNames', {
  mse: 'MSE of sigmoid(score)',
  crossEntropy: 'Cross-entropy',
  hinge: 'Hinge',
});

/** What exactly is trained, shown under the controls for the chosen loss. */
export const labLossDetails: Record<LabLoss, string> = catalogue('LossLab.labLossDetails', {
  mse: 'MSE: the score goes through a sigmoid, and the squared error (sigmoid(s) − y)² is taken against the labels 0 and 1.',
  crossEntropy: 'Cross-entropy: the score is a logit, and bceWithLogits(s, y) = −log sigmoid(s) for y = 1, −log(1 − sigmoid(s)) for y = 0.',
  hinge: 'Hinge: the raw score s against the labels rewritten as y± = 2y − 1 = −1 or +1, max(0, 1 − y±·s), zero once a point is on the right side with margin 1.',
});

export const labLossShort: Record<LabLoss, string> = catalogue('LossLab.labLossShort', { mse: 'MSE', crossEntropy: 'cross-entropy', hinge: 'hinge' });

export const datasetNames: Record<LabDataset, string> = catalogue('LossLab.datasetNames', {
  gaussians: 'Two overlapping clouds',
  moons: 'Two moons',
  circle: 'Disc inside a ring',
  xor: 'XOR quadrants',
  spiral: 'Two spirals',
});

export const lossLabStrings = catalogue('LossLab', {
  dataset: 'Data set',
  loss: 'Loss',
  rate: 'Learning rate',
  model: 'The model: 2 inputs → 8 tanh units → 1 score, plain gradient descent on all 200 points, the same starting weights for every loss. Class 1 wherever the score is above 0.',
  accuracy: (accuracy: number) => `accuracy ${percent(accuracy, 0)}`,
  divergedAdvice: 'Lower the learning rate and reset the model.',
  largeRate:
    'At a rate this large the steps overshoot: with cross-entropy or hinge the loss blows up within a few steps. MSE of a probability can never exceed 1, so it cannot blow up, though a huge rate can saturate the sigmoid and stall learning.',
  surfaceTitle: 'Decision surface and data',
  surfaceDescription: (dataset: LabDataset, accuracy: number | null, loss: LabLoss) =>
    `${datasetNames[dataset]}: 200 points, class 0 as blue circles, class 1 as vermilion triangles, on the model's predicted probability of class 1 ` +
    `(blue near 0, light grey at 0.5, vermilion near 1; for hinge, the sigmoid of the raw score). Trained with ${labLossShort[loss]}` +
    (accuracy === null ? '.' : `; ${percent(accuracy, 0)} of the points are on the right side of the boundary.`),
  x1: 'x₁',
  x2: 'x₂',
  curvesTitle: 'Training loss ÷ its first value, last run of each loss',
  curvesAxis: 'loss ÷ its first value',
  stepAxis: 'step',
  curvesDescription: (parts: string[]) => (parts.length ? parts.join(' ') : 'No training steps yet.'),
  curveSummary: (loss: LabLoss, steps: number, last: number) => `${labLossShort[loss]}: ${steps} steps, down to ${fixed(last, 2, { minus: '-' })} of its first value.`,
  curvesNote: 'Each curve is divided by its own first value, since the three losses are in different units: every run starts at 1, and the curves compare how fast each loss falls, not its size.',
  runName: (loss: LabLoss, current: boolean, empty: boolean) => `${labLossShort[loss]}${current ? ' (this run)' : empty ? ' (not run yet)' : ''}`,
  runsCaption: 'Last run of each loss on this data set',
  runsColumns: ['loss', 'steps', 'first loss', 'last loss', 'accuracy'] as const,
  noRun: '—',
  /** How the shared-link notices name each setting. */
  linkLabels: {
    dataset: 'data set',
    loss: 'loss',
    lr: 'learning rate',
  },
});
