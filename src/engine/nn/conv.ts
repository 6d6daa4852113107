// 2-D convolution layer over NHWC images (channels last, as TensorFlow.js stores them).
// The kernel is [kh, kw, inChannels, outChannels]; PyTorch's Conv2d works on NCHW and stores
// [out, in, kh, kw]: the same numbers, permuted.
import * as tf from '@tensorflow/tfjs-core';
import { add, conv2d, type Pair } from '../ops';
import { defaultRandom, type Random } from '../random';
import type { Tensor } from '../tensor';
import { initWeight, pytorchDefault, type Init } from './init';
import { Module } from './module';

export type Padding = 'valid' | 'same' | number;

export interface Conv2dOptions {
  /** One number for both axes, or [vertical, horizontal]. */
  stride?: Pair;
  /** 'valid' (no padding, the default as PyTorch's padding=0), 'same', or zeros on each side. */
  padding?: Padding;
  dilation?: Pair;
  bias?: boolean;
  /** As for Linear: 'default' is PyTorch's U(−1/√fanIn, 1/√fanIn) with fanIn = kh·kw·inChannels. */
  init?: Init;
  rng?: Random;
}

export class Conv2d extends Module {
  readonly weight: Tensor;
  readonly bias: Tensor | null;
  readonly kernelSize: [number, number];
  readonly stride: Pair;
  readonly padding: Padding;
  readonly dilation: Pair;

  constructor(
    readonly inChannels: number,
    readonly outChannels: number,
    kernel: number | [number, number],
    opts: Conv2dOptions = {},
  ) {
    super();
    this.kernelSize = typeof kernel === 'number' ? [kernel, kernel] : kernel;
    this.stride = opts.stride ?? 1;
    this.padding = opts.padding ?? 'valid';
    this.dilation = opts.dilation ?? 1;
    const rng = opts.rng ?? defaultRandom();
    const init = opts.init ?? 'default';
    const [kh, kw] = this.kernelSize;
    this.weight = this.addParameter('weight', initWeight(init, [kh, kw, inChannels, outChannels], rng));
    this.bias =
      opts.bias === false
        ? null
        : this.addParameter(
            'bias',
            init === 'default' ? pytorchDefault([outChannels], kh * kw * inChannels, rng) : tf.zeros([outChannels]),
          );
  }

  /** x: [batch, height, width, inChannels] → [batch, height', width', outChannels]. */
  forward(x: Tensor): Tensor {
    if (x.rank !== 4 || x.shape[3] !== this.inChannels) {
      throw new Error(`Conv2d(${this.inChannels}, ${this.outChannels}): expected NHWC input with ${this.inChannels} channels, got [${x.shape}]`);
    }
    const y = conv2d(x, this.weight, { stride: this.stride, padding: this.padding, dilation: this.dilation });
    return this.bias ? add(y, this.bias) : y;
  }
}
