// A learning-rate schedule over a whole run, by name: the factor each model's base rate is
// multiplied by at a given step, from the engine's schedule functions (src/engine/optim/
// schedules.ts) stretched over the run's length. A pure function of the step, so a figure can plot
// the whole schedule before a single step is taken, and a job sets the rate from it step by step.
import { optim } from '../../engine/index.ts';

export const RUN_SCHEDULES = ['constant', 'step', 'cosine', 'warmupCosine'] as const;
export type RunSchedule = (typeof RUN_SCHEDULES)[number];

/** Step decay: the rate is multiplied by STEP_GAMMA after each third of the run. */
export const STEP_PARTS = 3;
export const STEP_GAMMA = 0.1;
/** Warm-up: the first tenth of the run, then a cosine to 0 over the rest. */
export const WARMUP_FRACTION = 0.1;

/** Steps of the warm-up in a run of `total` steps (at least one). */
export const warmupSteps = (total: number) => Math.max(1, Math.round(total * WARMUP_FRACTION));

/** The factor at `step` (0-based) of a run of `total` steps: 1 for the base rate itself. */
export function scheduleFactor(schedule: RunSchedule, step: number, total: number): number {
  const n = Math.max(1, total);
  switch (schedule) {
    case 'constant':
      return 1;
    case 'step':
      return optim.stepLR(1, step, Math.max(1, Math.ceil(n / STEP_PARTS)), STEP_GAMMA);
    case 'cosine':
      return optim.cosineAnnealingLR(1, Math.min(step, n), n);
    case 'warmupCosine': {
      const w = warmupSteps(n);
      return step < w ? optim.linearWarmupLR(1, step, w) : optim.cosineAnnealingLR(1, Math.min(step - w, n - w), Math.max(1, n - w));
    }
  }
}

/** The factor at every step of the run (every `stride`-th past `limit` steps), as [step, factor] pairs for a plot. */
export function scheduleCurve(schedule: RunSchedule, total: number, limit = 400): [number, number][] {
  const stride = Math.max(1, Math.ceil(total / limit));
  const out: [number, number][] = [];
  for (let step = 0; step < total; step += stride) out.push([step, scheduleFactor(schedule, step, total)]);
  out.push([total, scheduleFactor(schedule, total, total)]);
  return out;
}
