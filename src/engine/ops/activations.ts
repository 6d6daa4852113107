// Activation functions, and the binary cross-entropy fused with its sigmoid (softmax and log-softmax
// are in softmax.ts). Each is one op with a
// hand-written rule: a composite of exp/div would be correct too, but slower (one kernel and one
// recorded node instead of several, per step, on the book's small models) and, at extreme inputs,
// less accurate (see sigmoid, logSoftmax and sigmoidCrossEntropyWithLogits).
// Each has its loop on the small path beside its TensorFlow.js form (small/limits.ts).
import * as tf from '@tensorflow/tfjs-core';
import { record, recordSmall, type Tensor } from '../tensor';
import { fitsSmall } from '../small/limits';
import { buffer } from '../small/pool';
import { sameShape } from '../small/broadcast';
import { pointwise, unary, type UnaryKernel } from './unary';
import { asFloat } from './util';

const RELU: UnaryKernel = {
  forward(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = x[i] < 0 ? 0 : x[i];
  },
  backward(dy, x, _out, dx) {
    for (let i = 0; i < dy.length; i++) dx[i] = x[i] > 0 ? dy[i] : 0;
  },
  tf: tf.relu,
  tfGrad: (dy, x) => tf.mul(dy, asFloat(tf.greater(x, 0))),
};

/**
 * max(a, 0). The derivative at exactly 0 is taken as 0, as in PyTorch and TensorFlow (the
 * composite maximum(a, 0) would split it, ½).
 */
export function relu(a: Tensor): Tensor {
  return unary('relu', a, RELU);
}

/**
 * a for a > 0, alpha·a otherwise; the derivative at 0 is alpha (PyTorch's convention). Fused rather
 * than where(a > 0, a, alpha·a): one kernel instead of three (speed).
 */
export function leakyRelu(a: Tensor, alpha = 0.01): Tensor {
  const slope = Math.fround(alpha);
  const kernel = pointwise(
    (v) => (v < 0 ? slope * v : v),
    (v) => (v > 0 ? 1 : slope),
    (x) => tf.leakyRelu(x, alpha),
    (dy, x) => tf.where(tf.greater(x, 0), dy, tf.mul(dy, alpha)),
  );
  return unary('leakyRelu', a, kernel, { alpha });
}

/**
 * ELU (Clevert, Unterthiner & Hochreiter, 2015): a for a > 0, alpha·(eᵃ − 1) otherwise.
 * expm1 keeps eᵃ − 1 accurate for small |a|; the derivative at 0 is alpha (PyTorch's convention).
 * Fused because expm1 is no engine op (accuracy).
 */
export function elu(a: Tensor, alpha = 1): Tensor {
  const c = Math.fround(alpha);
  const kernel = pointwise(
    (v) => (v > 0 ? v : Math.fround(Math.expm1(v)) * c),
    (v) => (v > 0 ? 1 : Math.fround(Math.exp(v)) * c),
    (x) => tf.tidy(() => tf.where(tf.greater(x, 0), x, tf.mul(tf.expm1(tf.minimum(x, 0)), alpha))),
    (dy, x) => tf.where(tf.greater(x, 0), dy, tf.mul(dy, tf.mul(tf.exp(tf.minimum(x, 0)), alpha))),
  );
  return unary('elu', a, kernel, { alpha });
}

const SIGMOID: UnaryKernel = {
  forward(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = 1 / (1 + Math.exp(-x[i]));
  },
  backward(dy, x, out, dx) {
    for (let i = 0; i < dy.length; i++) dx[i] = dy[i] * Math.fround(out[i] * Math.fround(1 / (1 + Math.exp(x[i]))));
  },
  tf: tf.sigmoid,
  tfGrad: (dy, x, out) => tf.mul(dy, tf.mul(out, tf.sigmoid(tf.neg(x)))),
};

/**
 * σ(a) = 1/(1+e⁻ᵃ). The derivative is written σ(a)·σ(−a) rather than the textbook σ(a)·(1−σ(a)):
 * in float32 σ(40) rounds to exactly 1, so 1−σ(a) would give 0 instead of 4.2e-18, while σ(−40) is
 * representable. Fused: the composite 1/(1+exp(−a)) has a NaN gradient below a ≈ −88, where exp
 * overflows (stability).
 */
export function sigmoid(a: Tensor): Tensor {
  return unary('sigmoid', a, SIGMOID);
}

const TANH: UnaryKernel = {
  forward(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = Math.tanh(x[i]);
  },
  backward(dy, _x, out, dx) {
    for (let i = 0; i < dy.length; i++) dx[i] = dy[i] * (1 - Math.fround(out[i] * out[i]));
  },
  tf: tf.tanh,
  tfGrad: (dy, _x, out) => tf.mul(dy, tf.sub(1, tf.square(out))),
};

/** (eᵃ − e⁻ᵃ)/(eᵃ + e⁻ᵃ), fused: the composite is ∞/∞ = NaN for |a| above ~88 in float32. */
export function tanh(a: Tensor): Tensor {
  return unary('tanh', a, TANH);
}

// TensorFlow.js's softplus, whose cutoffs keep exp from overflowing or underflowing: x above
// −log(2⁻²³) − 2 gives x, below log(2⁻²³) + 2 gives eˣ.
const SOFTPLUS_CUTOFF = Math.log(1.1920928955078125e-7) + 2;

const SOFTPLUS = pointwise(
  (v) => (v < SOFTPLUS_CUTOFF ? Math.exp(v) : v > -SOFTPLUS_CUTOFF ? v : Math.log(1 + Math.exp(v))),
  (v) => Math.fround(1 / (1 + Math.exp(-v))),
  tf.softplus,
  (dy, x) => tf.mul(dy, tf.sigmoid(x)),
);

/** log(1 + eᵃ), fused because the composite overflows for a above ~88 (stability); its derivative is σ(a). */
export function softplus(a: Tensor): Tensor {
  return unary('softplus', a, SOFTPLUS);
}

const INV_SQRT2 = Math.SQRT1_2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/**
 * GELU (Hendrycks & Gimpel, 2016) in its exact form a·Φ(a), Φ the standard normal CDF written with
 * erf (PyTorch's default), not the tanh approximation. d/da = Φ(a) + a·φ(a). Fused because the
 * engine has no erf op of its own (erf is nowhere else in the book).
 */
export function gelu(a: Tensor): Tensor {
  return unary('gelu', a, GELU);
}

const cdf = (x: tf.Tensor) => tf.mul(tf.add(tf.erf(tf.mul(x, INV_SQRT2)), 1), 0.5);
const smallCdf = (v: number) => (erf(v * INV_SQRT2) + 1) * 0.5;

const GELU = pointwise(
  (v) => v * smallCdf(v),
  (v) => smallCdf(v) + v * Math.exp(-0.5 * v * v) * INV_SQRT_2PI,
  (x) => tf.tidy(() => tf.mul(x, cdf(x))),
  (dy, x) => tf.mul(dy, tf.add(cdf(x), tf.mul(x, tf.mul(tf.exp(tf.mul(tf.square(x), -0.5)), INV_SQRT_2PI)))),
);

/** erf as TensorFlow.js computes it: Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7). */
function erf(x: number): number {
  const u = tf.backend_util;
  const v = Math.abs(x);
  const t = 1 / (1 + u.ERF_P * v);
  return Math.sign(x) * (1 - ((((u.ERF_A5 * t + u.ERF_A4) * t + u.ERF_A3) * t + u.ERF_A2) * t + u.ERF_A1) * t * Math.exp(-v * v));
}

/**
 * Binary cross-entropy of logits z (before the sigmoid) against targets t, entry by entry, in the
 * stable form
 *   max(z, 0) − z·t + log(1 + e^(−|z|)),
 * which equals −[t·log σ(z) + (1 − t)·log(1 − σ(z))] but never exponentiates a positive number
 * (no overflow for z = 1000) and never takes the log of a rounded-off 0. One fused op: its
 * gradient σ(z) − t is exact everywhere, where a composite of relu and |·| would be wrong at
 * z = 0: their conventions relu'(0) = 0 and sign(0) = 0 would give −t instead of ½ − t.
 * TensorFlow's sigmoid_cross_entropy_with_logits; `losses.bceWithLogits` reduces it.
 */
export function sigmoidCrossEntropyWithLogits(logits: Tensor, targets: Tensor): Tensor {
  if (!sameShape(logits.shape, targets.shape)) {
    throw new Error(`sigmoidCrossEntropyWithLogits: logits [${logits.shape}] and targets [${targets.shape}] must have the same shape`);
  }
  const rule = (dy: tf.Tensor, needs: readonly boolean[]) => [
    needs[0] ? tf.mul(dy, tf.sub(tf.sigmoid(logits.asTf()), targets.asTf())) : null,
    needs[1] ? tf.mul(dy, tf.neg(logits.asTf())) : null,
  ];
  const z = logits.small;
  const t = targets.small;
  if (z && t && fitsSmall(z.length)) {
    const out = buffer(z.length);
    for (let i = 0; i < z.length; i++) {
      const v = z[i];
      out[i] = (v > 0 ? v : 0) - Math.fround(v * t[i]) + Math.fround(Math.log1p(Math.fround(Math.exp(-Math.abs(v)))));
    }
    return recordSmall('sigmoidCrossEntropyWithLogits', out, logits.shape, [logits, targets], (dy, needs) => {
      const dz = needs[0] ? buffer(dy.length) : null;
      const dt = needs[1] ? buffer(dy.length) : null;
      for (let i = 0; i < dy.length; i++) {
        if (dz) dz[i] = dy[i] * Math.fround(Math.fround(1 / (1 + Math.exp(-z[i]))) - t[i]);
        if (dt) dt[i] = -dy[i] * z[i];
      }
      return [dz, dt];
    }, rule);
  }
  const out = tf.tidy(() => {
    const [zv, tv] = [logits.asTf(), targets.asTf()];
    return tf.add(tf.sub(tf.relu(zv), tf.mul(zv, tv)), tf.log1p(tf.exp(tf.neg(tf.abs(zv)))));
  });
  return record('sigmoidCrossEntropyWithLogits', out, [logits, targets], rule);
}
