// The loss curve a training run keeps: every step's value at first, then, once more points are
// kept than a curve can show, every other one dropped and the spacing between new points doubled.
// The curve so keeps its whole run at an even density, whatever its length, and the last point is
// always the latest step. One implementation for every job, its main loss and any metric curve.

/** Most points a curve keeps; past this, every other one is dropped. */
export const HISTORY_LIMIT = 400;

/** A curve as plain arrays: `values[i]` was measured at step `steps[i]`, steps increasing. */
export interface Curve {
  values: number[];
  steps: number[];
}

export class LossHistory {
  private values: number[] = [];
  private steps: number[] = [];
  /** The least gap, in steps, between two kept points. */
  private spacing = 1;

  constructor(private readonly limit = HISTORY_LIMIT) {
    if (!Number.isInteger(limit) || limit < 2) throw new Error(`LossHistory: the limit must be an integer of at least 2, got ${limit}`);
  }

  /**
   * Adds the value of step `step`. A step at or before the last kept one is ignored (a paused loop
   * reports its last frame again), as is one closer to it than the current spacing.
   */
  record(step: number, value: number): void {
    if (!Number.isFinite(value)) return;
    const last = this.steps[this.steps.length - 1];
    if (last !== undefined && step < last + this.spacing) return;
    this.values.push(value);
    this.steps.push(step);
    if (this.values.length > this.limit) this.thin();
  }

  /** Adds the losses of one frame whose last step is `lastStep`, in order. */
  recordFrame(lastStep: number, losses: readonly number[]): void {
    const first = lastStep - losses.length + 1;
    losses.forEach((loss, i) => this.record(first + i, loss));
  }

  /** A copy, safe to send or to keep in React state. */
  curve(): Curve {
    return { values: this.values.slice(), steps: this.steps.slice() };
  }

  get length(): number {
    return this.values.length;
  }

  clear(): void {
    this.values = [];
    this.steps = [];
    this.spacing = 1;
  }

  /** Keeps the points at even positions and the last, and doubles the spacing for new ones. */
  private thin(): void {
    const keep = (_: number, i: number, all: readonly number[]) => i % 2 === 0 || i === all.length - 1;
    this.values = this.values.filter(keep);
    this.steps = this.steps.filter(keep);
    this.spacing *= 2;
  }
}
