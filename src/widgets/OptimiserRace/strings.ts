// Every word the optimiser race shows.
import { catalogue } from '../../i18n/index.ts';
import { count, percent } from '../kit/format.ts';

export const raceStrings = catalogue('OptimiserRace', {
  names: { sgd: 'SGD', momentum: 'Momentum', rmsprop: 'RMSprop', adam: 'Adam' },
  /** What each racer is, for the table. */
  rules: { sgd: 'no momentum', momentum: 'μ = 0.9', rmsprop: 'α = 0.99', adam: 'β = 0.9, 0.999' },
  rateLabel: (name: string) => `${name} learning rate`,
  schedule: 'Learning-rate schedule',
  schedules: { constant: 'constant', step: 'step decay (×0.1 each third)', cosine: 'cosine to 0', warmupCosine: 'warm-up, then cosine' },
  seed: 'Random seed',
  defaults: 'Default rates',
  waiting: 'The MNIST digits (7.8 MB) are fetched when this figure comes into view.',
  loading: 'Fetching the MNIST digits…',
  loadFailed: (why: string) => `The digits could not be loaded: ${why}`,
  progress: (samples: number, total: number) => `${count(samples)} of ${count(total)} images`,
  lossTitle: 'Training loss (smoothed, log scale)',
  lossY: 'loss (log scale)',
  accuracyTitle: 'Test accuracy',
  accuracyY: 'test accuracy',
  imagesX: 'training images seen',
  lossDescription: (parts: string) => (parts ? `Smoothed training loss of each optimiser against training images seen, on a log scale: ${parts}.` : 'No training steps yet.'),
  lossPart: (name: string, images: number, loss: string) => `${name} ${loss} after ${count(images)} images`,
  accuracyDescription: (digits: number, parts: string) =>
    parts ? `Accuracy on ${count(digits)} held-out test digits against training images seen: ${parts}.` : 'Not measured yet.',
  accuracyPart: (name: string, points: string) => `${name}: ${points}`,
  accuracyPoint: (images: number, accuracy: number) => `${percent(accuracy, 0)} at ${count(images)}`,
  scheduleTitle: 'The schedule: each rate’s factor over the run',
  scheduleY: 'factor',
  scheduleDescription: (name: string, total: number, now: string | null) =>
    `The factor each optimiser's rate is multiplied by, from 1 at the start, over the run of ${count(total)} images: ${name}.${now ? ` Now ${now}.` : ''}`,
  tableCaption: 'Training loss (smoothed), test accuracy and time of a step',
  columns: ['optimiser', 'rate', 'loss', 'accuracy', 'ms a step'],
  diverged: (step: number) => `diverged at step ${count(step)}`,
  divergedBy: (step: number) => `diverged by step ${count(step)}`,
  divergedNote: (name: string, why: string) => `${name} diverged: ${why}. The others race on.`,
  allDiverged: 'Every optimiser diverged: lower their learning rates.',
  none: '–',
  linkLabels: {
    sgd: 'SGD learning rate',
    momentum: 'momentum learning rate',
    rmsprop: 'RMSprop learning rate',
    adam: 'Adam learning rate',
    schedule: 'schedule',
    hidden: 'hidden units',
    seed: 'seed',
  },
});
