// Element-wise arithmetic of two operands. Binary ops take a Tensor or a plain number on either
// side (a number is a constant without gradient) and broadcast like NumPy; each gradient is summed
// back to its input's shape (`unbroadcast` in TensorFlow.js, `sumBack` on the small path).
// add, mul, pow and where are the primitives; the rest could be composed from them and each says
// why it is an op of its own. "Speed" means that tfjs spends tens of microseconds per kernel
// whatever the size, which dominates the book's small models. Each op is a kernel: its loops on
// the small path (small/limits.ts) beside its TensorFlow.js form. The ops of one operand are in
// math.ts.
import * as tf from '@tensorflow/tfjs-core';
import { record, recordSmall, smallValues, unbroadcast, type Tensor } from '../tensor';
import { expand, reading, releaseExpanded, sizeOf, sumBack, type Reading } from '../small/broadcast';
import { buffer, release } from '../small/pool';
import { fitsSmall } from '../small/limits';
import { asFloat, asTensor, broadcastShapes, type Operand } from './util';

type Grads<T> = [T | null, T | null];

interface BinaryKernel {
  /** Whether `backward` reads the operands (add and sub do not). */
  readsOperands: boolean;
  /** out[i] = f(a[i], b[i]) on the small path (broadcast operands are expanded first). */
  forward(a: Float32Array, b: Float32Array, out: Float32Array): void;
  /** Both gradients on the result's shape, each only where `needs` asks for it. */
  backward(dy: Float32Array, a: Float32Array, b: Float32Array, out: Float32Array, needs: readonly boolean[]): Grads<Float32Array>;
  tf(a: tf.Tensor, b: tf.Tensor): tf.Tensor;
  tfGrad(dy: tf.Tensor, a: tf.Tensor, b: tf.Tensor, out: tf.Tensor, needs: readonly boolean[]): Grads<tf.Tensor>;
}

function smallRule(dy: Float32Array, needs: readonly boolean[], node: Tensor): Grads<Float32Array> {
  const [a, b] = node.inputs;
  const n = dy.length;
  const ra = reading(a.shape, node.shape);
  const rb = reading(b.shape, node.shape);
  const kernel = node.saved as BinaryKernel;
  // add and sub need neither operand: no expansion for them.
  const reads = kernel.readsOperands;
  const ea = reads ? expand(smallValues(a), ra, n) : dy;
  const eb = reads ? expand(smallValues(b), rb, n) : dy;
  const [da, db] = kernel.backward(dy, ea, eb, smallValues(node), needs);
  if (reads) {
    releaseExpanded(ea, ra);
    releaseExpanded(eb, rb);
  }
  return [needs[0] && da ? back(da, ra, a.size, dy) : null, needs[1] && db ? back(db, rb, b.size, dy) : null];
}

/** A gradient on the result's shape summed back to its operand's; a summed-away temporary goes back. */
function back(g: Float32Array, r: Reading, size: number, dy: Float32Array): Float32Array {
  const summed = sumBack(g, r, size);
  if (summed !== g && g !== dy) release(g);
  return summed;
}

function tfRule(dy: tf.Tensor, needs: readonly boolean[], node: Tensor): Grads<tf.Tensor> {
  const [a, b] = node.inputs;
  const [da, db] = (node.saved as BinaryKernel).tfGrad(dy, a.asTf(), b.asTf(), node.asTf(), needs);
  return [needs[0] && da ? unbroadcast(da, a.shape) : null, needs[1] && db ? unbroadcast(db, b.shape) : null];
}

function binary(op: string, x: Operand, y: Operand, kernel: BinaryKernel): Tensor {
  const a = asTensor(x);
  const b = asTensor(y);
  const shape = broadcastShapes(op, a.shape, b.shape);
  const n = sizeOf(shape);
  if (a.small && b.small && fitsSmall(n)) {
    const out = buffer(n);
    const [ra, rb] = [reading(a.shape, shape), reading(b.shape, shape)];
    const [ea, eb] = [expand(a.small, ra, n), expand(b.small, rb, n)];
    kernel.forward(ea, eb, out);
    releaseExpanded(ea, ra);
    releaseExpanded(eb, rb);
    return recordSmall(op, out, shape, [a, b], smallRule, tfRule, undefined, kernel);
  }
  return record(op, kernel.tf(a.asTf(), b.asTf()), [a, b], tfRule, undefined, kernel);
}

const ADD: BinaryKernel = {
  readsOperands: false,
  forward(a, b, out) {
    for (let i = 0; i < out.length; i++) out[i] = a[i] + b[i];
  },
  backward: (dy) => [dy, dy],
  tf: tf.add,
  tfGrad: (dy) => [dy, dy],
};

export function add(a: Operand, b: Operand): Tensor {
  return binary('add', a, b, ADD);
}

const SUB: BinaryKernel = {
  readsOperands: false,
  forward(a, b, out) {
    for (let i = 0; i < out.length; i++) out[i] = a[i] - b[i];
  },
  backward: (dy, _a, _b, _out, needs) => [dy, needs[1] ? scaled(dy, -1) : null],
  tf: tf.sub,
  tfGrad: (dy, _a, _b, _out, needs) => [dy, needs[1] ? tf.neg(dy) : null],
};

/** a − b. Fused rather than add(a, neg(b)): one kernel and one node instead of two (speed). */
export function sub(a: Operand, b: Operand): Tensor {
  return binary('sub', a, b, SUB);
}

const MUL: BinaryKernel = {
  readsOperands: true,
  forward(a, b, out) {
    for (let i = 0; i < out.length; i++) out[i] = a[i] * b[i];
  },
  backward: (dy, a, b, _out, needs) => [needs[0] ? times(dy, b) : null, needs[1] ? times(dy, a) : null],
  tf: tf.mul,
  tfGrad: (dy, a, b, _out, needs) => [needs[0] ? tf.mul(dy, b) : null, needs[1] ? tf.mul(dy, a) : null],
};

export function mul(a: Operand, b: Operand): Tensor {
  return binary('mul', a, b, MUL);
}

// d(a/b)/da = 1/b, d(a/b)/db = -a/b² = -(a/b)/b.
const DIV: BinaryKernel = {
  readsOperands: true,
  forward(a, b, out) {
    for (let i = 0; i < out.length; i++) out[i] = a[i] / b[i];
  },
  backward(dy, _a, b, out, needs) {
    const da = needs[0] ? buffer(dy.length) : null;
    const db = needs[1] ? buffer(dy.length) : null;
    for (let i = 0; i < dy.length; i++) {
      if (da) da[i] = dy[i] / b[i];
      // Rounded to float32 at each step, as the TensorFlow.js rule's three kernels.
      if (db) db[i] = -Math.fround(Math.fround(dy[i] * out[i]) / b[i]);
    }
    return [da, db];
  },
  tf: tf.div,
  tfGrad: (dy, _a, b, out, needs) => [needs[0] ? tf.div(dy, b) : null, needs[1] ? tf.neg(tf.div(tf.mul(dy, out), b)) : null],
};

/** a / b. Fused rather than mul(a, pow(b, −1)): one correctly rounded kernel instead of two roundings (accuracy, speed). */
export function div(a: Operand, b: Operand): Tensor {
  return binary('div', a, b, DIV);
}

function times(x: Float32Array, y: Float32Array): Float32Array {
  const out = buffer(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i] * y[i];
  return out;
}

export function scaled(x: Float32Array, c: number): Float32Array {
  const out = buffer(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i] * c;
  return out;
}

const POW: BinaryKernel = {
  readsOperands: true,
  forward(a, e, out) {
    for (let i = 0; i < out.length; i++) out[i] = Math.pow(a[i], e[i]);
  },
  backward(dy, a, e, out, needs) {
    const f = Math.fround;
    const da = needs[0] ? buffer(dy.length) : null;
    const de = needs[1] ? buffer(dy.length) : null;
    for (let i = 0; i < dy.length; i++) {
      if (da) da[i] = dy[i] * f(e[i] * f(Math.pow(a[i], f(e[i] - 1))));
      if (de) de[i] = a[i] > 0 ? dy[i] * f(out[i] * f(Math.log(a[i]))) : 0;
    }
    return [da, de];
  },
  tf: tf.pow,
  tfGrad(dy, a, e, out, needs) {
    const da = needs[0] ? tf.mul(dy, tf.mul(e, tf.pow(a, tf.sub(e, 1)))) : null;
    if (!needs[1]) return [da, null];
    const positive = tf.greater(a, 0);
    const logA = tf.where(positive, tf.log(tf.where(positive, a, tf.onesLike(a))), tf.zerosLike(a));
    return [da, tf.mul(dy, tf.mul(out, logA))];
  },
};

/**
 * a^e. With a tensor exponent, d/de = a^e·ln a is taken as 0 where a ≤ 0 (as TensorFlow does), since
 * ln a is undefined there and a negative base only has real powers for integer exponents. A number
 * exponent is an op of one operand (math.ts, `powScalar`).
 */
export function powTensor(a: Operand, exponent: Operand): Tensor {
  return binary('pow', a, exponent, POW);
}

/** maximum (sign 1) or minimum (sign −1): at a tie the gradient is split evenly, as in PyTorch. */
function extremum(sign: 1 | -1): BinaryKernel {
  const [wins, loses] = sign > 0 ? [tf.greater, tf.less] : [tf.less, tf.greater];
  return {
    readsOperands: true,
    forward(a, b, out) {
      for (let i = 0; i < out.length; i++) out[i] = sign > 0 ? Math.max(a[i], b[i]) : Math.min(a[i], b[i]);
    },
    backward(dy, a, b) {
      const da = buffer(dy.length);
      const db = buffer(dy.length);
      for (let i = 0; i < dy.length; i++) {
        const d = sign * (a[i] - b[i]);
        da[i] = dy[i] * (d > 0 ? 1 : d === 0 ? 0.5 : 0);
        db[i] = dy[i] * (d < 0 ? 1 : d === 0 ? 0.5 : 0);
      }
      return [da, db];
    },
    tf: sign > 0 ? tf.maximum : tf.minimum,
    tfGrad(dy, a, b) {
      const half = tf.mul(asFloat(tf.equal(a, b)), 0.5);
      return [tf.mul(dy, tf.add(asFloat(wins(a, b)), half)), tf.mul(dy, tf.add(asFloat(loses(a, b)), half))];
    },
  };
}

const MAXIMUM = extremum(1);
const MINIMUM = extremum(-1);

/**
 * Element-wise larger of a and b. At a tie the gradient is split evenly, as in PyTorch; one kernel
 * where the composite where(a > b, a, b) would need a comparison and a selection (speed).
 */
export function maximum(a: Operand, b: Operand): Tensor {
  return binary('maximum', a, b, MAXIMUM);
}

/** Element-wise smaller of a and b; fused like `maximum`, with the same tie rule. */
export function minimum(a: Operand, b: Operand): Tensor {
  return binary('minimum', a, b, MINIMUM);
}

/**
 * Picks a where `condition` is non-zero, b elsewhere; the three broadcast together. The condition
 * (a tensor of 0/1 values) receives no gradient.
 */
export function where(condition: Tensor, a: Operand, b: Operand): Tensor {
  const at = asTensor(a);
  const bt = asTensor(b);
  const shape = broadcastShapes('where', broadcastShapes('where', condition.shape, at.shape), bt.shape);
  const n = sizeOf(shape);
  const mask = () => tf.notEqual(tf.broadcastTo(condition.asTf(), shape), 0);
  const rule = (dy: tf.Tensor) => {
    const cond = mask();
    const zero = tf.zerosLike(dy);
    return [null, unbroadcast(tf.where(cond, dy, zero), at.shape), unbroadcast(tf.where(cond, zero, dy), bt.shape)];
  };
  if (condition.small && at.small && bt.small && fitsSmall(n)) {
    const [rc, ra, rb] = [reading(condition.shape, shape), reading(at.shape, shape), reading(bt.shape, shape)];
    const c = expand(condition.small, rc, n);
    const [x, y] = [expand(at.small, ra, n), expand(bt.small, rb, n)];
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = c[i] !== 0 ? x[i] : y[i];
    const back = (dy: Float32Array, needs: readonly boolean[]) => {
      const da = new Float32Array(n);
      const db = new Float32Array(n);
      for (let i = 0; i < n; i++) (c[i] !== 0 ? da : db)[i] = dy[i];
      return [null, needs[1] ? sumBack(da, ra, at.size) : null, needs[2] ? sumBack(db, rb, bt.size) : null];
    };
    return recordSmall('where', out, shape, [condition, at, bt], back, rule);
  }
  const out = tf.tidy(() => tf.where(mask(), tf.broadcastTo(at.asTf(), shape), tf.broadcastTo(bt.asTf(), shape)));
  return record('where', out, [condition, at, bt], rule);
}
