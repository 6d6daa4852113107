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
  const total = tf.tidy(() => {
    const squares = withGrad.map((p) => tf.sum(tf.square(p.grad!.value)));
    return tf.sqrt(tf.addN(squares));
  });
  const norm = total.dataSync()[0];
  total.dispose();
  // The 1e-6 is PyTorch's: it keeps the coefficient finite for a zero gradient.
  const coef = maxNorm / (norm + 1e-6);
  if (coef < 1) {
    const old = withGrad.map((p) => p.grad!.value);
    withGrad.forEach((p, i) => (p.grad = new Tensor(tf.mul(old[i], coef))));
    // Two parameters may share one gradient tensor (an add passes the same dy to both).
    for (const t of new Set(old)) t.dispose();
  }
  return norm;
}
