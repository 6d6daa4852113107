// Loss functions. Each takes predictions and targets and returns a scalar Tensor ('mean', the
// default, or 'sum') or the per-example losses ('none'), with PyTorch's names and conventions:
// 'mean' averages over every element for the regression losses and over the batch for the
// classification losses.
import { abs, add, clamp, gather, log, logSoftmax, mean, minimum, mul, neg, relu, reshape, sigmoidCrossEntropyWithLogits, square, sub, sum } from './ops';
import { meanSquaredErrorSmall } from './ops/squaredError';
import { sameShape } from './small/broadcast';
import { tensor, type Tensor } from './tensor';

export type Reduction = 'mean' | 'sum' | 'none';

export interface LossOptions {
  reduction?: Reduction;
}

function reduce(losses: Tensor, reduction: Reduction = 'mean'): Tensor {
  if (reduction === 'none') return losses;
  return reduction === 'sum' ? sum(losses) : mean(losses);
}

function checkSameShape(name: string, predictions: Tensor, targets: Tensor): void {
  // Broadcasting [n, 1] against [n] would silently give an [n, n] loss: refuse it, by name.
  if (!sameShape(predictions.shape, targets.shape)) {
    throw new Error(`${name}: predictions [${predictions.shape}] and targets [${targets.shape}] must have the same shape`);
  }
}

/** Mean squared error: mean((p − t)²). */
export function mseLoss(predictions: Tensor, targets: Tensor, opts: LossOptions = {}): Tensor {
  checkSameShape('mseLoss', predictions, targets);
  const fused = (opts.reduction ?? 'mean') === 'mean' ? meanSquaredErrorSmall(predictions, targets) : null;
  return fused ?? reduce(square(sub(predictions, targets)), opts.reduction);
}

/** Mean absolute error: mean(|p − t|). */
export function l1Loss(predictions: Tensor, targets: Tensor, opts: LossOptions = {}): Tensor {
  checkSameShape('l1Loss', predictions, targets);
  return reduce(abs(sub(predictions, targets)), opts.reduction);
}

/**
 * Huber loss (Huber 1964): ½d² for |d| ≤ δ, δ·(|d| − ½δ) beyond, with d = p − t; quadratic near
 * the target, linear (so robust to outliers) far from it. Written as ½m² + δ·(|d| − m) with
 * m = min(|d|, δ), which equals both branches and needs no element-wise selection.
 */
export function huberLoss(predictions: Tensor, targets: Tensor, opts: LossOptions & { delta?: number } = {}): Tensor {
  checkSameShape('huberLoss', predictions, targets);
  const delta = opts.delta ?? 1;
  if (!(delta > 0)) throw new Error(`huberLoss: delta must be positive, got ${delta}`);
  const d = abs(sub(predictions, targets));
  const m = minimum(d, delta);
  return reduce(add(mul(square(m), 0.5), mul(sub(d, m), delta)), opts.reduction);
}

/**
 * Binary cross-entropy on probabilities: −[t·log p + (1 − t)·log(1 − p)].
 * p is clamped to [ε, 1 − ε] with ε = 1e-7, about float32's resolution just below 1 (1 − 1e-7
 * rounds to 1 − 2⁻²³): a sigmoid output saturates to exactly 0 or 1 in float32, and log 0 = −∞
 * would make the loss infinite and 0·log 0 a NaN. The price: no gradient flows from a clamped probability, and
 * the loss of a confident mistake is capped near −log ε ≈ 16.1. `bceWithLogits` has neither flaw.
 */
export function binaryCrossEntropy(probabilities: Tensor, targets: Tensor, opts: LossOptions & { eps?: number } = {}): Tensor {
  checkSameShape('binaryCrossEntropy', probabilities, targets);
  const eps = opts.eps ?? 1e-7;
  const p = clamp(probabilities, eps, 1 - eps);
  const losses = neg(add(mul(targets, log(p)), mul(sub(1, targets), log(sub(1, p)))));
  return reduce(losses, opts.reduction);
}

/**
 * Binary cross-entropy on logits z (before the sigmoid): −[t·log σ(z) + (1 − t)·log(1 − σ(z))],
 * through the fused, stable `sigmoidCrossEntropyWithLogits` (finite for z = ±1000, gradient
 * σ(z) − t exact at z = 0).
 */
export function bceWithLogits(logits: Tensor, targets: Tensor, opts: LossOptions = {}): Tensor {
  checkSameShape('bceWithLogits', logits, targets);
  return reduce(sigmoidCrossEntropyWithLogits(logits, targets), opts.reduction);
}

/** Reads `targets` as class indices for [batch, classes] scores; throws on a bad one. */
function checkClassIndices(name: string, scores: Tensor, targets: number[]): void {
  if (scores.rank !== 2) throw new Error(`${name}: expected [batch, classes] scores, got [${scores.shape}]`);
  const [batch, classes] = scores.shape;
  if (targets.length !== batch) throw new Error(`${name}: ${targets.length} targets for a batch of ${batch}`);
  for (const c of targets) {
    if (!Number.isInteger(c) || c < 0 || c >= classes) throw new Error(`${name}: class ${c} out of range [0, ${classes})`);
  }
}

/** Entry [i, targets[i]] of each row of a [batch, classes] tensor, as a [batch] tensor. */
function pickTargets(scores: Tensor, targets: number[]): Tensor {
  const classes = scores.shape[1];
  return gather(reshape(scores, [scores.size]), targets.map((c, i) => i * classes + c));
}

/**
 * Negative log-likelihood of log-probabilities [batch, classes] for class indices: −log p[i, t_i],
 * averaged over the batch.
 */
export function nllLoss(logProbs: Tensor, targets: number[], opts: LossOptions = {}): Tensor {
  checkClassIndices('nllLoss', logProbs, targets);
  return reduce(neg(pickTargets(logProbs, targets)), opts.reduction);
}

/**
 * Cross-entropy of logits [batch, classes] against class indices or a [batch, classes] tensor of
 * target probabilities (one-hot or soft), averaged over the batch; `labelSmoothing` ε mixes the
 * targets with the uniform distribution. Through the fused logSoftmax,
 * so logits of ±1000 give finite losses, and the gradient is (softmax(z) − target) / batch.
 */
export function crossEntropy(logits: Tensor, targets: number[] | Tensor, opts: LossOptions & { labelSmoothing?: number } = {}): Tensor {
  const smoothing = opts.labelSmoothing ?? 0;
  if (!(smoothing >= 0 && smoothing <= 1)) throw new Error(`crossEntropy: labelSmoothing must be in [0, 1], got ${smoothing}`);
  let perExample: Tensor;
  if (Array.isArray(targets)) {
    checkClassIndices('crossEntropy', logits, targets);
    perExample = neg(pickTargets(logSoftmax(logits, 1), targets));
  } else {
    if (logits.rank !== 2) throw new Error(`crossEntropy: expected [batch, classes] logits, got [${logits.shape}]`);
    checkSameShape('crossEntropy', logits, targets);
    perExample = neg(sum(mul(targets, logSoftmax(logits, 1)), 1));
  }
  if (smoothing === 0) return reduce(perExample, opts.reduction);
  // Label smoothing as PyTorch's label_smoothing: the target becomes (1 − ε)·target + ε/K on every
  // class, so the loss is (1 − ε)·loss + ε·(the mean over the K classes of −log p_k).
  const uniform = neg(mean(logSoftmax(logits, 1), 1));
  return reduce(add(mul(perExample, 1 - smoothing), mul(uniform, smoothing)), opts.reduction);
}

/**
 * Binary hinge loss (the SVM loss) for scores and labels ±1: max(0, 1 − y·s). Zero once an example
 * is on the right side with margin 1.
 */
/** Label tensors already found to hold only ±1 (tensors are immutable, so once is enough). */
const checkedHingeLabels = new WeakSet<Tensor>();

export function hingeLoss(scores: Tensor, labels: Tensor, opts: LossOptions = {}): Tensor {
  checkSameShape('hingeLoss', scores, labels);
  // Reading the labels is a synchronous download on WebGL: check a label tensor once, not every step.
  if (!checkedHingeLabels.has(labels)) {
    if (labels.data().some((v) => v !== 1 && v !== -1)) throw new Error('hingeLoss: labels must be +1 or −1');
    checkedHingeLabels.add(labels);
  }
  return reduce(relu(sub(1, mul(labels, scores))), opts.reduction);
}

/**
 * Multi-class hinge loss (Weston & Watkins 1999), as PyTorch's MultiMarginLoss: for each example,
 * Σ_{j ≠ y} max(0, 1 − s_y + s_j) divided by the number of classes, averaged over the batch.
 */
export function multiMarginLoss(scores: Tensor, targets: number[], opts: LossOptions = {}): Tensor {
  checkClassIndices('multiMarginLoss', scores, targets);
  const [batch, classes] = scores.shape;
  const correct = reshape(pickTargets(scores, targets), [batch, 1]);
  // The j = y term is max(0, 1 − s_y + s_y) = 1 for every example: subtract it instead of masking.
  const margins = sub(sum(relu(add(sub(scores, correct), 1)), 1), 1);
  return reduce(mul(margins, 1 / classes), opts.reduction);
}

/** One-hot rows for class indices, as a data tensor (no gradient): targets for `crossEntropy`. */
export function oneHot(indices: number[], classes: number): Tensor {
  const values = new Float32Array(indices.length * classes);
  indices.forEach((c, i) => {
    // tf.oneHot's rule: an index outside [0, classes) gives a row of zeros.
    if (Number.isInteger(c) && c >= 0 && c < classes) values[i * classes + c] = 1;
  });
  return tensor(values, [indices.length, classes]);
}
