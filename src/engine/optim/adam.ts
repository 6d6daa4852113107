// Adam (Kingma & Ba 2015, Algorithm 1) and AdamW (Loshchilov & Hutter 2019).
//   m ← β₁·m + (1 − β₁)·g            v ← β₂·v + (1 − β₂)·g²
//   m̂ = m / (1 − β₁ᵗ)                 v̂ = v / (1 − β₂ᵗ)      (bias correction: m and v start at 0)
//   p ← p − lr · m̂ / (√v̂ + ε)
// Weight decay: Adam adds λ·p to the gradient (an L2 term, which the adaptive denominator then
// rescales); AdamW instead shrinks the parameter directly, p ← p·(1 − lr·λ), before the Adam step
// ("decoupled" weight decay), as torch.optim.Adam and torch.optim.AdamW do. PyTorch ties the decay
// to lr; Loshchilov & Hutter's Algorithm 2 scales λ by the schedule multiplier ηₜ instead, which
// is the same thing when lr follows the schedule.
import * as tf from '@tensorflow/tfjs-core';
import { fromTf, tensor, type Tensor } from '../tensor';
import { checkFraction, checkPositive, Optimizer, type ParameterSource } from './optimizer';

export interface AdamOptions {
  lr?: number;
  betas?: [number, number];
  eps?: number;
  weightDecay?: number;
}

export class Adam extends Optimizer {
  readonly betas: [number, number];
  readonly eps: number;
  readonly weightDecay: number;
  protected readonly decoupled: boolean;
  protected readonly slotNames = ['expAvg', 'expAvgSq'];

  constructor(params: ParameterSource, opts: AdamOptions = {}, type = 'Adam', defaultWeightDecay = 0) {
    super(type, params, opts.lr ?? 1e-3);
    this.betas = opts.betas ?? [0.9, 0.999];
    this.eps = opts.eps ?? 1e-8;
    this.weightDecay = opts.weightDecay ?? defaultWeightDecay;
    this.decoupled = type === 'AdamW';
    checkFraction(type, 'betas[0]', this.betas[0]);
    checkFraction(type, 'betas[1]', this.betas[1]);
    checkPositive(type, 'eps', this.eps);
    checkPositive(type, 'weightDecay', this.weightDecay);
  }

  // #region adam
  protected update(index: number, p: tf.Variable, grad: tf.Tensor, t: number): void {
    const [b1, b2] = this.betas;
    let g = grad;
    if (this.weightDecay && this.decoupled) p.assign(tf.mul(p, 1 - this.lr * this.weightDecay));
    else if (this.weightDecay) g = tf.add(g, tf.mul(p, this.weightDecay));
    const m = this.slot(index, 'expAvg');
    const v = this.slot(index, 'expAvgSq');
    m.assign(tf.add(tf.mul(m, b1), tf.mul(g, 1 - b1)));
    v.assign(tf.add(tf.mul(v, b2), tf.mul(tf.square(g), 1 - b2)));
    const mHat = tf.div(m, 1 - b1 ** t);
    const vHat = tf.div(v, 1 - b2 ** t);
    p.assign(tf.sub(p, tf.mul(tf.div(mHat, tf.add(tf.sqrt(vHat), this.eps)), this.lr)));
  }

  protected updateSmall(index: number, p: Float32Array, grad: Float32Array, t: number): void {
    const f = Math.fround;
    const [b1, b2] = this.betas;
    const [wd, shrink, c1, c2, k1, k2, eps, lr] = [
      f(this.weightDecay),
      f(1 - this.lr * this.weightDecay),
      f(b1),
      f(b2),
      f(1 - b1),
      f(1 - b2),
      f(this.eps),
      f(this.lr),
    ];
    const [bias1, bias2] = [f(1 - b1 ** t), f(1 - b2 ** t)];
    const m = this.smallSlot(index, 'expAvg');
    const v = this.smallSlot(index, 'expAvgSq');
    for (let i = 0; i < p.length; i++) {
      let g = grad[i];
      if (this.weightDecay && this.decoupled) p[i] = p[i] * shrink;
      else if (this.weightDecay) g = f(g + f(p[i] * wd));
      m[i] = f(m[i] * c1) + f(g * k1);
      v[i] = f(v[i] * c2) + f(f(g * g) * k2);
      const mHat = f(m[i] / bias1);
      const vHat = f(v[i] / bias2);
      p[i] = p[i] - f(f(mHat / f(f(Math.sqrt(vHat)) + eps)) * lr);
    }
  }
  // #endregion

  /**
   * Copies of parameter `index`'s running averages m and v as they stand after its last update (the
   * caller disposes them), or null before its first update: a figure keeps them step by step and
   * reads them back once, where `stateDict()` reads back at every call.
   */
  moments(index: number): { m: Tensor; v: Tensor } | null {
    if (!Number.isInteger(index) || index < 0 || index >= this.params.length) {
      throw new Error(`${this.type}.moments: no parameter ${index} (it has ${this.params.length})`);
    }
    if (this.steps[index] === 0) return null;
    if (this.params[index].small) {
      const shape = this.params[index].shape;
      return { m: tensor(this.smallSlot(index, 'expAvg'), shape), v: tensor(this.smallSlot(index, 'expAvgSq'), shape) };
    }
    return { m: fromTf(tf.clone(this.slot(index, 'expAvg'))), v: fromTf(tf.clone(this.slot(index, 'expAvgSq'))) };
  }
}

/** Adam with decoupled weight decay; PyTorch's default λ = 0.01. */
export class AdamW extends Adam {
  constructor(params: ParameterSource, opts: AdamOptions = {}) {
    super(params, opts, 'AdamW', 0.01);
  }
}
