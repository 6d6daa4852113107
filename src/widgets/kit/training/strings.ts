// Every word the kit's training controls show (TrainingBar, LiveHint), as whole sentences with
// their numbers in place, so that every live-training figure says the same thing the same way and
// a translation changes one catalogue.
import type { LoopStop } from '../../../engine/index.ts';
import { catalogue } from '../../../i18n/index.ts';
import { count as countText, scientific, significant } from '../format.ts';

/** A loss as the status line prints it: three significant digits, powers of ten when far from 1. */
export function lossText(v: number): string {
  const a = Math.abs(v);
  return v === 0 || (a >= 1e-3 && a < 1e4) ? significant(v, 3) : scientific(v, 2, { trailingZeros: false });
}

const count = (n: number) => countText(Math.round(n));

export const trainingStrings = catalogue('kit.Training', {
  group: 'Training',
  play: 'Train',
  pause: 'Pause',
  step: 'One step',
  reset: 'Reset',
  resetHint: 'Back to the starting weights of this seed: the same run again, step for step',
  starting: 'Starting the compute engine…',
  engineFailed: (why: string) => `The compute engine could not start: ${why}`,
  stepText: (step: number) => `Step ${count(step)}`,
  lossPart: (loss: number) => `loss ${lossText(loss)}`,
  stepsPerSecond: (n: number) => `${count(n)} steps a second`,
  examplesPerSecond: (n: number) => `${count(n)} examples a second`,
  /** The status line's parts (step, loss, speed, the figure's own), in order. */
  join: (parts: string[]) => parts.join(' · '),
  finished: (steps: number) => `A run stops after ${count(steps)} steps: reset to train again.`,
  diverged: (why: string) => `Training diverged: ${why}.`,
  failed: (why: string) => `Training stopped: ${why}.`,
  lossNaN: (step: number) => `the loss became NaN (not a number) at step ${count(step)}`,
  lossInfinite: (step: number) => `the loss became infinite at step ${count(step)}`,
  lossGrew: (loss: number, factor: number, step: number) => `the loss grew to ${lossText(loss)}, over ${count(factor)} times its first value, at step ${count(step)}`,
  weightsNotFinite: (step: number) => `the weights stopped being finite numbers by step ${count(step)}`,
  stepFailed: (message: string) => `a training step failed (${message})`,
  noBackend: (message: string) => `the compute engine was lost and no other could take over (${message})`,
  jobFailed: (message: string) => `the model's code failed (${message})`,
  divergedReset: 'Reset and try again',
  appliesLive: 'Takes effect at the next step; training goes on.',
  restarts: 'Changing this starts training again from step 0.',
});

/** Why a run stopped, in the reader's words: the loop's own stop, or the job's failure. */
export function stopText(stop: LoopStop | null, failure: string | null): string {
  const s = trainingStrings;
  switch (stop?.code) {
    case 'nonFiniteLoss':
      return stop.nan ? s.lossNaN(stop.step) : s.lossInfinite(stop.step);
    case 'lossGrew':
      return s.lossGrew(stop.loss, stop.factor, stop.step);
    case 'weightsNotFinite':
      return s.weightsNotFinite(stop.step);
    case 'stepFailed':
      return s.stepFailed(stop.message);
    case 'noBackend':
      return s.noBackend(stop.message);
    case undefined:
      return s.jobFailed(failure ?? '');
  }
}
