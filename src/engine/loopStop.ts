// Why a training loop stopped on its own, as a code with its numbers: a widget's strings catalogue
// puts it into the reader's words. `describeStop` gives the developer-facing English of the same
// thing (console, thrown errors, and the snapshot's `reason` until every widget phrases `stop`).

export type LoopStop =
  /** The loss read back for `step` is NaN (`nan`) or ±∞ (`nan` says which even after JSON). */
  | { code: 'nonFiniteLoss'; step: number; loss: number; nan: boolean }
  /** The loss for `step` is above `factor` times the first loss read back, `firstLoss`. */
  | { code: 'lossGrew'; step: number; loss: number; factor: number; firstLoss: number }
  /** Every loss was finite, but the weights were not after `step`. */
  | { code: 'weightsNotFinite'; step: number }
  /** The step function threw; `message` is the error's, for developers. */
  | { code: 'stepFailed'; message: string }
  /** The backend was lost and no other one could start; `message` is for developers. */
  | { code: 'noBackend'; message: string };

export type Divergence = Extract<LoopStop, { code: 'nonFiniteLoss' | 'lossGrew' | 'weightsNotFinite' }>;

export interface JudgedLosses {
  /** The losses that count as steps done: all of them, or those before a non-finite one, or up to a grown one. */
  kept: number[];
  /** The run's first loss, set by the first finite loss when it was still null. */
  firstLoss: number | null;
  divergence: Divergence | null;
}

/**
 * Reads one frame's losses in order, `done` steps having been completed before them. The run
 * diverges at a loss that is NaN or infinite (not kept), or above `factor` times the first loss
 * (kept: it is a real value the curve can show).
 */
export function judgeLosses(losses: readonly number[], done: number, firstLoss: number | null, factor: number): JudgedLosses {
  const kept: number[] = [];
  let first = firstLoss;
  for (const loss of losses) {
    const step = done + kept.length + 1;
    if (!Number.isFinite(loss)) return { kept, firstLoss: first, divergence: { code: 'nonFiniteLoss', step, loss, nan: Number.isNaN(loss) } };
    if (first === null) first = loss;
    kept.push(loss);
    if (Math.abs(loss) > factor * Math.max(Math.abs(first), 1e-6)) {
      return { kept, firstLoss: first, divergence: { code: 'lossGrew', step, loss, factor, firstLoss: first } };
    }
  }
  return { kept, firstLoss: first, divergence: null };
}

/** Developer-facing English for a stop. */
export function describeStop(stop: LoopStop): string {
  switch (stop.code) {
    case 'nonFiniteLoss':
      return `the loss became ${stop.nan ? 'NaN (not a number)' : 'infinite'} at step ${stop.step}`;
    case 'lossGrew':
      return `the loss grew to ${formatNumber(stop.loss)}, over ${formatNumber(stop.factor)} times its first value, at step ${stop.step}`;
    case 'weightsNotFinite':
      return `the weights stopped being finite numbers by step ${stop.step}`;
    case 'stepFailed':
      return `training step failed: ${stop.message}`;
    case 'noBackend':
      return stop.message;
  }
}

function formatNumber(x: number): string {
  return Math.abs(x) >= 1e5 || (x !== 0 && Math.abs(x) < 1e-3) ? x.toExponential(2) : String(Math.round(x * 1000) / 1000);
}
