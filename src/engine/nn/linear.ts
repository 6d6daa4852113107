// Linear (fully connected) layer: y = x·W + b.
//
// The weight is stored [inFeatures, outFeatures] so that the forward pass is one matmul with no
// transpose. PyTorch stores the same numbers as [out, in] and computes x·Wᵀ: its `weight` is the
// transpose of ours (the state dict keeps our layout).
import * as tf from '@tensorflow/tfjs-core';
import { reshape } from '../ops';
import { linear } from '../ops/linear';
import { defaultRandom, type Random } from '../random';
import type { Tensor } from '../tensor';
import { initWeight, pytorchDefault, type Init } from './init';
import { Module } from './module';

export interface LinearOptions {
  bias?: boolean;
  /**
   * Weight initialiser. 'default' is PyTorch's U(−1/√in, 1/√in) for weight and bias, so a model
   * starts as its PyTorch twin would; with any other initialiser the bias starts at zero.
   */
  init?: Init;
  rng?: Random;
}

export class Linear extends Module {
  readonly weight: Tensor;
  readonly bias: Tensor | null;

  constructor(
    readonly inFeatures: number,
    readonly outFeatures: number,
    opts: LinearOptions = {},
  ) {
    super();
    const rng = opts.rng ?? defaultRandom();
    const init = opts.init ?? 'default';
    this.weight = this.addParameter('weight', initWeight(init, [inFeatures, outFeatures], rng));
    this.bias =
      opts.bias === false
        ? null
        : this.addParameter(
            'bias',
            init === 'default' ? pytorchDefault([outFeatures], inFeatures, rng) : tf.zeros([outFeatures]),
          );
  }

  /** x: [..., inFeatures] → [..., outFeatures]. */
  forward(x: Tensor): Tensor {
    const shape = x.shape;
    if (shape[shape.length - 1] !== this.inFeatures) {
      throw new Error(`Linear(${this.inFeatures}, ${this.outFeatures}): input shape [${shape}] must end in ${this.inFeatures}`);
    }
    const flat = shape.length === 2 ? x : reshape(x, [shape.slice(0, -1).reduce((n, d) => n * d, 1), this.inFeatures]);
    // One fused op on the small path; matmul and add elsewhere (ops/linear.ts).
    const y = linear(flat, this.weight, this.bias);
    return shape.length === 2 ? y : reshape(y, [...shape.slice(0, -1), this.outFeatures]);
  }
}
