// The numbers the chapter quotes about batch normalisation, computed here so that the text and the
// figure agree: how far the running statistics are after k batches (the engine's, and what the
// momentum rule makes of them on average), and how far the evaluation-mode output is from the
// training-mode output for batches of a given size.
import { BatchNormStream } from './batchNormStream.ts';
import { column, gapOf } from './picture.ts';
import { UNITS } from './population.ts';

export interface GapOptions {
  seed?: number;
  momentum?: number;
  /** Training batches the layer takes first, so that its running statistics have settled. */
  warmup?: number;
  /** Fresh batches the gap is averaged over. */
  trials?: number;
}

/**
 * The mean |train − eval| of the layer's outputs (γ = 1, β = 0, every unit and example) on fresh
 * batches of `batchSize`, after `warmup` training batches of that size: how much a batch's own
 * statistics differ from the running ones, in units of the population's spread. Engine-computed
 * and seeded.
 */
export function trainEvalGap(batchSize: number, o: GapOptions = {}): number {
  if (!(batchSize >= 2)) throw new RangeError(`trainEvalGap: training needs batches of 2 or more, got ${batchSize}`);
  const stream = new BatchNormStream({ seed: o.seed ?? 1, batchSize, momentum: o.momentum ?? 0.1 });
  const ones = Array.from({ length: UNITS }, () => 1);
  const zeros = Array.from({ length: UNITS }, () => 0);
  try {
    stream.advanceTo(o.warmup ?? 100);
    const trials = o.trials ?? 20;
    let sum = 0;
    for (let t = 1; t <= trials; t++) {
      const batch = stream.evalBatch(t);
      const train = stream.output(batch, 'train', ones, zeros);
      const evaluation = stream.output(batch, 'eval', ones, zeros);
      if (train.error !== null || evaluation.error !== null) throw new Error(train.error ?? evaluation.error ?? '');
      let unitSum = 0;
      for (let u = 0; u < UNITS; u++) unitSum += gapOf(column(train.values, u), column(evaluation.values, u)).mean;
      sum += unitSum / UNITS;
    }
    return sum / trials;
  } finally {
    stream.dispose();
  }
}

/** The engine's running mean and variance of every unit after `k` training batches. */
export function runningStatsAfter(k: number, setting: { seed?: number; batchSize: number; momentum: number }): { mean: number[]; variance: number[] } {
  const stream = new BatchNormStream({ seed: setting.seed ?? 1, batchSize: setting.batchSize, momentum: setting.momentum });
  try {
    stream.advanceTo(k);
    const last = stream.runningMean.length - 1;
    return { mean: stream.runningMean[last], variance: stream.runningVar[last] };
  } finally {
    stream.dispose();
  }
}

/**
 * The running statistic's expected value after k batches: each update keeps 1 − m of it and adds
 * m of an estimate whose average is the population's value (the batch mean, or the unbiased batch
 * variance), so the gap from `start` shrinks by (1 − m) a batch:
 * E[r_k] = population + (start − population)·(1 − m)^k.
 */
export function expectedRunningStat(k: number, momentum: number, population: number, start: number): number {
  return population + (start - population) * (1 - momentum) ** k;
}

/** The fewest batches after which at most `fraction` of the starting gap is left on average. */
export function batchesToSettle(momentum: number, fraction = 0.05): number {
  return Math.ceil(Math.log(fraction) / Math.log(1 - momentum));
}
