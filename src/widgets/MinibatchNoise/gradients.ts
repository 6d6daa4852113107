// The gradients the figure draws, all by the engine's backpropagation: the full-batch gradient of
// the mean squared error at (w, b); every example's own gradient in one backward pass; and the
// gradient of each mini-batch as the mean of its examples' gradients, for every drawn batch of
// every size at once (one matrix product with an averaging matrix), so that a drag repaints
// within a frame.
import { add, concat, losses, matmul, mean, mul, reshape, slice, square, stack, sub, sum, tensor, tidy, type Tensor } from '../../engine/index.ts';
import { ARROWS, batchSizes, type BatchDraw, type Sample } from './problem.ts';

export interface GradientPicture {
  /** The mean squared error at (w, b). */
  loss: number;
  /** The full-batch gradient (∂L/∂w, ∂L/∂b). */
  full: [number, number];
  /** σ²: the mean squared distance of the per-example gradients from the full-batch gradient. */
  sigma2: number;
  /** Measured mean squared distance of a mini-batch gradient from the full-batch one, per batch size. */
  variances: number[];
  /** The first mini-batch gradients of the chosen batch size, for the arrows. */
  arrows: [number, number][];
}

/** The data as engine tensors x [N] and y [N]; inside a tidy. */
function sampleTensors(sample: Sample): { x: Tensor; y: Tensor } {
  return { x: tensor(sample.x), y: tensor(sample.y) };
}

// #region gradients
/** The full-batch loss L = mean((w·x + b − y)²) and its gradient, by backward(); inside a tidy. */
export function fullBatchGradientTensors(x: Tensor, y: Tensor, w: number, b: number): { loss: Tensor; grad: Tensor } {
  const wt = tensor([w], [1], { requiresGrad: true });
  const bt = tensor([b], [1], { requiresGrad: true });
  const loss = losses.mseLoss(add(mul(x, wt), bt), y);
  loss.backward();
  return { loss, grad: concat([wt.grad!, bt.grad!]) };
}

/**
 * Every example's gradient [N, 2] in one backward pass: each example gets its own copy of (w, b),
 * and the sum of the per-example losses is differentiated; the gradient reaching copy i is the
 * gradient of example i's loss alone, since nothing else depends on that copy. Inside a tidy.
 */
export function perExampleGradientTensors(x: Tensor, y: Tensor, w: number, b: number): Tensor {
  const n = x.shape[0];
  const ws = tensor(new Float32Array(n).fill(w), [n], { requiresGrad: true });
  const bs = tensor(new Float32Array(n).fill(b), [n], { requiresGrad: true });
  losses.mseLoss(add(mul(x, ws), bs), y, { reduction: 'sum' }).backward();
  return stack([ws.grad!, bs.grad!], 1);
}

/**
 * The gradient of each mini-batch, [batches, 2]: the mean of its examples' gradients (which is the
 * gradient of the batch's mean loss), for every batch at once as one matrix product.
 */
export function batchGradientTensors(perExample: Tensor, averaging: Float32Array): Tensor {
  const n = perExample.shape[0];
  return matmul(tensor(averaging, [averaging.length / n, n]), perExample);
}

// #endregion

/**
 * Everything the figure draws at (w, b) for one draw of batches: the loss, the full-batch gradient,
 * σ², the measured variance for every batch size, and the first `arrows` batch gradients of the
 * batch size `chosen` (an index into batchSizes). One matrix product for all the batches, one
 * read-back for all of it.
 */
export function measureGradients(sample: Sample, w: number, b: number, batches: BatchDraw, chosen: number, arrows = ARROWS): GradientPicture {
  const sizes = batchSizes.length;
  const { draws } = batches;
  const shown = Math.min(arrows, draws);
  const flat = tidy(() => {
    const { x, y } = sampleTensors(sample);
    const { loss, grad } = fullBatchGradientTensors(x, y, w, b);
    const perExample = perExampleGradientTensors(x, y, w, b);
    // Squared distance of each gradient from the full-batch gradient: σ² is its mean over the
    // examples, a batch size's variance its mean over that size's batches.
    const distance = (g: Tensor) => sum(square(sub(g, reshape(grad, [1, 2]))), 1);
    const sigma2 = mean(distance(perExample));
    const all = batchGradientTensors(perExample, batches.averaging);
    const variances = mean(reshape(distance(all), [sizes, draws]), 1);
    const first = slice(all, [chosen * draws, 0], [shown, 2]);
    return concat([reshape(loss, [1]), grad, reshape(sigma2, [1]), variances, reshape(first, [shown * 2])]).data();
  });
  const v = Array.from(flat);
  const at = 4 + sizes;
  return {
    loss: v[0],
    full: [v[1], v[2]],
    sigma2: v[3],
    variances: v.slice(4, at),
    arrows: Array.from({ length: shown }, (_, i) => [v[at + 2 * i], v[at + 2 * i + 1]] as [number, number]),
  };
}

/** The full-batch loss and gradient alone. */
export function fullBatchGradient(sample: Sample, w: number, b: number): { loss: number; grad: [number, number] } {
  return tidy(() => {
    const { x, y } = sampleTensors(sample);
    const { loss, grad } = fullBatchGradientTensors(x, y, w, b);
    const g = grad.data();
    return { loss: loss.item(), grad: [g[0], g[1]] as [number, number] };
  });
}

const pairs = (g: Float32Array): [number, number][] => Array.from({ length: g.length / 2 }, (_, i) => [g[2 * i], g[2 * i + 1]]);

/** Every example's gradient as plain pairs. */
export function perExampleGradients(sample: Sample, w: number, b: number): [number, number][] {
  return pairs(
    tidy(() => {
      const { x, y } = sampleTensors(sample);
      return perExampleGradientTensors(x, y, w, b).data();
    }),
  );
}

/** Every batch's gradient of one draw as plain pairs, batch size by batch size. */
export function batchGradients(sample: Sample, w: number, b: number, batches: BatchDraw): [number, number][] {
  return pairs(
    tidy(() => {
      const { x, y } = sampleTensors(sample);
      return batchGradientTensors(perExampleGradientTensors(x, y, w, b), batches.averaging).data();
    }),
  );
}
