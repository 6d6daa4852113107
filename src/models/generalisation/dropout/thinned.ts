// The trained network's numbers run by hand, in plain arithmetic: one thinned network (a mask), the
// whole network at inference (no mask), and the average of K thinned networks. These are what the
// figure's scaling and ensemble panels and the chapter's numbers are made of; a test checks them
// against the engine's forward pass.
import { Random } from '../../../engine/index.ts';
import { drawNetworkMask, maskValues, type NetworkMask } from './masks.ts';
import { UNITS, type NetWeights, type Point } from './types.ts';

/** The first hidden layer's ReLU outputs at x: what dropout then masks. */
export function hidden1(w: NetWeights, x: Point): number[] {
  const n = w.b1.length;
  const h = new Array<number>(n);
  for (let j = 0; j < n; j++) h[j] = Math.max(0, x[0] * w.w1[j] + x[1] * w.w1[n + j] + w.b1[j]);
  return h;
}

/** The logit from the first hidden layer's outputs, each layer multiplied by its mask (null: none). */
export function logitFromHidden(w: NetWeights, h1: readonly number[], m1: readonly number[] | null, m2: readonly number[] | null): number {
  const n = w.b2.length;
  let out = w.b3[0];
  for (let k = 0; k < n; k++) {
    let z = w.b2[k];
    for (let j = 0; j < h1.length; j++) z += h1[j] * (m1 ? m1[j] : 1) * w.w2[j * n + k];
    out += Math.max(0, z) * (m2 ? m2[k] : 1) * w.w3[k];
  }
  return out;
}

export const sigmoidOf = (z: number) => 1 / (1 + Math.exp(-z));

/** A mask as the two layers' multipliers. */
export interface Multipliers {
  m1: number[];
  m2: number[];
}

export function multipliers(mask: NetworkMask, p: number, scaled: boolean): Multipliers {
  return { m1: maskValues(mask.keep1, p, scaled), m2: maskValues(mask.keep2, p, scaled) };
}

/** The network's probability of class 1 at x: thinned by `m`, or whole (inference) when m is null. */
export function probability(w: NetWeights, x: Point, m: Multipliers | null): number {
  return sigmoidOf(logitFromHidden(w, hidden1(w, x), m?.m1 ?? null, m?.m2 ?? null));
}

/**
 * `count` masks from their own seeded stream: the thinned networks the ensemble panel averages.
 * The same seed gives the same masks, so the panel moves only as the weights do.
 */
export function ensembleMasks(seed: number, count: number, p: number, scaled: boolean): Multipliers[] {
  const rng = new Random(seed * 7919 + 17);
  return Array.from({ length: count }, () => multipliers(drawNetworkMask(rng, UNITS, p), p, scaled));
}

/**
 * How K thinned networks are averaged. 'logits': the mean of their logits, i.e. the normalised
 * geometric mean of their predicted odds, the average that the inference pass computes exactly for
 * a single layer and approximately for deeper ones (Srivastava et al. 2014, §7.5; Baldi and
 * Sadowski 2013). 'probabilities': the arithmetic mean of their probabilities, "Monte-Carlo"
 * averaging.
 */
export const AVERAGES = ['logits', 'probabilities'] as const;
export type Average = (typeof AVERAGES)[number];

/** The K-average of the thinned networks' outputs at one point, from their logits. */
function averageOf(logits: readonly number[], average: Average): number {
  if (logits.length === 0) return Number.NaN;
  let s = 0;
  for (const z of logits) s += average === 'logits' ? z : sigmoidOf(z);
  return average === 'logits' ? sigmoidOf(s / logits.length) : s / logits.length;
}

/** Each thinned network's logit at x, one per mask. */
export function thinnedLogits(w: NetWeights, x: Point, masks: readonly Multipliers[]): number[] {
  const h1 = hidden1(w, x);
  return masks.map((m) => logitFromHidden(w, h1, m.m1, m.m2));
}

export interface PointEnsemble {
  /** Each thinned network's own probability of class 1, in the order of the masks. */
  members: number[];
  /** The average of the first K thinned networks, for K = 1, 2, …, masks.length. */
  averaged: number[];
  /** The inference pass: the whole network, no mask, no scaling. */
  inference: number;
}

/** The ensemble reading at one point: the K-average for every K beside the single inference pass. */
export function pointEnsemble(w: NetWeights, x: Point, masks: readonly Multipliers[], average: Average): PointEnsemble {
  const logits = thinnedLogits(w, x, masks);
  const averaged: number[] = [];
  let s = 0;
  logits.forEach((z, k) => {
    s += average === 'logits' ? z : sigmoidOf(z);
    averaged.push(average === 'logits' ? sigmoidOf(s / (k + 1)) : s / (k + 1));
  });
  return { members: logits.map(sigmoidOf), averaged, inference: probability(w, x, null) };
}

/** The K-average's probability at each point (the ensemble's surface), K = masks.length. */
export function averagedSurface(w: NetWeights, points: readonly Point[], masks: readonly Multipliers[], average: Average): number[] {
  return points.map((x) => averageOf(thinnedLogits(w, x, masks), average));
}

/** The whole network's (inference) or one thinned network's probability at each point. */
export function surface(w: NetWeights, points: readonly Point[], m: Multipliers | null): number[] {
  return points.map((x) => probability(w, x, m));
}

/** The mean over `points` of |K-average − inference pass|, in probability, K = masks.length. */
export function meanEnsembleGap(w: NetWeights, points: readonly Point[], masks: readonly Multipliers[], average: Average): number {
  const avg = averagedSurface(w, points, masks, average);
  const inf = surface(w, points, null);
  return avg.reduce((sum, v, i) => sum + Math.abs(v - inf[i]), 0) / Math.max(1, points.length);
}

/** The share of points whose inference-pass class (probability above ½ or not) is their label. */
export function accuracy(w: NetWeights, set: { x: readonly Point[]; y: readonly number[] }): number {
  return set.x.reduce((n, x, i) => n + ((probability(w, x, null) > 0.5 ? 1 : 0) === set.y[i] ? 1 : 0), 0) / Math.max(1, set.x.length);
}
