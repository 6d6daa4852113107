// What the figure draws, as plain numbers: the running statistics after every training batch, and
// the current batch (the latest one through the layer) with the layer's outputs for it in both
// modes. Every output is the engine layer's; the only arithmetic here is measuring them (a mean,
// a spread, a difference), never normalising.
import type { BatchNormStream, LayerMode, LayerOutput } from './batchNormStream.ts';
import { UNITS } from './population.ts';

export interface CurrentBatch {
  /** Which stream it came from, and its number there (from 1). */
  stream: 'training' | 'evaluation';
  index: number;
  /** Rows of the batch: one value per unit. */
  input: number[][];
  /** The layer's output in the figure's mode with γ = 1 and β = 0: the normalised values x̂. */
  normalised: LayerOutput;
  /** The layer's output with the reader's γ and β, in training mode (the batch's statistics). */
  train: LayerOutput;
  /** … and in evaluation mode (the running statistics). */
  eval: LayerOutput;
}

export interface BatchNormPicture {
  /** Training batches the layer has taken. */
  batches: number;
  /** Row k: every unit's running mean and variance after k updates (row 0: the fresh layer's 0 and 1). */
  runningMean: number[][];
  runningVar: number[][];
  /** The engine's message when it refused the training batches (a batch of one). */
  refusal: string | null;
  current: CurrentBatch | null;
}

export interface PictureRequest {
  batches: number;
  evalBatches: number;
  mode: LayerMode;
  gamma: readonly number[];
  beta: readonly number[];
}

const ONES = Array.from({ length: UNITS }, () => 1);
const ZEROS = Array.from({ length: UNITS }, () => 0);

/**
 * The picture after `batches` training batches. In evaluation mode the current batch is the
 * latest evaluation batch (new data; the running statistics do not move), or the latest training
 * batch when none has been drawn yet.
 */
export function pictureOf(stream: BatchNormStream, r: PictureRequest): BatchNormPicture {
  stream.advanceTo(r.batches);
  const fromEval = r.mode === 'eval' && r.evalBatches > 0;
  const input = fromEval ? stream.evalBatch(r.evalBatches) : r.batches > 0 ? stream.lastBatch : null;
  const current: CurrentBatch | null = input
    ? {
        stream: fromEval ? 'evaluation' : 'training',
        index: fromEval ? r.evalBatches : r.batches,
        input,
        normalised: stream.output(input, r.mode, ONES, ZEROS),
        train: stream.output(input, 'train', r.gamma, r.beta),
        eval: stream.output(input, 'eval', r.gamma, r.beta),
      }
    : null;
  return { batches: stream.batches, runningMean: stream.runningMean.slice(), runningVar: stream.runningVar.slice(), refusal: stream.refusal, current };
}

/** One unit's values across a batch's rows. */
export const column = (rows: readonly (readonly number[])[], unit: number): number[] => rows.map((row) => row[unit]);

/** Mean and standard deviation dividing by n (as the layer normalises in training mode). */
export function meanStd(values: readonly number[]): { mean: number; std: number } {
  const n = values.length;
  if (n === 0) return { mean: Number.NaN, std: Number.NaN };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
  return { mean, std: Math.sqrt(variance) };
}

/** Mean and largest |a − b| over paired values. */
export function gapOf(a: readonly number[], b: readonly number[]): { mean: number; max: number } {
  if (a.length !== b.length || a.length === 0) return { mean: Number.NaN, max: Number.NaN };
  const d = a.map((v, i) => Math.abs(v - b[i]));
  return { mean: d.reduce((x, y) => x + y, 0) / d.length, max: Math.max(...d) };
}
