// The race itself, without React: four copies of one perceptron (the same seed, so the same
// starting weights) trained on the same mini-batches by SGD, SGD with momentum, RMSprop and Adam,
// each at its own learning rate under one schedule, measured on held-out digits every EVAL_EVERY
// images. What the figure draws is read from the MNIST job's plain results here.
import type { EvaluationPoint, MnistSpec } from '../../models/mnist/mnistJob.ts';
import { DEFAULT_RUN } from '../../models/mnist/mnistTraining.ts';
import type { RunSchedule } from '../../models/training/runSchedule.ts';
import type { WatchedRun } from '../../models/training/runWatch.ts';
import type { LoopStop } from '../../engine/index.ts';

/** A stop for a diverged loss: the kinds of LoopStop that carry a step. */
export type Divergence = Extract<LoopStop, { step: number }>;

/** The racers, in the order of the figure's legend, table and colours. */
export const RACERS = ['sgd', 'momentum', 'rmsprop', 'adam'] as const;
export type Racer = (typeof RACERS)[number];

/**
 * Each optimiser at its usual rate: SGD's 0.1; momentum's 0.01, whose steps at μ = 0.9 grow to
 * 0.01/(1 − μ) = 0.1 times the gradient, SGD's own, once the velocity has built up; RMSprop's and
 * Adam's 0.001 (Adam's paper's default).
 */
export const DEFAULT_RATES: Record<Racer, number> = { sgd: 0.1, momentum: 0.01, rmsprop: 0.001, adam: 0.001 };
export const RATE_MIN = 1e-4;
export const RATE_MAX = 100;

export const HIDDEN_CHOICES = ['32', '64', '128'] as const;
/** Each racer's line: colour and marker shape by its place (the palette's), and a dash of its own. */
export const DASHES = [undefined, '7 4', '2 3', '9 3 2 3'] as const;

/** Images in one step (every racer's batch). */
export const BATCH = DEFAULT_RUN.batchSize;
/** A race is two passes over the 8,000 training digits. */
export const MAX_SAMPLES = 16_000;
export const TOTAL_STEPS = Math.ceil(MAX_SAMPLES / BATCH);
/** Accuracy is measured every this many images, on the first EVAL_DIGITS test digits. */
export const EVAL_EVERY = 1_000;
export const EVAL_DIGITS = 500;

export interface RaceSettings {
  rates: Record<Racer, number>;
  schedule: RunSchedule;
  hidden: number;
}

/** The MNIST job's session for a race. */
export function raceSpec({ rates, schedule, hidden }: RaceSettings): MnistSpec {
  return {
    models: RACERS.map((kind) => ({ name: kind, kind: 'mlp', hidden, optimizer: { kind, lr: rates[kind] } })),
    run: { batchSize: BATCH, learningRate: DEFAULT_RUN.learningRate },
    maxSamples: MAX_SAMPLES,
    evalEvery: EVAL_EVERY,
    evalDigits: EVAL_DIGITS,
    trainEval: 0,
    lookInside: false,
    lrSchedule: schedule,
    race: true,
  };
}

/** One racer as the figure shows it: plain, finite numbers only. */
export interface RacerResult {
  kind: Racer;
  /** Smoothed training loss against images seen. */
  loss: [number, number][];
  /** Test accuracy against images seen, up to where it stopped. */
  accuracy: [number, number][];
  lastLoss: number | null;
  lastAccuracy: number | null;
  msPerStep: number | null;
  /** Why and at which step its loss diverged, where the job has said so, or null. */
  stop: Divergence | null;
  /** The step by which it had diverged (its own, or that at which the whole race did), or null. */
  divergedBy: number | null;
}

/**
 * Each racer's curves and numbers from the job's view and evaluation history. A racer that diverged
 * is no longer measured: its accuracy curve ends at the last measurement before it stopped. When
 * the whole race has diverged (`raceStop`: the step where the last racer did), the job's last
 * picture may predate some of the racers' own stops: those count as diverged by that step.
 */
export function raceResults(runs: readonly WatchedRun[] | null, history: readonly EvaluationPoint[], raceStop: number | null = null): RacerResult[] {
  return RACERS.map((kind, k) => {
    const run = runs?.[k] ?? null;
    const stop = run?.stop ?? null;
    const divergedBy = stop?.step ?? raceStop;
    const lastGood = divergedBy !== null ? (divergedBy - 1) * BATCH : Infinity;
    const accuracy = history.filter((p) => p.samples <= lastGood).map((p) => [p.samples, p.test[k]] as [number, number]);
    const loss = run ? run.curve.steps.map((s, i) => [s * BATCH, run.curve.values[i]] as [number, number]) : [];
    const going = divergedBy === null;
    return {
      kind,
      loss,
      accuracy,
      lastLoss: going ? (run?.smoothed ?? null) : null,
      lastAccuracy: going ? (accuracy.at(-1)?.[1] ?? null) : null,
      msPerStep: run?.msPerStep ?? null,
      stop,
      divergedBy,
    };
  });
}
