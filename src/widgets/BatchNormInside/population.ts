// The pre-activations the batch-norm layer sees: three units whose values are Gaussian with means
// and spreads deliberately far from 0 and 1 (one large and wide, one negative and narrow, one far
// off centre), as a layer's pre-activations are once the weights before it have moved. Batches
// are drawn from a seeded generator, so the same seed gives the same stream of batches.
import { Random } from '../../engine/index.ts';

/** Each unit's population mean and standard deviation. */
export const UNIT_MEANS = [5, -3, 12] as const;
export const UNIT_STDS = [4, 0.5, 2] as const;
export const UNITS = UNIT_MEANS.length;

export const MIN_BATCH = 1;
export const MAX_BATCH = 256;
/** How many batches the figure takes at most: enough for the slowest momentum it offers to settle. */
export const MAX_BATCHES = 200;

/** The population's variance of each unit: what the running variance should settle near. */
export const UNIT_VARIANCES = UNIT_STDS.map((s) => s * s);

/** One batch: `batchSize` rows, one value per unit, in the order the generator gives them. */
export function drawBatch(rng: Random, batchSize: number): number[][] {
  return Array.from({ length: batchSize }, () => UNIT_MEANS.map((mu, u) => rng.normal(mu, UNIT_STDS[u])));
}

/**
 * The two independent streams of one seed: the batches the layer trains on, and the batches it is
 * shown in evaluation mode (new data from the same population, which must not shift the training
 * stream when the reader switches modes).
 */
export function streamsOf(seed: number): { training: Random; evaluation: Random } {
  const root = new Random(seed);
  const training = root.fork();
  const evaluation = root.fork();
  return { training, evaluation };
}

/** The evaluation stream alone (to draw it again from its start). */
export function evaluationStream(seed: number): Random {
  return streamsOf(seed).evaluation;
}
