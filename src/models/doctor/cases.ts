// The network doctor's cases: the same small ReLU network on a two-class toy set, each case broken
// by one fault that a practitioner meets in real training. A case is a fault, a data set and a
// seed; the 'random' case draws all three from the reader's number, so a link brings it back.
import { Random, type data } from '../../engine/index.ts';

/** The four faults, in the order the reader's choices list them. */
export const faults = ['rate', 'inputs', 'dead', 'loss'] as const;
export type Fault = (typeof faults)[number];

/** The data sets the cases train on: the engine's toys a 2-16-16-2 network learns in 300 steps. */
export const doctorSets = ['moons', 'circle', 'xor'] as const satisfies readonly data.ClassificationSetName[];
export type DoctorSet = (typeof doctorSets)[number];

export const caseIds = ['1', '2', '3', '4', 'random'] as const;
export type CaseId = (typeof caseIds)[number];

/** What a run is built from: which fault, on which data, and the seed of the data and the weights. */
export interface DoctorCase {
  fault: Fault;
  set: DoctorSet;
  seed: number;
}

// #region settings
/** Hidden units in each of the two ReLU layers. */
export const WIDTH = 16;
/** Points drawn from the data set, all trained on (full-batch gradient descent). */
export const POINTS = 200;
export const NOISE = 0.2;
/** Steps of one run: where the healthy network has learnt its set. */
export const STEPS = 300;
/** SGD with momentum: the healthy network's rate, and the broken one's, 200 times as large. */
export const RATE = 0.05;
export const MOMENTUM = 0.9;
export const BROKEN_RATE = 10;
/** Case 2: the second feature arrives in units a thousand times smaller (millimetres, not metres). */
export const INPUT_SCALE = 1000;
/** Case 3: the second layer's biases start here, far below anything its inputs can lift. */
export const DEAD_BIAS = -10;
/**
 * A run has diverged when its loss passes this many times its first value. A healthy run never
 * comes near; a rate 200 times too large passes it within a few steps, before the units it shakes
 * die (after which the loss would sit, flat and finite, at chance, and look like case 3).
 */
export const DIVERGENCE_FACTOR = 10;
// #endregion

/** The four numbered cases: each fault once, on a set that shows it well. */
const numbered: Record<Exclude<CaseId, 'random'>, DoctorCase> = {
  '1': { fault: 'rate', set: 'moons', seed: 1 },
  '2': { fault: 'inputs', set: 'xor', seed: 1 },
  '3': { fault: 'dead', set: 'moons', seed: 3 },
  '4': { fault: 'loss', set: 'circle', seed: 1 },
};

export const MIN_CASE_SEED = 1;
export const MAX_CASE_SEED = 9999;

/** The case a reader's choice names; `seed` is the random case's number (1…9999). */
export function doctorCase(id: CaseId, seed: number): DoctorCase {
  if (id !== 'random') return numbered[id];
  const n = Math.min(MAX_CASE_SEED, Math.max(MIN_CASE_SEED, Math.round(Number.isFinite(seed) ? seed : MIN_CASE_SEED)));
  // A stream of its own, so that the fault and the set do not follow the weights' first draws.
  const rng = new Random(n * 7919 + 17);
  return { fault: faults[rng.int(faults.length)], set: doctorSets[rng.int(doctorSets.length)], seed: n };
}
