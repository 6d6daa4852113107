// Every word the linear-versus-non-linear figure shows, in one place so that a translation can follow.
import { catalogue } from '../../i18n/index.ts';
import type { ClassificationSetName } from '../../engine/data/index.ts';
import type { NetActivation } from './models.ts';

export const linearStrings = catalogue('LinearVsNonlinear', {
  dataset: 'Data set',
  datasetNames: {
    circle: 'circle',
    xor: 'XOR (quadrants)',
    gaussians: 'two clusters',
    spiral: 'spiral',
    moons: 'moons',
  } satisfies Record<ClassificationSetName, string>,
  hidden: 'Units per hidden layer',
  activation: 'Activation of the second network',
  activationNames: { relu: 'ReLU', tanh: 'tanh' } satisfies Record<NetActivation, string>,
  steps: (n: number) => `Step ${n}`,
  linearTitle: 'No activation',
  nonlinearTitle: (name: string) => `With ${name}`,
  shape: (hidden: number, f: string) => `2 → ${hidden} → ${hidden} → 1, ${f} between layers`,
  identity: 'nothing',
  accuracy: (pct: string) => `accuracy ${pct}`,
  loss: (v: string) => `loss ${v}`,
  notTrained: 'not trained yet',
  surfaceTitle: (name: string) => `Decision surface: ${name}`,
  surfaceDescription: (o: { name: string; step: number; accuracy: string; shape: string }) =>
    `Decision surface of the network ${o.name} after ${o.step} training steps (${o.shape}): vermilion where it predicts class 1, ` +
    `blue where it predicts class 0, pale near the boundary. The points: class 0 as blue circles, class 1 as vermilion triangles. ${o.accuracy}.`,
  boundaryNote: 'The dashed line is where x·W + b = 0: the linear network’s boundary is always this straight line.',
  x1: 'x₁',
  x2: 'x₂',
  lossTitle: (name: string) => `Training loss: ${name}`,
  collapseTitle: 'Three linear layers are one',
  collapse: (w: string, b: string) => `W₁W₂W₃ = ${w},  b = (b₁W₂ + b₂)W₃ + b₃ = ${b}`,
  collapseGap: (gap: string, n: number) =>
    `Over all ${n} points, the network’s output and x·W + b differ by at most ${gap}: float32 rounding. Whatever it learns, the linear network is one matrix and one bias.`,
  legendClass0: 'class 0',
  legendClass1: 'class 1',
  /** How the shared-link notices name each setting. */
  linkLabels: {
    dataset: 'data set',
    hidden: 'units per hidden layer',
    activation: 'activation',
  },
});
