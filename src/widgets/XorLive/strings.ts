// Every word the XOR figure shows, in one place so that a translation can follow.
import { catalogue } from '../../i18n/index.ts';

export const xorStrings = catalogue('XorLive', {
  hidden: 'Hidden units',
  learningRate: 'Learning rate η',
  seed: 'Random seed',
  x1: 'x₁',
  x2: 'x₂',
  outputTitle: 'The network’s output',
  outputDescription: (step: number, acc: string, points: string) =>
    `Heat map over x₁ and x₂ from −0.5 to 1.5 of the network's probability of class 1 (blue for 0, vermilion for 1) after ${step} steps, with the four XOR points: ${points}. ${acc}.`,
  unitTitle: (k: number) => `Hidden unit ${k}`,
  unitDescription: (k: number, step: number) =>
    `Heat map of hidden unit ${k}'s tanh activation over the same square after ${step} steps: blue for −1, vermilion for +1. Each unit draws one straight boundary; the output combines them.`,
  hiddenHeading: 'What each hidden unit computes (tanh: −1 blue, +1 vermilion)',
  pointText: (x1: number, x2: number, y: number, p: string) => `(${x1}, ${x2}) should be ${y}, the network says ${p}`,
  accuracy: (k: number) => `${k} of 4 points right`,
  notTrained: 'not trained yet',
  lossTitle: 'Loss while training (log scale)',
  divergedAdvice: 'A smaller learning rate will help.',
  stuckNote: 'With two hidden units some seeds (3 and 5, for instance) get stuck in a local minimum, with two of the points left at a probability of one half: a different seed, or a third unit, gets out of it.',
  /** How the shared-link notices name each setting. */
  linkLabels: {
    hidden: 'hidden units',
    learningRate: 'learning rate',
    seed: 'seed',
  },
});
