// RMSprop (Hinton, Srivastava & Swersky 2012, lecture 6e of "Neural Networks for Machine
// Learning"), as torch.optim.RMSprop computes it:
//   g ← ∇ + λ·p
//   v ← α·v + (1 − α)·g²
//   centered: m ← α·m + (1 − α)·g and the denominator uses v − m² (Graves 2013)
//   d ← g / (√v + ε);  with momentum μ: b ← μ·b + d, d ← b
//   p ← p − lr·d
// ε is added after the square root, as PyTorch does.
import * as tf from '@tensorflow/tfjs-core';
import { checkFraction, checkPositive, Optimizer, type ParameterSource } from './optimizer';

export interface RMSpropOptions {
  lr?: number;
  alpha?: number;
  eps?: number;
  momentum?: number;
  centered?: boolean;
  weightDecay?: number;
}

export class RMSprop extends Optimizer {
  readonly alpha: number;
  readonly eps: number;
  readonly momentum: number;
  readonly centered: boolean;
  readonly weightDecay: number;
  protected readonly slotNames = ['squareAvg', 'gradAvg', 'momentumBuffer'];

  constructor(params: ParameterSource, opts: RMSpropOptions = {}) {
    super('RMSprop', params, opts.lr ?? 0.01);
    this.alpha = opts.alpha ?? 0.99;
    this.eps = opts.eps ?? 1e-8;
    this.momentum = opts.momentum ?? 0;
    this.centered = opts.centered ?? false;
    this.weightDecay = opts.weightDecay ?? 0;
    checkFraction('RMSprop', 'alpha', this.alpha);
    checkPositive('RMSprop', 'eps', this.eps);
    checkPositive('RMSprop', 'momentum', this.momentum);
    checkPositive('RMSprop', 'weightDecay', this.weightDecay);
  }

  protected update(index: number, p: tf.Variable, grad: tf.Tensor): void {
    const g = this.weightDecay ? tf.add(grad, tf.mul(p, this.weightDecay)) : grad;
    const a = this.alpha;
    const v = this.slot(index, 'squareAvg');
    v.assign(tf.add(tf.mul(v, a), tf.mul(tf.square(g), 1 - a)));
    let variance: tf.Tensor = v;
    if (this.centered) {
      const m = this.slot(index, 'gradAvg');
      m.assign(tf.add(tf.mul(m, a), tf.mul(g, 1 - a)));
      variance = tf.sub(v, tf.square(m));
    }
    let d = tf.div(g, tf.add(tf.sqrt(variance), this.eps));
    if (this.momentum) {
      const buf = this.slot(index, 'momentumBuffer');
      buf.assign(tf.add(tf.mul(buf, this.momentum), d));
      d = buf;
    }
    p.assign(tf.sub(p, tf.mul(d, this.lr)));
  }

  protected updateSmall(index: number, p: Float32Array, grad: Float32Array): void {
    const f = Math.fround;
    const [wd, a, keep, eps, mu, lr] = [f(this.weightDecay), f(this.alpha), f(1 - this.alpha), f(this.eps), f(this.momentum), f(this.lr)];
    const v = this.smallSlot(index, 'squareAvg');
    const m = this.centered ? this.smallSlot(index, 'gradAvg') : null;
    const buf = this.momentum ? this.smallSlot(index, 'momentumBuffer') : null;
    for (let i = 0; i < p.length; i++) {
      const g = wd ? f(grad[i] + f(p[i] * wd)) : grad[i];
      v[i] = f(v[i] * a) + f(f(g * g) * keep);
      let variance = v[i];
      if (m) {
        m[i] = f(m[i] * a) + f(g * keep);
        variance = f(v[i] - f(m[i] * m[i]));
      }
      let d = f(g / f(f(Math.sqrt(variance)) + eps));
      if (buf) {
        buf[i] = f(buf[i] * mu) + d;
        d = buf[i];
      }
      p[i] = p[i] - f(d * lr);
    }
  }
}
