// Activation functions, and the binary cross-entropy fused with its sigmoid. Each is one op with a
// hand-written rule: a composite of exp/div would be correct too, but slower (one kernel and one
// recorded node instead of several, per step, on the book's small models) and, at extreme inputs,
// less accurate (see sigmoid, logSoftmax and sigmoidCrossEntropyWithLogits).
import * as tf from '@tensorflow/tfjs-core';
import { record, type Tensor } from '../tensor';
import { asFloat, normalizeAxis } from './util';

/**
 * max(a, 0). The derivative at exactly 0 is taken as 0, as in PyTorch and TensorFlow (the
 * composite maximum(a, 0) would split it, ½).
 */
export function relu(a: Tensor): Tensor {
  return record('relu', tf.relu(a.value), [a], (dy) => [tf.mul(dy, asFloat(tf.greater(a.value, 0)))]);
}

/**
 * a for a > 0, alpha·a otherwise; the derivative at 0 is alpha (PyTorch's convention). Fused rather
 * than where(a > 0, a, alpha·a): one kernel instead of three (speed).
 */
export function leakyRelu(a: Tensor, alpha = 0.01): Tensor {
  return record(
    'leakyRelu',
    tf.leakyRelu(a.value, alpha),
    [a],
    (dy) => [tf.where(tf.greater(a.value, 0), dy, tf.mul(dy, alpha))],
    { alpha },
  );
}

/**
 * ELU (Clevert, Unterthiner & Hochreiter, 2015): a for a > 0, alpha·(eᵃ − 1) otherwise.
 * expm1 keeps eᵃ − 1 accurate for small |a|; the derivative at 0 is alpha (PyTorch's convention).
 * Fused because expm1 is no engine op (accuracy).
 */
export function elu(a: Tensor, alpha = 1): Tensor {
  const out = tf.tidy(() => tf.where(tf.greater(a.value, 0), a.value, tf.mul(tf.expm1(tf.minimum(a.value, 0)), alpha)));
  return record(
    'elu',
    out,
    [a],
    (dy) => [tf.where(tf.greater(a.value, 0), dy, tf.mul(dy, tf.mul(tf.exp(tf.minimum(a.value, 0)), alpha)))],
    { alpha },
  );
}

/**
 * σ(a) = 1/(1+e⁻ᵃ). The derivative is written σ(a)·σ(−a) rather than the textbook σ(a)·(1−σ(a)):
 * in float32 σ(40) rounds to exactly 1, so 1−σ(a) would give 0 instead of 4.2e-18, while σ(−40) is
 * representable. Fused: the composite 1/(1+exp(−a)) has a NaN gradient below a ≈ −88, where exp
 * overflows (stability).
 */
export function sigmoid(a: Tensor): Tensor {
  const out = tf.sigmoid(a.value);
  return record('sigmoid', out, [a], (dy) => [tf.mul(dy, tf.mul(out, tf.sigmoid(tf.neg(a.value))))]);
}

/** (eᵃ − e⁻ᵃ)/(eᵃ + e⁻ᵃ), fused: the composite is ∞/∞ = NaN for |a| above ~88 in float32. */
export function tanh(a: Tensor): Tensor {
  const out = tf.tanh(a.value);
  return record('tanh', out, [a], (dy) => [tf.mul(dy, tf.sub(1, tf.square(out)))]);
}

/** log(1 + eᵃ), fused because the composite overflows for a above ~88 (stability); its derivative is σ(a). */
export function softplus(a: Tensor): Tensor {
  return record('softplus', tf.softplus(a.value), [a], (dy) => [tf.mul(dy, tf.sigmoid(a.value))]);
}

const INV_SQRT2 = Math.SQRT1_2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/**
 * GELU (Hendrycks & Gimpel, 2016) in its exact form a·Φ(a), Φ the standard normal CDF written with
 * erf (PyTorch's default), not the tanh approximation. d/da = Φ(a) + a·φ(a). Fused because the
 * engine has no erf op of its own (erf is nowhere else in the book).
 */
export function gelu(a: Tensor): Tensor {
  const cdf = (x: tf.Tensor) => tf.mul(tf.add(tf.erf(tf.mul(x, INV_SQRT2)), 1), 0.5);
  const out = tf.tidy(() => tf.mul(a.value, cdf(a.value)));
  return record('gelu', out, [a], (dy) => {
    const pdf = tf.mul(tf.exp(tf.mul(tf.square(a.value), -0.5)), INV_SQRT_2PI);
    return [tf.mul(dy, tf.add(cdf(a.value), tf.mul(a.value, pdf)))];
  });
}

/** Subtracting the maximum along `axis` changes neither softmax nor log-softmax but keeps exp finite. */
function shifted(x: tf.Tensor, axis: number): tf.Tensor {
  return tf.sub(x, tf.max(x, axis, true));
}

/**
 * eᵃ / Σ eᵃ along `axis`, computed on a − max(a) so logits like [1000, 0, −1000] do not overflow.
 * Backward: dx = y ⊙ (dy − Σ dy ⊙ y). Fused for speed and memory: the composite exp/sum/div keeps
 * every intermediate for its backward pass, this rule only the output.
 */
export function softmax(a: Tensor, axis = -1): Tensor {
  const ax = normalizeAxis('softmax', axis, a.rank);
  const out = tf.tidy(() => {
    const e = tf.exp(shifted(a.value, ax));
    return tf.div(e, tf.sum(e, ax, true));
  });
  return record('softmax', out, [a], (dy) => [tf.mul(out, tf.sub(dy, tf.sum(tf.mul(dy, out), ax, true)))], { axis: ax });
}

/**
 * log softmax(a) = (a − m) − log Σ e^(a − m), with m = max(a) along `axis`: one fused op because
 * log(softmax(a)) underflows to log(0) = −∞ for a strongly negative logit (softmax rounds it to 0)
 * and exp(a) overflows for a large one; the shifted form stays finite for any finite logits.
 * Backward: dx = dy − softmax(a) · Σ dy.
 */
export function logSoftmax(a: Tensor, axis = -1): Tensor {
  const ax = normalizeAxis('logSoftmax', axis, a.rank);
  const out = tf.tidy(() => {
    const s = shifted(a.value, ax);
    return tf.sub(s, tf.log(tf.sum(tf.exp(s), ax, true)));
  });
  return record('logSoftmax', out, [a], (dy) => [tf.sub(dy, tf.mul(tf.exp(out), tf.sum(dy, ax, true)))], { axis: ax });
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
  if (logits.shape.join() !== targets.shape.join()) {
    throw new Error(`sigmoidCrossEntropyWithLogits: logits [${logits.shape}] and targets [${targets.shape}] must have the same shape`);
  }
  const z = logits.value;
  const t = targets.value;
  const out = tf.tidy(() => tf.add(tf.sub(tf.relu(z), tf.mul(z, t)), tf.log1p(tf.exp(tf.neg(tf.abs(z))))));
  return record('sigmoidCrossEntropyWithLogits', out, [logits, targets], (dy, needs) => [
    needs[0] ? tf.mul(dy, tf.sub(tf.sigmoid(z), t)) : null,
    needs[1] ? tf.mul(dy, tf.neg(z)) : null,
  ]);
}
