// Gradient clipping by global norm (Pascanu, Mikolov & Bengio 2013), as PyTorch's
// torch.nn.utils.clip_grad_norm_: when the L2 norm of all gradients together exceeds maxNorm,
// every gradient is scaled by maxNorm / (norm + 1e-6), so the direction of the step is kept and
// only its length is capped. Typical for recurrent networks, whose gradients can explode.
import * as tf from '@tensorflow/tfjs-core';
import { Tensor } from '../tensor';

/**
 * Clips the gradients of `params` in place (each `grad` is replaced by its scaled copy) and
 * returns the total norm before clipping. Parameters without a gradient are ignored.
 */
export function clipGradNorm(params: readonly Tensor[], maxNorm: number): number {
  if (!(maxNorm > 0)) throw new Error(`clipGradNorm: maxNorm must be positive, got ${maxNorm}`);
  const withGrad = params.filter((p) => p.grad);
  if (withGrad.length === 0) return 0;
  // Gradients on the small path are summed here; the others in one TensorFlow.js sum and one read.
  let smallSquares = 0;
  for (const p of withGrad) {
    const g = p.grad!.small;
    if (g) for (let i = 0; i < g.length; i++) smallSquares += g[i] * g[i];
  }
  const large = withGrad.filter((p) => !p.grad!.small);
  let largeSquares = 0;
  if (large.length) {
    const total = tf.tidy(() => tf.addN(large.map((p) => tf.sum(tf.square(p.grad!.asTf())))));
    largeSquares = total.dataSync()[0];
    total.dispose();
  }
  const norm = Math.fround(Math.sqrt(Math.fround(smallSquares + largeSquares)));
  // The 1e-6 is PyTorch's: it keeps the coefficient finite for a zero gradient.
  const coef = maxNorm / (norm + 1e-6);
  if (coef < 1) {
    const old = withGrad.map((p) => p.grad!);
    withGrad.forEach((p, i) => {
      const g = old[i].small;
      p.grad = g ? new Tensor(g.map((v) => v * coef), { shape: p.shape }) : new Tensor(tf.mul(old[i].asTf(), coef));
    });
    // Two parameters may share one gradient tensor (an add passes the same dy to both).
    for (const t of new Set(old.map((g) => g.stored))) t?.dispose();
  }
  return norm;
}
