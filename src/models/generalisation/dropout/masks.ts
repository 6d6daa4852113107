// Dropout masks (Srivastava et al. 2014, section 4): each hidden unit is kept with probability
// 1 − p, independently, a fresh draw every time. "Inverted" dropout, as PyTorch, Keras and the
// engine's nn.Dropout do it, multiplies the kept units by 1/(1−p) during training, so that a unit's
// expected output equals its output at inference, where no mask and no scaling are applied.
import type { Random } from '../../../engine/index.ts';

/** The largest rate the figure offers: at p = 1 nothing would pass and 1/(1−p) is infinite. */
export const MAX_RATE = 0.9;

export function checkRate(p: number): number {
  if (!(p >= 0 && p <= MAX_RATE)) throw new RangeError(`dropout rate must lie in [0, ${MAX_RATE}], got ${p}`);
  return p;
}

/** One mask: for each of `units` units, whether it is kept (true) or dropped (false). */
export function drawKeep(rng: Random, units: number, p: number): boolean[] {
  checkRate(p);
  return Array.from({ length: units }, () => rng.next() >= p);
}

/** What a kept unit is multiplied by: 1/(1−p) with inverted dropout, 1 when the scaling is forgotten. */
export function keptScale(p: number, scaled: boolean): number {
  checkRate(p);
  return scaled ? 1 / (1 - p) : 1;
}

/** The mask as multipliers: 0 for a dropped unit, the kept scale for a kept one. */
export function maskValues(keep: readonly boolean[], p: number, scaled: boolean): number[] {
  const scale = keptScale(p, scaled);
  return keep.map((k) => (k ? scale : 0));
}

/** A mask for each hidden layer of the figure's network. */
export interface NetworkMask {
  keep1: boolean[];
  keep2: boolean[];
}

export function drawNetworkMask(rng: Random, units: number, p: number): NetworkMask {
  return { keep1: drawKeep(rng, units, p), keep2: drawKeep(rng, units, p) };
}

/** The share of dropped units over a list of masks. */
export function droppedShare(masks: readonly (readonly boolean[])[]): number {
  let dropped = 0;
  let all = 0;
  for (const m of masks) {
    for (const k of m) if (!k) dropped++;
    all += m.length;
  }
  return all === 0 ? 0 : dropped / all;
}
