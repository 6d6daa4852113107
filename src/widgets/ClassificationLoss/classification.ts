// One example of the true class (label 1), a logit z, and the prediction p = σ(z). Two ways to
// score p: binary cross-entropy −log p, and the squared error (p − 1)² of the sigmoid's output.
// Their derivatives with respect to z come from the engine's backward pass; the closed forms
// below are only for the tests and the notes:
//   d/dz [−log σ(z)]   = σ(z) − 1
//   d/dz [(σ(z) − 1)²] = 2·(σ(z) − 1)·σ(z)·(1 − σ(z))
// The sigmoid's own slope σ(1 − σ) sits in the second one: it is nearly 0 when the model is
// confidently wrong (z ≪ 0), so squared error learns slowly exactly where it should learn fast.
import { losses, ones, sigmoid, sum, tensor, tidy } from '../../engine/index.ts';

export const Z_RANGE: [number, number] = [-8, 8];
/** p is kept where its logit stays in Z_RANGE. */
export const P_RANGE: [number, number] = [0.0004, 0.9996];

export const logistic = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
export const logit = (p: number) => Math.log(p / (1 - p));

export interface LossCurves {
  z: number[];
  bce: number[];
  mse: number[];
  bceGrad: number[];
  mseGrad: number[];
}

// #region gradients
/**
 * BCE and squared error of p = σ(z) against the label 1, and their derivatives with respect to
 * each z, from backward(). Summing the per-example losses before backward() gives every logit
 * the derivative of its own loss, since the other terms do not depend on it.
 */
export function lossesAndGradients(zs: number[]): LossCurves {
  return tidy(() => {
    const label = ones([zs.length]);
    const zForBce = tensor(zs, [zs.length], { requiresGrad: true });
    const bce = losses.bceWithLogits(zForBce, label, { reduction: 'none' });
    sum(bce).backward();
    const zForMse = tensor(zs, [zs.length], { requiresGrad: true });
    const mse = losses.mseLoss(sigmoid(zForMse), label, { reduction: 'none' });
    sum(mse).backward();
    return {
      z: zs,
      bce: Array.from(bce.data()),
      mse: Array.from(mse.data()),
      bceGrad: Array.from(zForBce.grad!.data()),
      mseGrad: Array.from(zForMse.grad!.data()),
    };
  });
}
// #endregion

/** Evenly spaced logits over Z_RANGE, for the curves. */
export function zGrid(count = 161): number[] {
  const [a, b] = Z_RANGE;
  return Array.from({ length: count }, (_, i) => a + ((b - a) * i) / (count - 1));
}

/** Below this p the prediction counts as confidently wrong, and the note about MSE's gradient shows. */
export const CONFIDENTLY_WRONG = 0.1;

export const clampP = (p: number) => Math.min(P_RANGE[1], Math.max(P_RANGE[0], Number.isFinite(p) ? p : 0.5));
