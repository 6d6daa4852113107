// Every word the random-labels figure shows, in one place so that a translation can follow.
import { catalogue } from '../../i18n/index.ts';
import { count, percent } from '../kit/format.ts';

const pc = (share: number) => percent(share, 1);
/** “a 7”, “an 8”. */
const aDigit = (d: number) => (d === 8 ? `an ${d}` : `a ${d}`);

export const randomLabelsStrings = catalogue('RandomLabels', {
  fraction: 'Labels redrawn at random',
  fractionValue: (v: number) => `${v}%`,
  images: 'Training images',
  hidden: 'Hidden units',
  learningRate: 'Learning rate (Adam)',
  seed: 'Random seed',
  waiting: 'The MNIST digits (7.8 MB) are fetched when this figure comes into view.',
  loading: 'Fetching the MNIST digits (7.8 MB)…',
  loadFailed: (why: string) => `The digits could not be loaded: ${why}`,
  divergedAdvice: 'A smaller learning rate will help.',
  epochDetail: (epoch: number) => `epoch ${count(epoch)}`,
  names: {
    true: 'True labels',
    random: 'Random labels',
  },
  chance: 'chance',
  epochX: 'epoch',
  trainY: 'training accuracy',
  testY: 'test accuracy',
  trainTitle: 'Accuracy on the training images',
  testTitle: 'Accuracy on the test digits',
  trainDescription: (points: string) =>
    points
      ? `Training accuracy against epoch, from 0 to 100%, for the network trained on the true labels and the one trained on the partly random labels, each measured against the labels it is trained on; chance is 10%. ${points}.`
      : 'Training accuracy against epoch for both networks: nothing measured yet.',
  testDescription: (points: string) =>
    points
      ? `Test accuracy against epoch, from 0 to 100%, on 1,000 held-out digits scored against their true labels, for the network trained on the true labels and the one trained on the partly random labels; chance is 10%. ${points}.`
      : 'Test accuracy against epoch for both networks: nothing measured yet.',
  curvePart: (name: string, first: number, last: number, epochs: number) => `${name}: from ${pc(first)} to ${pc(last)} after ${count(epochs)} epochs`,
  accuracies: (train: number, test: number) => `training ${pc(train)}, test ${pc(test)}`,
  wrongLabels: (wrong: number, images: number) => `${count(wrong)} of ${count(images)} wrong`,
  memorisedAt: (epoch: number) => `95% by epoch ${count(epoch)}`,
  notYet: 'not yet 95%',
  notMeasured: 'not trained yet',
  stripTitle: 'The first ten training images and the labels the second network gets',
  stripItem: (truth: number, given: number) => (truth === given ? `${aDigit(truth)}, labelled ${given}` : `${aDigit(truth)}, labelled ${given}: wrong`),
  wrongMark: '✗',
  testNote: (test: number) => `Test accuracy: ${count(test)} held-out digits, scored against their true labels.`,
  /** How the shared-link notices name each setting. */
  linkLabels: {
    fraction: 'labels redrawn (%)',
    images: 'training images',
    hidden: 'hidden units',
    learningRate: 'learning rate',
    seed: 'seed',
  },
});
