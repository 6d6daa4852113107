// The figure's data: two overlapping clouds of points in the plane, one per class, so that no
// boundary separates them and a network that separates the few training points anyway has learnt
// their noise. The data set is fixed (its own seed): a new run seed changes the network and its
// masks, never the points, so runs compare.
import { Random } from '../../../engine/index.ts';
import type { Point } from './types.ts';

export interface LabelledSet {
  x: Point[];
  /** 0 or 1. */
  y: number[];
}

/** The plane the figure draws, in both coordinates. */
export const EXTENT: [number, number] = [-2.5, 2.5];
export const TRAIN_PER_CLASS = 12;
export const TEST_PER_CLASS = 150;
const DATA_SEED = 7;
/** Each class is a round Gaussian cloud about its centre, the two clouds overlapping. */
const CENTRES: readonly Point[] = [
  [-0.55, -0.35],
  [0.55, 0.35],
];
const SPREAD = 0.75;

function cloud(rng: Random, perClass: number): LabelledSet {
  const x: Point[] = [];
  const y: number[] = [];
  for (let i = 0; i < perClass; i++) {
    for (let c = 0; c < 2; c++) {
      const p: Point = [rng.normal(CENTRES[c][0], SPREAD), rng.normal(CENTRES[c][1], SPREAD)];
      // Kept inside the drawn plane, so every point is seen.
      x.push([clampTo(p[0]), clampTo(p[1])]);
      y.push(c);
    }
  }
  return { x, y };
}

const clampTo = (v: number) => Math.min(EXTENT[1] - 0.1, Math.max(EXTENT[0] + 0.1, v));

/** The training points (few) and the test points (many, from the same two clouds). */
export function dropoutData(): { train: LabelledSet; test: LabelledSet } {
  const rng = new Random(DATA_SEED);
  const train = cloud(rng, TRAIN_PER_CLASS);
  const test = cloud(rng, TEST_PER_CLASS);
  return { train, test };
}
