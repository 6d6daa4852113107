// Label corruption as Zhang et al. (2017, "Understanding deep learning requires rethinking
// generalization", §2) run it: a fraction of the training images get a class drawn uniformly at
// random in place of their true one, fixed for the whole run. Here the fraction is exact (the first
// ⌊fraction·n⌉ images of a seeded permutation), not a coin per image, so that the figure's "40 %"
// is 40 % of the images; a drawn class can still equal the true one (one time in ten).

import { Random } from '../../../engine/index.ts';

export interface CorruptedLabels {
  /** The labels the network is trained on: the true ones, some replaced. */
  labels: number[];
  /** Which images had their label redrawn (whether or not the draw changed it). */
  replaced: boolean[];
  /** How many images were redrawn: exactly round(fraction · n). */
  replacedCount: number;
  /** How many labels now differ from the true ones (about nine in ten of those redrawn). */
  wrongCount: number;
}

/**
 * Replaces round(fraction · n) labels, chosen by a seeded permutation, with uniform draws from
 * 0…classes − 1. Every draw is made whatever the fraction, in the permutation's order, so a larger
 * fraction redraws the same images as a smaller one, with the same new classes, and then more.
 */
export function corruptLabels(trueLabels: ArrayLike<number>, fraction: number, seed: number, classes = 10): CorruptedLabels {
  const n = trueLabels.length;
  const share = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  const replacedCount = Math.round(share * n);
  const rng = new Random(seed * 104729 + 17);
  const order = rng.permutation(n);
  const draws = order.map(() => rng.int(classes));
  const labels = Array.from(trueLabels, Number);
  const replaced = new Array<boolean>(n).fill(false);
  for (let j = 0; j < replacedCount; j++) {
    labels[order[j]] = draws[j];
    replaced[order[j]] = true;
  }
  const wrongCount = labels.reduce((w, l, i) => w + (l === trueLabels[i] ? 0 : 1), 0);
  return { labels, replaced, replacedCount, wrongCount };
}
