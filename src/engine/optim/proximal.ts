// The proximal step of an L1 penalty (soft-thresholding), for proximal gradient descent (ISTA:
// Beck & Teboulle 2009; Parikh & Boyd, "Proximal Algorithms", 2014, §6.5.2). After a gradient step
// of size lr on the data loss alone, soft-thresholding with lr·λ minimises
//   loss + λ·Σ|w|
// and, unlike adding λ·Σ|w| to the loss (whose subgradient λ·sign(w) overshoots zero at every step
// and leaves a weight jittering around it), it puts small weights at exactly zero and keeps them there.
import * as tf from '@tensorflow/tfjs-core';
import { noGrad, type Tensor } from '../tensor';

/**
 * Soft-thresholds every entry of `params` in place: w ← sign(w)·max(|w| − threshold, 0).
 * `params` are trainable parameters (variables); a threshold of 0 leaves them as they are.
 */
export function proximalL1(params: readonly Tensor[], threshold: number): void {
  if (!Number.isFinite(threshold) || threshold < 0) {
    throw new Error(`proximalL1: threshold must be a finite number ≥ 0, got ${threshold}`);
  }
  params.forEach((p, i) => {
    if (!p.isParameter) throw new Error(`proximalL1: parameter ${i} (${p.name ?? 'unnamed'}) is not a variable`);
  });
  if (threshold === 0) return;
  const t = Math.fround(threshold);
  for (const p of params) {
    const w = p.small;
    if (!w) continue;
    // The same map on the small path, in place.
    for (let i = 0; i < w.length; i++) w[i] = w[i] - (w[i] < -t ? -t : w[i] > t ? t : w[i]);
    p.changed();
  }
  softThreshold(params.filter((p) => !p.small), threshold);
}

/** The soft-thresholding of parameters that are tf.Variables. */
function softThreshold(params: readonly Tensor[], threshold: number): void {
  // #region proximal
  noGrad(() =>
    tf.tidy(() => {
      for (const p of params) {
        const w = p.value as tf.Variable;
        // w − clip(w, −t, t) is the same map, and gives +0 (not −0) for every |w| ≤ t.
        w.assign(tf.sub(w, tf.clipByValue(w, -threshold, threshold)));
      }
    }),
  );
  // #endregion
}
