// Layer normalisation (Ba, Kiros & Hinton 2016), as PyTorch's LayerNorm.
//
// Each example is normalised over its own last axes (the `normalizedShape`), with their mean and
// biased variance, then scaled by `weight` (γ) and shifted by `bias` (β), both of that shape.
// No statistic comes from the rest of the batch, so there is nothing to track: training and
// evaluation compute the same thing, and a batch of one works. The gradient is that of the
// composite (mean, sub, square, sqrt, div): no fused rule is needed for stability at these sizes.
import * as tf from '@tensorflow/tfjs-core';
import { add, div, mean, mul, sqrt, square, sub } from '../ops';
import type { Tensor } from '../tensor';
import { Module } from './module';

export interface LayerNormOptions {
  eps?: number;
  /** Learn γ (ones at first) and β (zeros); false leaves the plain normalisation, no parameters. */
  elementwiseAffine?: boolean;
}

export class LayerNorm extends Module {
  readonly normalizedShape: number[];
  readonly eps: number;
  readonly weight: Tensor | null;
  readonly bias: Tensor | null;

  constructor(normalizedShape: number | number[], opts: LayerNormOptions = {}) {
    super();
    this.normalizedShape = typeof normalizedShape === 'number' ? [normalizedShape] : [...normalizedShape];
    if (this.normalizedShape.length === 0 || this.normalizedShape.some((d) => !Number.isInteger(d) || d < 1)) {
      throw new Error(`LayerNorm: normalizedShape must be one or more positive sizes, got [${this.normalizedShape}]`);
    }
    this.eps = opts.eps ?? 1e-5;
    const affine = opts.elementwiseAffine ?? true;
    this.weight = affine ? this.addParameter('weight', tf.ones(this.normalizedShape)) : null;
    this.bias = affine ? this.addParameter('bias', tf.zeros(this.normalizedShape)) : null;
  }

  /** x: [..., ...normalizedShape] → same shape. */
  forward(x: Tensor): Tensor {
    const k = this.normalizedShape.length;
    const tail = x.shape.slice(x.rank - k);
    if (x.rank < k || tail.some((d, i) => d !== this.normalizedShape[i])) {
      throw new Error(`LayerNorm([${this.normalizedShape}]): expected input [..., ${this.normalizedShape}], got [${x.shape}]`);
    }
    // #region layernorm
    const axes = this.normalizedShape.map((_, i) => x.rank - k + i);
    const centered = sub(x, mean(x, axes, true));
    const variance = mean(square(centered), axes, true);
    const normalised = div(centered, sqrt(add(variance, this.eps)));
    return this.weight && this.bias ? add(mul(normalised, this.weight), this.bias) : normalised;
    // #endregion
  }
}
