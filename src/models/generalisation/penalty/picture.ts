// What the weight-penalty figure draws, as plain numbers: the decision surface over (x₁, x₂) with
// the noise inputs at their mean (0), a histogram of every weight with the exact zeros counted
// apart, the size of each input's outgoing weights, and loss and accuracy on a set.
import { losses, noGrad, sigmoid, tensor, tidy, type Tensor } from '../../../engine/index.ts';
import { EXTENT, INPUTS, NOISE_INPUTS, type PenaltySet } from './data.ts';
import { HIDDEN, type PenaltyModel } from './network.ts';

/** Cells along each side of the decision surface. */
export const GRID = 36;
/** Bins of the weight histogram (an even number, so that 0 is an edge, never inside a bin). */
export const HISTOGRAM_BINS = 24;

/** The surface's grid as network inputs, row-major from the bottom row, noise inputs at 0. */
export function surfaceInputs(): number[][] {
  const [lo, hi] = EXTENT;
  const out: number[][] = [];
  for (let j = 0; j < GRID; j++) {
    for (let i = 0; i < GRID; i++) {
      const x1 = lo + ((i + 0.5) * (hi - lo)) / GRID;
      const x2 = lo + ((j + 0.5) * (hi - lo)) / GRID;
      out.push([x1, x2, ...Array.from({ length: NOISE_INPUTS }, () => 0)]);
    }
  }
  return out;
}

export interface WeightHistogram {
  /** The bins' edges, symmetric about 0: HISTOGRAM_BINS + 1 numbers from −range to range. */
  edges: number[];
  /** Non-zero weights in each bin. */
  counts: number[];
  /** Weights that are exactly 0 (not in any bin). */
  zeros: number;
  total: number;
}

/** A round bound at or above `v` (1, 2 or 5 times a power of ten), so the bins do not flicker. */
export function niceBound(v: number): number {
  if (!(v > 0) || !Number.isFinite(v)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

/** The narrowest histogram: weights decayed to 10⁻³⁰ fall in the bins beside 0, visibly not at 0. */
const MIN_RANGE = 0.01;

export function weightHistogram(values: readonly number[], bins = HISTOGRAM_BINS): WeightHistogram {
  if (bins % 2 !== 0) throw new Error(`weightHistogram: bins must be even, got ${bins}`);
  const range = niceBound(Math.max(MIN_RANGE, ...values.map(Math.abs)));
  // Written so that the middle edge is exactly 0 and the edges are symmetric to the last bit.
  const edges = Array.from({ length: bins + 1 }, (_, k) => (range * (2 * k - bins)) / bins);
  const width = (2 * range) / bins;
  const counts = Array.from({ length: bins }, () => 0);
  let zeros = 0;
  for (const v of values) {
    if (v === 0) {
      zeros++;
      continue;
    }
    // Binned by size on its own side of 0, so a weight of −10⁻⁴⁴ never rounds into a positive bin.
    const fromZero = Math.min(bins / 2 - 1, Math.floor(Math.abs(v) / width));
    counts[v > 0 ? bins / 2 + fromZero : bins / 2 - 1 - fromZero]++;
  }
  return { edges, counts, zeros, total: values.length };
}

export interface WeightNorms {
  /** Σ|w| over every weight. */
  l1: number;
  /** √Σw². */
  l2: number;
  /** Weights that are exactly 0. */
  zeros: number;
  total: number;
}

export function weightNorms(values: readonly number[]): WeightNorms {
  let l1 = 0;
  let sq = 0;
  let zeros = 0;
  for (const v of values) {
    l1 += Math.abs(v);
    sq += v * v;
    if (v === 0) zeros++;
  }
  return { l1, l2: Math.sqrt(sq), zeros, total: values.length };
}

/** Every weight (not the biases), read back as plain numbers, layer by layer. */
export function weightValues(model: PenaltyModel): number[] {
  return model.weights.flatMap((w) => Array.from(w.data()));
}

export interface InputSize {
  /** √Σ of the squares of the input's HIDDEN outgoing weights (its row of the first weight matrix). */
  size: number;
  /** How many of those weights are exactly 0. */
  zeros: number;
}

/** The first layer's weight is [INPUTS, HIDDEN], one row per input (the engine's layout). */
export function inputSizes(firstLayer: readonly number[]): InputSize[] {
  if (firstLayer.length !== INPUTS * HIDDEN) throw new Error(`inputSizes: expected ${INPUTS * HIDDEN} weights, got ${firstLayer.length}`);
  return Array.from({ length: INPUTS }, (_, i) => {
    const row = firstLayer.slice(i * HIDDEN, (i + 1) * HIDDEN);
    return { size: Math.sqrt(row.reduce((s, w) => s + w * w, 0)), zeros: row.filter((w) => w === 0).length };
  });
}

/** Data tensors of a set: inputs [n, 8] and labels [n, 1]. */
export function setTensors(set: PenaltySet): { x: Tensor; y: Tensor } {
  return { x: tensor(set.x), y: tensor(set.y.map((v) => [v])) };
}

export interface SetScore {
  loss: number;
  accuracy: number;
}

/** Mean cross-entropy and accuracy of the network on a set (its tensors and its labels). */
export function scoreSet(model: PenaltyModel, x: Tensor, y: Tensor, labels: readonly number[]): SetScore {
  return tidy(() =>
    noGrad(() => {
      const out = model.net.forward(x);
      const loss = losses.bceWithLogits(out, y).item();
      const logits = out.data();
      const right = labels.filter((label, i) => (logits[i] > 0 ? 1 : 0) === label).length;
      return { loss, accuracy: right / labels.length };
    }),
  );
}

/** σ(logit) on the surface's grid (the HeatMap's layout). */
export function surfaceValues(model: PenaltyModel, grid: Tensor): number[] {
  return tidy(() => noGrad(() => Array.from(sigmoid(model.net.forward(grid)).data())));
}
