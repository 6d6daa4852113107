// Adagrad (Duchi, Hazan & Singer 2011), as torch.optim.Adagrad computes it:
//   g ← ∇ + λ·p
//   s ← s + g²                       (the sum of all squared gradients so far)
//   p ← p − lr_t · g / (√s + ε),     lr_t = lr / (1 + (t − 1)·lrDecay)
// Each coordinate's step shrinks as its gradients accumulate: rare features keep large steps.
import * as tf from '@tensorflow/tfjs-core';
import { checkPositive, Optimizer, type ParameterSource } from './optimizer';

export interface AdagradOptions {
  lr?: number;
  lrDecay?: number;
  eps?: number;
  weightDecay?: number;
  /** Starting value of the sum of squares (PyTorch's initial_accumulator_value). */
  initialAccumulatorValue?: number;
}

export class Adagrad extends Optimizer {
  readonly lrDecay: number;
  readonly eps: number;
  readonly weightDecay: number;
  readonly initialAccumulatorValue: number;
  protected readonly slotNames = ['sum'];

  constructor(params: ParameterSource, opts: AdagradOptions = {}) {
    super('Adagrad', params, opts.lr ?? 0.01);
    this.lrDecay = opts.lrDecay ?? 0;
    this.eps = opts.eps ?? 1e-10;
    this.weightDecay = opts.weightDecay ?? 0;
    this.initialAccumulatorValue = opts.initialAccumulatorValue ?? 0;
    checkPositive('Adagrad', 'lrDecay', this.lrDecay);
    checkPositive('Adagrad', 'eps', this.eps);
    checkPositive('Adagrad', 'weightDecay', this.weightDecay);
    checkPositive('Adagrad', 'initialAccumulatorValue', this.initialAccumulatorValue);
  }

  protected update(index: number, p: tf.Variable, grad: tf.Tensor, t: number): void {
    const g = this.weightDecay ? tf.add(grad, tf.mul(p, this.weightDecay)) : grad;
    const s = this.slot(index, 'sum');
    const previous = t === 1 && this.initialAccumulatorValue ? tf.add(s, this.initialAccumulatorValue) : s;
    s.assign(tf.add(previous, tf.square(g)));
    const lrT = this.lr / (1 + (t - 1) * this.lrDecay);
    p.assign(tf.sub(p, tf.mul(tf.div(g, tf.add(tf.sqrt(s), this.eps)), lrT)));
  }

  protected updateSmall(index: number, p: Float32Array, grad: Float32Array, t: number): void {
    const f = Math.fround;
    const [wd, start, eps, lrT] = [f(this.weightDecay), f(this.initialAccumulatorValue), f(this.eps), f(this.lr / (1 + (t - 1) * this.lrDecay))];
    const s = this.smallSlot(index, 'sum');
    for (let i = 0; i < p.length; i++) {
      const g = wd ? f(grad[i] + f(p[i] * wd)) : grad[i];
      const previous = t === 1 && start ? f(s[i] + start) : s[i];
      s[i] = previous + f(g * g);
      p[i] = p[i] - f(f(g / f(f(Math.sqrt(s[i])) + eps)) * lrT);
    }
  }
}
