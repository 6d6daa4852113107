// Reading the evidence of a run and judging the reader's diagnosis. The facts are what training
// showed (the loss curve, each layer's gradient norm and active units, the inputs' statistics);
// a wrong diagnosis is answered with the fact that argues against it, never with the answer. The
// words are the figure's (its strings catalogue): this file returns codes and numbers only.
import type { Fault } from './cases.ts';
import type { FeatureStats } from './network.ts';

/** What the page knows of a run, as plain numbers. */
export interface Evidence {
  /** Steps completed. */
  steps: number;
  /** The step at which the run diverged, or null while it has not. */
  divergedAt: number | null;
  /** The loss curve so far (finite values, step 1's first) and the step of each value. */
  losses: readonly number[];
  lossSteps: readonly number[];
  /** ‖∂L/∂θ‖ of layers 1, 2 and the output layer at the last step read back, or null before any. */
  grads: readonly number[] | null;
  /** Share of active units in ReLU layers 1 and 2 at the last step read back, or null before any. */
  active: readonly number[] | null;
  accuracy: number | null;
  inputs: FeatureStats;
}

/** Steps of evidence before a diagnosis is judged (a divergence is evidence enough at once). */
export const EVIDENCE_STEPS = 50;
/** A loss that moved less than this share of its first value in EVIDENCE_STEPS steps has not moved. */
const FLAT_SHARE = 0.05;
/** A loss that rose past this many times its first value climbed. */
const ROSE_FACTOR = 2;
/**
 * A network that guesses evenly between two classes starts at ln 2 ≈ 0.69; a well-initialised one
 * within a few times that. A first loss above ten times ln 2 was made before any step could move it.
 */
export const HIGH_START = 10 * Math.LN2;
/** Inputs are standardised when every mean is within this of 0 and every std within this of 1. */
const STANDARD_TOLERANCE = 0.1;

export interface Facts {
  firstLoss: number;
  lastLoss: number;
  peakLoss: number;
  peakStep: number;
  /** The loss climbed (past twice its first value) or the run diverged. */
  rose: boolean;
  /** The loss has hardly moved, up or down. */
  flat: boolean;
  startedHigh: boolean;
  standardised: boolean;
  /** The largest input std, and the largest over the smallest. */
  largestStd: number;
  scaleRatio: number;
  /** Layers (1, 2) in which no unit is active, and layers (1, 2, 3) whose gradient is exactly 0. */
  deadLayers: number[];
  zeroGradients: number[];
}

export function evidenceReady(e: Evidence): boolean {
  return e.losses.length > 0 && (e.divergedAt !== null || e.steps >= EVIDENCE_STEPS);
}

export function factsOf(e: Evidence): Facts {
  const first = e.losses[0] ?? Number.NaN;
  const last = e.losses.at(-1) ?? Number.NaN;
  let peak = first;
  let peakStep = e.lossSteps[0] ?? 1;
  e.losses.forEach((v, i) => {
    if (v > peak) {
      peak = v;
      peakStep = e.lossSteps[i] ?? i + 1;
    }
  });
  const rose = e.divergedAt !== null || peak > ROSE_FACTOR * first;
  const { means, stds } = e.inputs;
  const positive = stds.filter((s) => s > 0);
  return {
    firstLoss: first,
    lastLoss: last,
    peakLoss: peak,
    peakStep,
    rose,
    flat: !rose && e.steps >= EVIDENCE_STEPS && Math.abs(last - first) <= FLAT_SHARE * first,
    startedHigh: first > HIGH_START,
    standardised: means.every((m) => Math.abs(m) < STANDARD_TOLERANCE) && stds.every((s) => Math.abs(s - 1) < STANDARD_TOLERANCE),
    largestStd: positive.length ? Math.max(...positive) : 0,
    scaleRatio: positive.length ? Math.max(...positive) / Math.min(...positive) : 1,
    deadLayers: (e.active ?? []).flatMap((a, i) => (a === 0 ? [i + 1] : [])),
    zeroGradients: (e.grads ?? []).flatMap((g, i) => (g === 0 ? [i + 1] : [])),
  };
}

/** Why a wrong diagnosis is wrong: the fact of the evidence that argues against it. */
export type Objection =
  /** 'rate': the loss has not moved at all, where too large a rate makes it jump. */
  | 'rateFlat'
  /** 'rate': the loss was already far too high at step 1, before the rate had moved a weight. */
  | 'rateStartedHigh'
  /** 'rate': the loss fell smoothly and never jumped up. */
  | 'rateSmooth'
  /** 'inputs': every feature arrives with mean 0 and standard deviation 1. */
  | 'inputsStandardised'
  /** 'dead': every layer has active units and a gradient that is not 0. */
  | 'deadActive'
  /** 'loss': the loss climbed; a wrong loss slows learning but does not make it climb. */
  | 'lossClimbed'
  /** 'loss': the loss has not moved at all; a wrong loss still learns, slowly. */
  | 'lossFlat';

export type Verdict = { kind: 'wait' } | { kind: 'right'; facts: Facts } | { kind: 'wrong'; objection: Objection; facts: Facts };

/** The fact that argues against `choice`, read from the evidence alone (the true fault is not used). */
export function objectionTo(choice: Fault, f: Facts): Objection {
  switch (choice) {
    case 'rate':
      return f.flat ? 'rateFlat' : f.startedHigh ? 'rateStartedHigh' : 'rateSmooth';
    case 'inputs':
      return 'inputsStandardised';
    case 'dead':
      return 'deadActive';
    case 'loss':
      return f.flat ? 'lossFlat' : 'lossClimbed';
  }
}

/** The reader chose `choice` for a run whose fault is `fault`: wait for evidence, right, or wrong and why. */
export function judge(fault: Fault, choice: Fault, e: Evidence): Verdict {
  if (!evidenceReady(e)) return { kind: 'wait' };
  const facts = factsOf(e);
  return choice === fault ? { kind: 'right', facts } : { kind: 'wrong', objection: objectionTo(choice, facts), facts };
}

/**
 * Whether an objection is borne out by the facts: the figure only says what the evidence shows
 * (the tests check that every case's evidence bears out the objection to each wrong choice).
 */
export function objectionHolds(o: Objection, f: Facts): boolean {
  switch (o) {
    case 'rateFlat':
    case 'lossFlat':
      return f.flat;
    case 'rateStartedHigh':
      return f.startedHigh;
    case 'rateSmooth':
      return !f.rose;
    case 'inputsStandardised':
      return f.standardised;
    case 'deadActive':
      return f.deadLayers.length === 0 && f.zeroGradients.length === 0;
    case 'lossClimbed':
      return f.rose;
  }
}
