// Pooling and flattening layers: no parameters, only a fixed reduction over windows (NHWC).
import { avgPool2d, maxPool2d, reshape, type Pair } from '../ops';
import type { Tensor } from '../tensor';
import { Module } from './module';
import type { Padding } from './conv';

export interface PoolOptions {
  /** Defaults to the kernel size (non-overlapping windows), as in PyTorch. */
  stride?: Pair;
  padding?: Padding;
}

/** What max and average pooling share: a window, a stride (the window by default) and padding. */
abstract class Pool2d extends Module {
  readonly stride: Pair;
  readonly padding: Padding;

  constructor(
    readonly kernel: Pair,
    opts: PoolOptions = {},
  ) {
    super();
    this.stride = opts.stride ?? kernel;
    this.padding = opts.padding ?? 'valid';
  }

  protected abstract readonly pool: typeof maxPool2d;

  forward(x: Tensor): Tensor {
    return this.pool(x, { kernel: this.kernel, stride: this.stride, padding: this.padding });
  }
}

export class MaxPool2d extends Pool2d {
  protected readonly pool = maxPool2d;
}

export class AvgPool2d extends Pool2d {
  protected readonly pool = avgPool2d;
}

/** [batch, ...] → [batch, product of the rest]: between the convolutional and the dense part. */
export class Flatten extends Module {
  forward(x: Tensor): Tensor {
    const [batch, ...rest] = x.shape;
    return reshape(x, [batch, rest.reduce((n, d) => n * d, 1)]);
  }
}
