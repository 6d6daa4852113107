// The figure's session: the book's MNIST digits, fetched once the figure has come into view and
// sliced to what the job can use (the largest training subset, the test digits it measures), the
// two networks trained in the worker, rebuilt whenever a setting or the seed changes, and the
// labels the second network learns, redrawn here by the same seeded rule for the strip of digits.
import { useMemo } from 'react';
import type { data } from '../../engine/index.ts';
import type { MnistArrays } from '../../engine/data/mnistFormat.ts';
import { corruptLabels } from '../../models/generalisation/randomLabels/corruptLabels.ts';
import type { LabelDigits } from '../../models/generalisation/randomLabels/labelPair.ts';
import { randomLabelsJob, TEST_DIGITS, type RandomLabelsConfig } from '../../models/generalisation/randomLabels/randomLabelsJob.ts';
import { useTrainingJob } from '../kit/index.ts';
import { useBookMnist } from '../kit/mnist/useBookMnist.ts';

/** The digits the strip shows. */
export const STRIP = 10;

/** The first `n` digits of a split as their own arrays (a view would carry the whole buffer along). */
function firstDigits(split: data.MnistSplit, n: number): MnistArrays {
  const k = Math.min(n, split.count);
  const size = split.rows * split.cols;
  return { rows: split.rows, cols: split.cols, classes: split.classes, seed: 0, count: k, labels: split.labels.slice(0, k), pixels: split.pixels.slice(0, k * size) };
}

export function useRandomLabels(visible: boolean, config: RandomLabelsConfig, seed: number, maxImages: number) {
  const book = useBookMnist(visible);
  const mnist = book.mnist;
  const digits = useMemo<LabelDigits | undefined>(() => (mnist ? { train: firstDigits(mnist.train, maxImages), test: firstDigits(mnist.test, TEST_DIGITS) } : undefined), [mnist, maxImages]);
  const job = useTrainingJob(randomLabelsJob, { config: digits ? config : null, data: digits, seed, where: 'worker' });

  // The labels the second network is trained on, as the job draws them (same rule, same seed).
  const strip = useMemo(() => {
    if (!mnist) return [];
    const truth = Array.from(mnist.train.labels.subarray(0, config.images));
    const given = corruptLabels(truth, config.fraction, seed).labels;
    return Array.from({ length: Math.min(STRIP, truth.length) }, (_, i) => ({ pixels: mnist.train.image(i), truth: truth[i], given: given[i] }));
  }, [mnist, config.images, config.fraction, seed]);

  return { book, job, strip, view: job.view, epoch: job.view?.history.at(-1)?.epoch ?? 0 };
}
