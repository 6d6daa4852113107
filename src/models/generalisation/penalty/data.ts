// The weight-penalty figure's data: two noisy moons in (x₁, x₂), few training points and a larger
// held-out test set, each point with six more inputs that are pure noise (seeded Gaussians, as
// large as x₁ and x₂). A network can fit the few training labels through the noise inputs too;
// an L1 penalty can switch them off, which is what the figure shows.
import { data, Random } from '../../../engine/index.ts';

/** x₁, x₂ and the noise inputs. */
export const SIGNAL_INPUTS = 2;
export const NOISE_INPUTS = 6;
export const INPUTS = SIGNAL_INPUTS + NOISE_INPUTS;
export const TRAIN_POINTS = 40;
export const TEST_POINTS = 400;
/** The moons' own noise: the two classes touch at the tips, so a fit to 40 points can overfit. */
const MOON_NOISE = 0.3;
/** The moons span about ±3.75 by ±3; this brings x₁ and x₂ to the noise inputs' scale. */
const SCALE = 1 / 2;
/** The square the decision surface is drawn over, in (x₁, x₂). */
export const EXTENT: readonly [number, number] = [-2.5, 2.5];

export interface PenaltySet {
  /** Each point's inputs: [x₁, x₂, noise₁, …, noise₆]. */
  x: number[][];
  /** Labels, 0 or 1. */
  y: number[];
}

export interface PenaltyData {
  train: PenaltySet;
  test: PenaltySet;
}

function draw(n: number, seed: number): PenaltySet {
  const moons = data.toyDataset('moons', { n, noise: MOON_NOISE, seed });
  // The noise inputs have a seed of their own, so they are independent of the moons' draw.
  const rng = new Random(seed * 7919 + 17);
  const x = moons.x.map(([a, b]) => [a * SCALE, b * SCALE, ...Array.from({ length: NOISE_INPUTS }, () => rng.normal())]);
  return { x, y: moons.y };
}

/** The training and test sets for a seed: the same seed draws the same points everywhere. */
export function penaltyData(seed: number): PenaltyData {
  // Different draws for training and test, both fixed by the seed.
  return { train: draw(TRAIN_POINTS, 2 * seed - 1), test: draw(TEST_POINTS, 2 * seed + 1000) };
}
