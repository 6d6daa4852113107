// The numbers the chapter quotes about random labels, computed by the same code the figure trains
// with (labelPair.ts), at a setting small enough to run at build time on the plain-JavaScript
// backend in about two seconds: 200 training digits, a 784 → 32 → 10 network, every label redrawn.
import { tidy } from '../../../engine/index.ts';
import { LabelPair, RANDOM_LABELS, TRUE_LABELS, type LabelDigits, type PairSetting } from './labelPair.ts';

export interface ExperimentSetting extends PairSetting {
  epochs: number;
  seed: number;
}

/**
 * The chapter's setting. Adam at 0.015 in batches of 40 is a brisker rate than the figure's, so that
 * 16 epochs (80 steps) suffice for the small network to learn 200 random labels by heart; on the
 * plain-JavaScript backend Adam's update costs as much as the products, so fewer, larger steps pay.
 */
export const CHAPTER_SETTING: ExperimentSetting = { images: 200, hidden: 32, fraction: 1, learningRate: 0.015, batchSize: 40, testDigits: 500, epochs: 16, seed: 1 };

export interface LabelsOutcome {
  /** Accuracy on the training images, against the labels trained on, after the last epoch. */
  train: number;
  /** Accuracy on the test digits, against their true labels. */
  test: number;
}

export interface RandomLabelsOutcome {
  trueLabels: LabelsOutcome;
  randomLabels: LabelsOutcome;
  /** Training labels that differ from the true ones (of `images`). */
  wrongLabels: number;
}

/** Trains both networks for `epochs` epochs and measures them: pure, and the same for the same setting. */
export function randomLabelsExperiment(digits: LabelDigits, setting: ExperimentSetting = CHAPTER_SETTING): RandomLabelsOutcome {
  const pair = new LabelPair(digits, setting, setting.seed);
  try {
    // Measured once, at the end: measuring after every epoch would cost half as much again.
    for (let i = 0; i < setting.epochs * pair.stepsPerEpoch; i++) tidy(() => void pair.step());
    const last = pair.measure();
    const outcome = (k: number): LabelsOutcome => ({ train: last.train[k], test: last.test[k] });
    return { trueLabels: outcome(TRUE_LABELS), randomLabels: outcome(RANDOM_LABELS), wrongLabels: pair.corruption.wrongCount };
  } finally {
    pair.dispose();
  }
}
