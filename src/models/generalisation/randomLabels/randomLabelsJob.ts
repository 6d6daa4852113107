// Random labels as a training job on the training core (../../training/core.ts): the two networks
// of labelPair.ts, one step of each per step of the loop, measured after every epoch on their
// training labels and on the test digits. The digits arrive once, by the core's `load` message
// (only the first few thousand: the page slices them). Every setting rebuilds both networks, so
// their curves always compare. Its picture is the accuracy history so far, as plain numbers.
import type { JobDefinition } from '../../training/job.ts';
import { firstEpochAt, LabelPair, type EpochAccuracy, type LabelDigits } from './labelPair.ts';

/** Images per mini-batch, both networks. */
export const BATCH_SIZE = 32;
/** Test accuracy is measured on the first this many test digits. */
export const TEST_DIGITS = 1000;
/** A run pauses for good after this many epochs: long after any setting has memorised its labels. */
export const MAX_EPOCHS = 150;
/** The training accuracy whose first epoch the figure reports. */
export const MEMORISED = 0.95;

export interface RandomLabelsConfig {
  images: number;
  hidden: number;
  /** Share of the training labels redrawn, 0 to 1. */
  fraction: number;
  learningRate: number;
}

export interface RandomLabelsView {
  /** After every epoch, from epoch 0 (the shared starting weights). */
  history: EpochAccuracy[];
  /** The first epoch each network reached MEMORISED training accuracy, [true, random]. */
  memorisedAt: [number | null, number | null];
  /** Training labels that now differ from the true ones, of `images`. */
  wrong: number;
  images: number;
}

const stepsPerEpoch = (c: RandomLabelsConfig) => Math.ceil(c.images / BATCH_SIZE);

function digitsOf(data: unknown): LabelDigits {
  const d = data as LabelDigits | undefined;
  if (!d?.train || !d.test) throw new Error('the MNIST digits have not arrived');
  return d;
}

export const randomLabelsJob: JobDefinition<RandomLabelsConfig, undefined, RandomLabelsView> = {
  name: 'random-labels',
  maxSteps: (c) => MAX_EPOCHS * stepsPerEpoch(c),
  build(config, { seed, data }) {
    const pair = new LabelPair(digitsOf(data), { ...config, batchSize: BATCH_SIZE, testDigits: TEST_DIGITS }, seed);
    const history: EpochAccuracy[] = [pair.measure()];
    let shown = 0;
    return {
      step() {
        const losses = pair.step();
        // The end of an epoch: both measured before the next batch moves them.
        if (pair.steps % pair.stepsPerEpoch === 0) history.push(pair.measure());
        return { loss: LabelPair.joint(losses) };
      },
      keep: () => pair.keep(),
      view() {
        // Nothing new since the last picture: the page keeps the one it has.
        if (history.length === shown) return null;
        shown = history.length;
        return { history: history.slice(), memorisedAt: firstEpochAt(history, MEMORISED), wrong: pair.corruption.wrongCount, images: pair.images };
      },
      dispose: () => pair.dispose(),
    };
  },
};
