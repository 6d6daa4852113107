// Stochastic gradient descent with PyTorch's momentum convention (torch.optim.SGD):
//   g ← ∇ + λ·p                               (weight decay as an L2 term)
//   b ← g at the first step, then b ← μ·b + (1 − dampening)·g
//   d ← g + μ·b (Nesterov) or d ← b (classical momentum), or d ← g without momentum
//   p ← p − lr·d
// The learning rate multiplies the buffer at each step instead of being folded into it (as in
// Sutskever et al. 2013), so changing lr mid-run changes the step at once.
import * as tf from '@tensorflow/tfjs-core';
import { checkFraction, checkPositive, Optimizer, type ParameterSource } from './optimizer';

export interface SGDOptions {
  lr: number;
  momentum?: number;
  dampening?: number;
  nesterov?: boolean;
  weightDecay?: number;
}

export class SGD extends Optimizer {
  readonly momentum: number;
  readonly dampening: number;
  readonly nesterov: boolean;
  readonly weightDecay: number;
  protected readonly slotNames = ['momentumBuffer'];

  constructor(params: ParameterSource, opts: SGDOptions) {
    super('SGD', params, opts.lr);
    this.momentum = opts.momentum ?? 0;
    this.dampening = opts.dampening ?? 0;
    this.nesterov = opts.nesterov ?? false;
    this.weightDecay = opts.weightDecay ?? 0;
    checkPositive('SGD', 'momentum', this.momentum);
    checkPositive('SGD', 'weightDecay', this.weightDecay);
    checkFraction('SGD', 'dampening', this.dampening);
    if (this.nesterov && (this.momentum <= 0 || this.dampening !== 0)) {
      throw new Error('SGD: Nesterov momentum needs momentum > 0 and dampening 0');
    }
  }

  protected update(index: number, p: tf.Variable, grad: tf.Tensor, t: number): void {
    let g = this.weightDecay ? tf.add(grad, tf.mul(p, this.weightDecay)) : grad;
    if (this.momentum) {
      const buf = this.slot(index, 'momentumBuffer');
      buf.assign(t === 1 ? g : tf.add(tf.mul(buf, this.momentum), tf.mul(g, 1 - this.dampening)));
      g = this.nesterov ? tf.add(g, tf.mul(buf, this.momentum)) : buf;
    }
    p.assign(tf.sub(p, tf.mul(g, this.lr)));
  }

  protected updateSmall(index: number, p: Float32Array, grad: Float32Array, t: number): void {
    const f = Math.fround;
    const [wd, mu, keep, lr] = [f(this.weightDecay), f(this.momentum), f(1 - this.dampening), f(this.lr)];
    const buf = this.momentum ? this.smallSlot(index, 'momentumBuffer') : null;
    for (let i = 0; i < p.length; i++) {
      let g = wd ? f(grad[i] + f(p[i] * wd)) : grad[i];
      if (buf) {
        buf[i] = t === 1 ? g : f(buf[i] * mu) + f(g * keep);
        g = this.nesterov ? f(g + f(buf[i] * mu)) : buf[i];
      }
      p[i] = p[i] - f(g * lr);
    }
  }
}
