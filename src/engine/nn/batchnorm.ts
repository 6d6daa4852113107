// Batch normalisation over a batch of feature vectors (Ioffe & Szegedy 2015), as PyTorch's
// BatchNorm1d on [batch, features] input.
//
// Training: each feature is normalised with the batch's mean and (biased) variance, then scaled
// by `weight` (γ) and shifted by `bias` (β); the running statistics move towards the batch's by
// `momentum`, using the unbiased variance, as PyTorch does. Evaluation: the running statistics
// replace the batch's, so a single example gives a deterministic answer. The running statistics
// are buffers: saved in the state dict, never trained.
import * as tf from '@tensorflow/tfjs-core';
import { add, div, mean, mul, sqrt, square, sub } from '../ops';
import { fromTf, type Tensor } from '../tensor';
import { Module } from './module';

export interface BatchNormOptions {
  momentum?: number;
  eps?: number;
}

export class BatchNorm1d extends Module {
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

  /** x: [batch, numFeatures] → same shape. */
  forward(x: Tensor): Tensor {
    if (x.rank !== 2 || x.shape[1] !== this.numFeatures) {
      throw new Error(`BatchNorm1d(${this.numFeatures}): expected [batch, ${this.numFeatures}], got [${x.shape}]`);
    }
    let centered: Tensor;
    let variance: Tensor;
    if (this.training) {
      const n = x.shape[0];
      if (n < 2) throw new Error('BatchNorm1d: training needs more than one example per batch (the variance of one is 0)');
      const mu = mean(x, 0);
      centered = sub(x, mu);
      variance = mean(square(centered), 0);
      this.updateRunningStats(mu.value, variance.value, n);
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
