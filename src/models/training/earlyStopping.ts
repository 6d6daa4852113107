// Early stopping as Prechelt (1998) and Keras's EarlyStopping callback describe it: watch a
// validation loss after every epoch, remember the epoch where it was lowest, and stop once it has
// not improved by more than `minDelta` for `patience` epochs in a row. Plain numbers only: whoever
// owns the weights keeps a copy of them whenever `observe` answers 'improved', and puts that copy
// back at the end ("restore the best weights").

export interface EarlyStoppingOptions {
  /** Epochs without improvement before stopping (at least 1). */
  patience: number;
  /** A loss must fall below the best by more than this to count as an improvement (default 0). */
  minDelta?: number;
}

/** What one observation means: a new best, still within patience, or time to stop. */
export type EarlyStoppingVerdict = 'improved' | 'waiting' | 'stop';

export class EarlyStopping {
  private readonly patience: number;
  private readonly minDelta: number;
  private best = Infinity;
  private bestAt: number | null = null;
  private waited = 0;
  private stoppedAt: number | null = null;

  constructor({ patience, minDelta = 0 }: EarlyStoppingOptions) {
    this.patience = Math.max(1, Math.round(patience));
    this.minDelta = Math.max(0, minDelta);
  }

  /**
   * The validation loss after `epoch`. A non-finite loss never improves, so a run that diverges
   * stops within `patience` epochs with its best finite weights. After 'stop', every later call
   * answers 'stop' again and changes nothing.
   */
  observe(epoch: number, loss: number): EarlyStoppingVerdict {
    // #region early-stopping
    if (this.stoppedAt !== null) return 'stop';
    if (Number.isFinite(loss) && loss < this.best - this.minDelta) {
      this.best = loss;
      this.bestAt = epoch;
      this.waited = 0;
      return 'improved';
    }
    this.waited += 1;
    if (this.waited >= this.patience) {
      this.stoppedAt = epoch;
      return 'stop';
    }
    return 'waiting';
    // #endregion
  }

  /** The epoch with the lowest validation loss so far (null before a finite one). */
  get bestEpoch(): number | null {
    return this.bestAt;
  }

  /** The lowest validation loss so far (Infinity before a finite one). */
  get bestLoss(): number {
    return this.best;
  }

  /** The epoch at which patience ran out, or null while training should go on. */
  get stopEpoch(): number | null {
    return this.stoppedAt;
  }

  /** Epochs since the last improvement. */
  get epochsWithoutImprovement(): number {
    return this.waited;
  }
}
