// The data of the capacity figure: noisy points from one smooth target on [−1, 1], drawn from a
// seed. Training, validation and test points come from three separate streams of the same seed,
// and more noise scales the same noise (σ·z with z fixed by the seed).
//
// The n training points (and the n validation points) are a stratified sample: one point at a
// uniformly random place in each of n equal strips of [−1, 1]. Each point is still uniform over
// [−1, 1] on average, like the test points, but no three points bunch together by chance, which
// in a sample of 12 would decide the picture more than the model does (three points within 0.04
// of each other force any interpolant into a spike there).
import { Random } from '../../../engine/index.ts';

export const X_DOMAIN: readonly [number, number] = [-1, 1];

/** The target the points scatter around: one full period of a sine. */
export const target = (x: number) => Math.sin(Math.PI * x);

/** Size of the fresh sample that stands for the true (expected) error. */
export const TEST_SIZE = 1000;

export interface Points {
  x: Float64Array;
  y: Float64Array;
}

export interface Sample {
  train: Points;
  /** As many points as the training set, from the same distribution. */
  validation: Points;
  test: Points;
}

function draw(random: Random, count: number, noise: number, stratified: boolean): Points {
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  const [lo, hi] = X_DOMAIN;
  for (let i = 0; i < count; i++) {
    x[i] = stratified ? lo + ((hi - lo) * (i + random.next())) / count : random.uniform(lo, hi);
    y[i] = target(x[i]) + noise * random.normal();
  }
  return { x, y };
}

/** n training points, n validation points and TEST_SIZE test points, with noise of standard deviation σ. */
export function drawSample(seed: number, n: number, noise: number): Sample {
  const random = new Random(seed);
  const trainStream = random.fork();
  const validationStream = random.fork();
  const testStream = random.fork();
  return {
    train: draw(trainStream, n, noise, true),
    validation: draw(validationStream, n, noise, true),
    test: draw(testStream, TEST_SIZE, noise, false),
  };
}
