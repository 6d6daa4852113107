// Dropout (Srivastava et al. 2014), "inverted": in training each element is zeroed with
// probability p and the survivors are scaled by 1/(1−p), so evaluation needs no rescaling.
import { dropout } from '../ops';
import { defaultRandom, type Random } from '../random';
import type { Tensor } from '../tensor';
import { Module } from './module';

export class Dropout extends Module {
  private readonly rng: Random;

  constructor(
    readonly p = 0.5,
    opts: { rng?: Random } = {},
  ) {
    super();
    if (!(p >= 0 && p <= 1)) throw new Error(`Dropout: p must be in [0, 1], got ${p}`);
    this.rng = opts.rng ?? defaultRandom();
  }

  forward(x: Tensor): Tensor {
    return dropout(x, this.p, this.training, this.rng);
  }
}
