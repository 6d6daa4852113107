// The augmentation figure's data and run: the book's digits once the figure is on screen, the pair
// of networks trained in the worker (augmentationJob), and the preview's copies of one training
// digit, drawn here on the page in plain arrays (a few thousand pixel reads, no engine).
import { useMemo } from 'react';
import type { data } from '../../engine/index.ts';
import { augmentedCopies, type AugmentSettings } from '../../models/generalisation/augmentation/augment.ts';
import { augmentationJob, type AugmentationConfig, type AugmentationEvent } from '../../models/generalisation/augmentation/augmentationJob.ts';
import type { ModelKind } from '../../models/generalisation/augmentation/augmentedPair.ts';
import type { MnistDigits } from '../../models/mnist/mnistJob.ts';
import { useTrainingJob } from '../kit/index.ts';
import { useBookMnist } from '../kit/mnist/useBookMnist.ts';

/** Copies in the preview besides the original. */
export const PREVIEW_COPIES = 8;

const arrays = (s: data.MnistSplit) => ({ rows: s.rows, cols: s.cols, classes: s.classes, seed: 0, count: s.count, labels: s.labels, pixels: s.pixels });

const NOTHING: AugmentationEvent = { evaluating: null, history: [] };

export interface LabSettings {
  trainSize: number;
  model: ModelKind;
  settings: AugmentSettings;
  epochs: number;
  seed: number;
  /** 1-based index of the previewed digit within the training digits. */
  digit: number;
  draw: number;
}

export function useAugmentationLab(visible: boolean, s: LabSettings) {
  const book = useBookMnist(visible);
  const mnist = book.mnist;
  const digits = useMemo<MnistDigits | undefined>(() => (mnist ? { train: arrays(mnist.train), test: arrays(mnist.test) } : undefined), [mnist]);
  const { shift, rotation, noise, flip } = s.settings;
  const config = useMemo<AugmentationConfig>(
    () => ({ trainSize: s.trainSize, model: s.model, settings: { shift, rotation, noise, flip }, epochs: s.epochs }),
    [s.trainSize, s.model, shift, rotation, noise, flip, s.epochs],
  );
  const job = useTrainingJob(augmentationJob, { config: mnist ? config : null, data: digits, seed: s.seed, where: 'worker' });
  const measured = job.event ?? NOTHING;

  // The previewed digit is one of the training digits, so it wraps round within them.
  const index = ((s.digit - 1) % s.trainSize) + 1;
  const preview = useMemo(() => {
    if (!mnist) return null;
    const image = mnist.train.image(index - 1);
    return { image, label: mnist.train.labels[index - 1], copies: augmentedCopies(image, { shift, rotation, noise, flip }, PREVIEW_COPIES, s.draw) };
  }, [mnist, index, shift, rotation, noise, flip, s.draw]);

  return { book, job, history: measured.history, evaluating: measured.evaluating, preview, index };
}
