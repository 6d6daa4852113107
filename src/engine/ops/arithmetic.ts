// Element-wise arithmetic. Binary ops take a Tensor or a plain number on either side (a number is a
// constant without gradient) and broadcast like NumPy; each gradient is summed back to its input's
// shape by `unbroadcast`.
// add, mul, pow, exp, log, abs, where are the primitives; the rest could be composed from them and
// each says why it is an op of its own. "Speed" means that tfjs spends tens of microseconds per
// kernel whatever the size, which dominates the book's small models.
import * as tf from '@tensorflow/tfjs-core';
import { record, unbroadcast, type Tensor } from '../tensor';
import { asFloat, asTensor, broadcastShapes, type Operand } from './util';

function binary(
  op: string,
  x: Operand,
  y: Operand,
  forward: (a: tf.Tensor, b: tf.Tensor) => tf.Tensor,
  rule: (dy: tf.Tensor, a: tf.Tensor, b: tf.Tensor, out: tf.Tensor, needs: readonly boolean[]) => [tf.Tensor | null, tf.Tensor | null],
): Tensor {
  const a = asTensor(x);
  const b = asTensor(y);
  broadcastShapes(op, a.shape, b.shape);
  const out = forward(a.value, b.value);
  return record(op, out, [a, b], (dy, needs) => {
    const [da, db] = rule(dy, a.value, b.value, out, needs);
    return [needs[0] && da ? unbroadcast(da, a.shape) : null, needs[1] && db ? unbroadcast(db, b.shape) : null];
  });
}

export function add(a: Operand, b: Operand): Tensor {
  return binary('add', a, b, tf.add, (dy) => [dy, dy]);
}

/** a − b. Fused rather than add(a, neg(b)): one kernel and one node instead of two (speed). */
export function sub(a: Operand, b: Operand): Tensor {
  return binary('sub', a, b, tf.sub, (dy, _av, _bv, _out, needs) => [dy, needs[1] ? tf.neg(dy) : null]);
}

export function mul(a: Operand, b: Operand): Tensor {
  return binary('mul', a, b, tf.mul, (dy, av, bv, _out, needs) => [needs[0] ? tf.mul(dy, bv) : null, needs[1] ? tf.mul(dy, av) : null]);
}

/** a / b. Fused rather than mul(a, pow(b, −1)): one correctly rounded kernel instead of two roundings (accuracy, speed). */
export function div(a: Operand, b: Operand): Tensor {
  // d(a/b)/da = 1/b, d(a/b)/db = -a/b² = -(a/b)/b.
  return binary('div', a, b, tf.div, (dy, _av, bv, out, needs) => [
    needs[0] ? tf.div(dy, bv) : null,
    needs[1] ? tf.neg(tf.div(tf.mul(dy, out), bv)) : null,
  ]);
}

/**
 * a^e. With a tensor exponent, d/de = a^e·ln a is taken as 0 where a ≤ 0 (as TensorFlow does), since
 * ln a is undefined there and a negative base only has real powers for integer exponents.
 */
export function pow(a: Operand, exponent: Operand): Tensor {
  if (typeof exponent === 'number') {
    const at = asTensor(a);
    return record('pow', tf.pow(at.value, exponent), [at], (dy) => [tf.mul(dy, tf.mul(tf.pow(at.value, exponent - 1), exponent))], {
      exponent,
    });
  }
  return binary('pow', a, exponent, tf.pow, (dy, av, ev, out, needs) => {
    const da = needs[0] ? tf.mul(dy, tf.mul(ev, tf.pow(av, tf.sub(ev, 1)))) : null;
    if (!needs[1]) return [da, null];
    const positive = tf.greater(av, 0);
    const logA = tf.where(positive, tf.log(tf.where(positive, av, tf.onesLike(av))), tf.zerosLike(av));
    const de = tf.mul(dy, tf.mul(out, logA));
    return [da, de];
  });
}

/** −a. Fused rather than mul(a, −1): no constant tensor and no broadcast bookkeeping (speed). */
export function neg(a: Tensor): Tensor {
  return record('neg', tf.neg(a.value), [a], (dy) => [tf.neg(dy)]);
}

export function exp(a: Tensor): Tensor {
  const out = tf.exp(a.value);
  return record('exp', out, [a], (dy) => [tf.mul(dy, out)]);
}

export function log(a: Tensor): Tensor {
  return record('log', tf.log(a.value), [a], (dy) => [tf.div(dy, a.value)]);
}

/** √a. Fused rather than pow(a, 0.5): the backward rule reuses the output, dy / (2√a) (speed). */
export function sqrt(a: Tensor): Tensor {
  const out = tf.sqrt(a.value);
  return record('sqrt', out, [a], (dy) => [tf.div(dy, tf.mul(out, 2))]);
}

/** |a|; its gradient at 0 is taken as 0 (sign(0) = 0), as in PyTorch. */
export function abs(a: Tensor): Tensor {
  return record('abs', tf.abs(a.value), [a], (dy) => [tf.mul(dy, tf.sign(a.value))]);
}

/** a². Fused rather than mul(a, a): one backward kernel instead of two gradients summed (speed). */
export function square(a: Tensor): Tensor {
  return record('square', tf.square(a.value), [a], (dy) => [tf.mul(dy, tf.mul(a.value, 2))]);
}

/**
 * Element-wise larger of a and b. At a tie the gradient is split evenly, as in PyTorch; one kernel
 * where the composite where(a > b, a, b) would need a comparison and a selection (speed).
 */
export function maximum(a: Operand, b: Operand): Tensor {
  return binary('maximum', a, b, tf.maximum, (dy, av, bv) => {
    const half = tf.mul(asFloat(tf.equal(av, bv)), 0.5);
    return [tf.mul(dy, tf.add(asFloat(tf.greater(av, bv)), half)), tf.mul(dy, tf.add(asFloat(tf.less(av, bv)), half))];
  });
}

/** Element-wise smaller of a and b; fused like `maximum`, with the same tie rule. */
export function minimum(a: Operand, b: Operand): Tensor {
  return binary('minimum', a, b, tf.minimum, (dy, av, bv) => {
    const half = tf.mul(asFloat(tf.equal(av, bv)), 0.5);
    return [tf.mul(dy, tf.add(asFloat(tf.less(av, bv)), half)), tf.mul(dy, tf.add(asFloat(tf.greater(av, bv)), half))];
  });
}

/**
 * Limits a to [lo, hi]. The gradient passes where lo ≤ a ≤ hi (bounds included, as in PyTorch);
 * fused because minimum(maximum(a, lo), hi) would halve it at a bound (their tie rule).
 */
export function clamp(a: Tensor, lo: number, hi: number): Tensor {
  if (!(lo <= hi)) throw new Error(`clamp: lower bound ${lo} is above upper bound ${hi}`);
  return record(
    'clamp',
    tf.clipByValue(a.value, lo, hi),
    [a],
    (dy) => [tf.mul(dy, asFloat(tf.logicalAnd(tf.greaterEqual(a.value, lo), tf.lessEqual(a.value, hi))))],
    { lo, hi },
  );
}

/**
 * Picks a where `condition` is non-zero, b elsewhere; the three broadcast together. The condition
 * (a tensor of 0/1 values) receives no gradient.
 */
export function where(condition: Tensor, a: Operand, b: Operand): Tensor {
  const at = asTensor(a);
  const bt = asTensor(b);
  const shape = broadcastShapes('where', broadcastShapes('where', condition.shape, at.shape), bt.shape);
  const mask = () => tf.notEqual(tf.broadcastTo(condition.value, shape), 0);
  const out = tf.tidy(() => tf.where(mask(), tf.broadcastTo(at.value, shape), tf.broadcastTo(bt.value, shape)));
  return record('where', out, [condition, at, bt], (dy) => {
    const cond = mask();
    const zero = tf.zerosLike(dy);
    return [null, unbroadcast(tf.where(cond, dy, zero), at.shape), unbroadcast(tf.where(cond, zero, dy), bt.shape)];
  });
}
