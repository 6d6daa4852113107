// Element-wise functions of one operand, each a kernel of unary.ts: its loops on the small path
// beside its TensorFlow.js form. exp, log, abs and pow are primitives; each other op says why it
// is one of its own. "Speed" means fewer TensorFlow.js kernels and fewer recorded nodes per step.
import * as tf from '@tensorflow/tfjs-core';
import type { Tensor } from '../tensor';
import { powTensor } from './arithmetic';
import { pointwise, unary, type UnaryKernel } from './unary';
import { asFloat, asTensor, type Operand } from './util';

const NEG: UnaryKernel = {
  forward(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = -x[i];
  },
  backward(dy, _x, _out, dx) {
    for (let i = 0; i < dy.length; i++) dx[i] = -dy[i];
  },
  tf: tf.neg,
  tfGrad: (dy) => tf.neg(dy),
};

/** −a. Fused rather than mul(a, −1): no constant tensor and no broadcast bookkeeping (speed). */
export function neg(a: Tensor): Tensor {
  return unary('neg', a, NEG);
}

const EXP: UnaryKernel = {
  forward(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = Math.exp(x[i]);
  },
  backward(dy, _x, out, dx) {
    for (let i = 0; i < dy.length; i++) dx[i] = dy[i] * out[i];
  },
  tf: tf.exp,
  tfGrad: (dy, _x, out) => tf.mul(dy, out),
};

export function exp(a: Tensor): Tensor {
  return unary('exp', a, EXP);
}

const LOG = pointwise(Math.log, (v) => 1 / v, tf.log, (dy, x) => tf.div(dy, x));

export function log(a: Tensor): Tensor {
  return unary('log', a, LOG);
}

const SQRT = pointwise(Math.sqrt, (_v, out) => 1 / (2 * out), tf.sqrt, (dy, _x, out) => tf.div(dy, tf.mul(out, 2)));

/** √a. Fused rather than pow(a, 0.5): the backward rule reuses the output, dy / (2√a) (speed). */
export function sqrt(a: Tensor): Tensor {
  return unary('sqrt', a, SQRT);
}

const ABS = pointwise(Math.abs, Math.sign, tf.abs, (dy, x) => tf.mul(dy, tf.sign(x)));

/** |a|; its gradient at 0 is taken as 0 (sign(0) = 0), as in PyTorch. */
export function abs(a: Tensor): Tensor {
  return unary('abs', a, ABS);
}

const SQUARE: UnaryKernel = {
  forward(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = x[i] * x[i];
  },
  backward(dy, x, _out, dx) {
    for (let i = 0; i < dy.length; i++) dx[i] = dy[i] * Math.fround(2 * x[i]);
  },
  tf: tf.square,
  tfGrad: (dy, x) => tf.mul(dy, tf.mul(x, 2)),
};

/** a². Fused rather than mul(a, a): one backward kernel instead of two gradients summed (speed). */
export function square(a: Tensor): Tensor {
  return unary('square', a, SQUARE);
}

/**
 * a^e. With a tensor exponent, d/de = a^e·ln a is taken as 0 where a ≤ 0 (as TensorFlow does), since
 * ln a is undefined there and a negative base only has real powers for integer exponents.
 */
export function pow(a: Operand, exponent: Operand): Tensor {
  if (typeof exponent !== 'number') return powTensor(a, exponent);
  const e = Math.fround(exponent);
  const kernel = pointwise(
    (v) => Math.pow(v, e),
    (v) => Math.fround(Math.pow(v, Math.fround(e - 1))) * e,
    (x) => tf.pow(x, exponent),
    (dy, x) => tf.mul(dy, tf.mul(tf.pow(x, exponent - 1), exponent)),
  );
  return unary('pow', asTensor(a), kernel, { exponent });
}

/**
 * Limits a to [lo, hi]. The gradient passes where lo ≤ a ≤ hi (bounds included, as in PyTorch);
 * fused because minimum(maximum(a, lo), hi) would halve it at a bound (their tie rule).
 */
export function clamp(a: Tensor, lo: number, hi: number): Tensor {
  if (!(lo <= hi)) throw new Error(`clamp: lower bound ${lo} is above upper bound ${hi}`);
  // Bounds as float32 numbers, as TensorFlow.js compares a float32 tensor with them.
  const [flo, fhi] = [Math.fround(lo), Math.fround(hi)];
  const kernel = pointwise(
    (v) => (v < flo ? flo : v > fhi ? fhi : v),
    (v) => (v >= flo && v <= fhi ? 1 : 0),
    (x) => tf.clipByValue(x, lo, hi),
    (dy, x) => tf.mul(dy, asFloat(tf.logicalAnd(tf.greaterEqual(x, lo), tf.lessEqual(x, hi)))),
  );
  return unary('clamp', a, kernel, { lo, hi });
}
