// One model of several trained side by side, watched step by step: its loss read back after every
// step (so it can stop on its own while the others go on), a smoothed curve of it, and the time its
// steps take. Divergence is the training loop's own rule (judgeLosses), so a model stops exactly
// where a run of it alone would have stopped. Plain numbers only: what the page is sent.
import { judgeLosses, type Divergence } from '../../engine/loopStop.ts';
import { LossHistory, type Curve } from './history.ts';

/** The training loop's default: a loss above this many times the first one has diverged. */
export const DIVERGENCE_FACTOR = 1e4;
/** Weight of the past in the smoothed loss (TensorBoard's smoothing, with its bias correction). */
export const LOSS_SMOOTHING = 0.9;
/** Weight of the past in the time per step. */
const TIME_SMOOTHING = 0.9;

/** A watched model as the page draws it. */
export interface WatchedRun {
  /** Steps it has taken. */
  steps: number;
  /** The smoothed training loss after each step (thinned as the loop's curve is); steps from 1. */
  curve: Curve;
  /** Its last loss as read back, and smoothed; null before a step. */
  loss: number | null;
  smoothed: number | null;
  /** Time of one step (forward, backward, update, read-back), ms, smoothed; null before a step. */
  msPerStep: number | null;
  /** Why it stopped, when its loss diverged; it takes no step after that one. */
  stop: Divergence | null;
}

export class RunWatch {
  private steps = 0;
  private first: number | null = null;
  private last: number | null = null;
  private average = 0;
  private weight = 0;
  private ms = 0;
  private msWeight = 0;
  private readonly history = new LossHistory();
  stop: Divergence | null = null;

  constructor(private readonly factor = DIVERGENCE_FACTOR) {}

  /**
   * Records the loss of step `step` (counted from 1) and how long the step took; returns false
   * when that loss has diverged (the run then stops: record nothing more).
   */
  record(step: number, loss: number, ms: number): boolean {
    if (this.stop) throw new Error('RunWatch: the run has already diverged');
    const judged = judgeLosses([loss], step - 1, this.first, this.factor);
    this.first = judged.firstLoss;
    this.ms = TIME_SMOOTHING * this.ms + (1 - TIME_SMOOTHING) * ms;
    this.msWeight = TIME_SMOOTHING * this.msWeight + (1 - TIME_SMOOTHING);
    if (judged.kept.length) {
      this.steps = step;
      this.last = loss;
      this.average = LOSS_SMOOTHING * this.average + (1 - LOSS_SMOOTHING) * loss;
      this.weight = LOSS_SMOOTHING * this.weight + (1 - LOSS_SMOOTHING);
      this.history.record(step, this.average / this.weight);
    }
    this.stop = judged.divergence;
    return this.stop === null;
  }

  view(): WatchedRun {
    return {
      steps: this.steps,
      curve: this.history.curve(),
      loss: this.last,
      smoothed: this.weight > 0 ? this.average / this.weight : null,
      msPerStep: this.msWeight > 0 ? this.ms / this.msWeight : null,
      stop: this.stop,
    };
  }
}
