// Batch normalisation (Ioffe & Szegedy 2015), as PyTorch's BatchNorm1d and BatchNorm2d.
//
// Training: each feature (channel) is normalised with the mean and (biased) variance of the batch,
// over every axis but the feature axis, then scaled by `weight` (γ) and shifted by `bias` (β); the
// running statistics move towards the batch's by `momentum`, using the unbiased variance, as
// PyTorch does. Evaluation: the running statistics replace the batch's, so a single example gives
// a deterministic answer. The running statistics are buffers: saved in the state dict, never
// trained. The gradient is that of the composite (mean, sub, square, sqrt, div), the mean's share
// included: no fused rule is needed for stability at these sizes.
import * as tf from '@tensorflow/tfjs-core';
import { add, div, mean, mul, sqrt, square, sub } from '../ops';
import { fromTf, type Tensor } from '../tensor';
import { Module } from './module';

export interface BatchNormOptions {
  momentum?: number;
  eps?: number;
}

/** What BatchNorm1d and BatchNorm2d share: everything but the layout of their input. */
abstract class BatchNorm extends Module {
  readonly weight: Tensor;
  readonly bias: Tensor;
  readonly runningMean: tf.Variable;
  readonly runningVar: tf.Variable;
  readonly momentum: number;
  readonly eps: number;

  constructor(
    readonly numFeatures: number,
    opts: BatchNormOptions = {},
  ) {
    super();
    this.momentum = opts.momentum ?? 0.1;
    this.eps = opts.eps ?? 1e-5;
    this.weight = this.addParameter('weight', tf.ones([numFeatures]));
    this.bias = this.addParameter('bias', tf.zeros([numFeatures]));
    this.runningMean = this.addBuffer('runningMean', tf.zeros([numFeatures]));
    this.runningVar = this.addBuffer('runningVar', tf.ones([numFeatures]));
  }

  /** Throws, naming the layer, unless `x` has the layer's layout with the feature axis last. */
  protected abstract checkShape(x: Tensor): void;

  /** Thrown when a training batch has one value per feature (its variance would be 0). */
  protected abstract tooFewValues(count: number): string;

  forward(x: Tensor): Tensor {
    this.checkShape(x);
    // The features are the last axis; the statistics are taken over all the others.
    const axes = x.shape.slice(0, -1).map((_, i) => i);
    let centered: Tensor;
    let variance: Tensor;
    if (this.training) {
      const n = x.size / this.numFeatures;
      if (n < 2) throw new Error(this.tooFewValues(n));
      const mu = mean(x, axes);
      centered = sub(x, mu);
      variance = mean(square(centered), axes);
      this.updateRunningStats(mu.asTf(), variance.asTf(), n);
    } else {
      centered = sub(x, fromTf(this.runningMean));
      variance = fromTf(this.runningVar);
    }
    const normalised = div(centered, sqrt(add(variance, this.eps)));
    return add(mul(normalised, this.weight), this.bias);
  }

  private updateRunningStats(batchMean: tf.Tensor, batchVar: tf.Tensor, n: number): void {
    const m = this.momentum;
    tf.tidy(() => {
      this.runningMean.assign(tf.add(tf.mul(this.runningMean, 1 - m), tf.mul(batchMean, m)));
      // Unbiased variance n/(n−1)·σ² for the running estimate, as PyTorch.
      this.runningVar.assign(tf.add(tf.mul(this.runningVar, 1 - m), tf.mul(batchVar, (m * n) / (n - 1))));
    });
  }
}

/** Batch norm over a batch of feature vectors: x [batch, numFeatures] → same shape. */
export class BatchNorm1d extends BatchNorm {
  protected checkShape(x: Tensor): void {
    if (x.rank !== 2 || x.shape[1] !== this.numFeatures) {
      throw new Error(`BatchNorm1d(${this.numFeatures}): expected [batch, ${this.numFeatures}], got [${x.shape}]`);
    }
  }

  protected tooFewValues(): string {
    return 'BatchNorm1d: training needs more than one example per batch (the variance of one is 0)';
  }
}

/**
 * Batch norm over a batch of images in the engine's NHWC layout (channels last, as Conv2d):
 * statistics per channel over the batch, height and width, as PyTorch's BatchNorm2d on NCHW.
 * x [batch, height, width, numFeatures] → same shape.
 */
export class BatchNorm2d extends BatchNorm {
  protected checkShape(x: Tensor): void {
    if (x.rank !== 4 || x.shape[3] !== this.numFeatures) {
      throw new Error(
        `BatchNorm2d(${this.numFeatures}): expected NHWC input [batch, height, width, ${this.numFeatures}], got [${x.shape}]`,
      );
    }
  }

  protected tooFewValues(count: number): string {
    return `BatchNorm2d(${this.numFeatures}): training needs more than one value per channel (batch × height × width = ${count})`;
  }
}
