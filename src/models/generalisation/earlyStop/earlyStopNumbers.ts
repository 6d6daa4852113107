// The numbers the chapter quotes about early stopping, computed by the engine from the figure's
// own defaults and seed, so that the text and the figure say the same thing: where the validation
// loss was lowest, where the rule stops at a few patiences, and what the best epoch's weights are
// worth on the test grid against the weights at the end.
import { tidy } from '../../../engine/index.ts';
import { EarlyStopping } from '../../training/earlyStopping.ts';
import { EarlyStopRun } from './earlyStopRun.ts';

/** The figure's starting settings. */
export const DEFAULT_SEED = 4;
export const DEFAULT_PATIENCE = 30;
/** Epochs the chapter's numbers run for: past the turn of the validation loss, under 2 s on a CPU. */
export const QUOTED_EPOCHS = 600;
/** Patiences the chapter contrasts: too little, the default, a lot. */
export const QUOTED_PATIENCES = [5, DEFAULT_PATIENCE, 300] as const;

export interface EarlyStopNumbers {
  epochs: number;
  /** The rule's best epoch at the default patience, and its losses there. */
  bestEpoch: number;
  bestValLoss: number;
  bestTestLoss: number;
  /** Where the rule stops at the default patience. */
  stopEpoch: number;
  /** The losses of the weights after the last epoch. */
  endValLoss: number;
  endTestLoss: number;
  /** The rule's best and stop epochs at each quoted patience (stop null: not within the run). */
  byPatience: { patience: number; bestEpoch: number | null; stopEpoch: number | null }[];
}

/**
 * Trains the figure's network for `epochs` epochs without stopping (the rule watching at
 * `patience`), and reads off the numbers above. Pure and seeded: the same arguments, the same numbers.
 */
export function earlyStoppingNumbers(epochs = QUOTED_EPOCHS, patience = DEFAULT_PATIENCE, seed = DEFAULT_SEED): EarlyStopNumbers {
  const run = new EarlyStopRun({ patience, minDelta: 0, stop: false, restoreBest: false, maxEpochs: epochs }, seed);
  try {
    for (let e = 0; e < epochs; e++) tidy(() => void run.step());
    const p = run.picture();
    if (p.bestEpoch === null || p.bestValLoss === null || p.bestTestLoss === null) throw new Error('earlyStoppingNumbers: no finite validation loss');
    const byPatience = QUOTED_PATIENCES.map((k) => {
      const rule = new EarlyStopping({ patience: k });
      p.valLosses.every((v, i) => rule.observe(i + 1, v) !== 'stop');
      return { patience: k, bestEpoch: rule.bestEpoch, stopEpoch: rule.stopEpoch };
    });
    return {
      epochs,
      bestEpoch: p.bestEpoch,
      bestValLoss: p.bestValLoss,
      bestTestLoss: p.bestTestLoss,
      stopEpoch: p.stopEpoch ?? Number.NaN,
      endValLoss: p.valLosses[epochs - 1],
      endTestLoss: p.testLoss,
      byPatience,
    };
  } finally {
    run.dispose();
  }
}
