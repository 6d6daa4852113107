// What one hidden unit passes on to the next layer over many masks: 0 when dropped, and when kept
// its output a times the kept scale, 1/(1−p) with inverted dropout. The average of the values,
// (1−p)·a/(1−p) = a in expectation, is the unit's inference value; without the scaling it is
// (1−p)·a, short of the inference value by the factor 1−p.
import { Random } from '../../../engine/index.ts';
import { drawKeep, keptScale } from './masks.ts';

export const SAMPLE_MASKS = 400;

export interface UnitSamples {
  /** The value passed on under each mask in turn. */
  values: number[];
  /** The mean of the first i + 1 values, for each i. */
  runningMean: number[];
  /** The mean over all the masks. */
  mean: number;
  /** What the unit passes on at inference: a itself, no mask and no scaling. */
  inference: number;
  /** The mean the masks give in expectation: a with the scaling, (1−p)·a without. */
  expected: number;
}

/** The values one unit with output `a` passes on over `count` seeded masks. */
export function unitSamples(a: number, p: number, scaled: boolean, seed: number, count = SAMPLE_MASKS): UnitSamples {
  const scale = keptScale(p, scaled);
  const rng = new Random(seed * 104729 + 3);
  const keep = drawKeep(rng, count, p);
  const values = keep.map((k) => (k ? a * scale : 0));
  const runningMean: number[] = [];
  let sum = 0;
  values.forEach((v, i) => {
    sum += v;
    runningMean.push(sum / (i + 1));
  });
  return { values, runningMean, mean: count === 0 ? Number.NaN : sum / count, inference: a, expected: (1 - p) * a * scale };
}
