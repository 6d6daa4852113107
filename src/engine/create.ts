// Creating tensors, and the memory scope they are made in. A tensor small enough for the small path
// (small/limits.ts) starts there; anything else, and anything handed over as a TensorFlow.js tensor
// (`fromTf`), lives in TensorFlow.js.
import * as tf from '@tensorflow/tfjs-core';
import { fitsSmall } from './small/limits';
import { buffer, closePoolScope, openPoolScope } from './small/pool';
import { closeTensorScope, openTensorScope, Tensor, type Shape } from './tensor';

export type NestedNumbers = number | number[] | number[][] | number[][][] | number[][][][];

/** Flattens nested arrays of numbers in row-major order; null when they are ragged or not numbers. */
function flatten(values: NestedNumbers): { data: number[]; shape: Shape } | null {
  const shape: Shape = [];
  for (let v: unknown = values; Array.isArray(v); v = v[0]) shape.push(v.length);
  const data: number[] = [];
  const walk = (v: unknown, axis: number): boolean => {
    if (axis === shape.length) {
      if (typeof v !== 'number') return false;
      data.push(v);
      return true;
    }
    if (!Array.isArray(v) || v.length !== shape[axis]) return false;
    for (const x of v) if (!walk(x, axis + 1)) return false;
    return true;
  };
  return walk(values, 0) ? { data, shape } : null;
}

/** Whether `shape` (whole, non-negative sizes) holds exactly `n` entries. */
function isShapeOf(shape: Shape, n: number): boolean {
  let size = 1;
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) return false;
    size *= d;
  }
  return size === n;
}

/** The values and shape of a small tensor, or null when TensorFlow.js should make (or refuse) it. */
function smallValues(values: NestedNumbers | Float32Array, shape?: Shape): { data: Float32Array; shape: Shape } | null {
  if (values instanceof Float32Array) {
    const s = shape ?? [values.length];
    if (!fitsSmall(values.length) || !isShapeOf(s, values.length)) return null;
    const data = buffer(values.length);
    data.set(values);
    return { data, shape: s.slice() };
  }
  const flat = flatten(values);
  if (!flat) return null;
  const s = shape ?? flat.shape;
  const n = s.reduce((p, d) => p * d, 1);
  if (n !== flat.data.length || !fitsSmall(n) || !s.every((d) => Number.isInteger(d) && d >= 0)) return null;
  return { data: Float32Array.from(flat.data), shape: [...s] };
}

/** A data tensor (float32) from numbers or nested arrays; `shape` reshapes a flat array. */
export function tensor(values: NestedNumbers | Float32Array, shape?: Shape, opts: { requiresGrad?: boolean; name?: string } = {}): Tensor {
  const small = smallValues(values, shape);
  if (small) return new Tensor(small.data, { shape: small.shape, requiresGrad: opts.requiresGrad ?? false, name: opts.name });
  const value = tf.tensor(values as tf.TensorLike, shape, 'float32');
  return new Tensor(value, { requiresGrad: opts.requiresGrad ?? false, name: opts.name });
}

/** Wraps an existing tfjs tensor (ownership moves to the engine Tensor). */
export function fromTf(value: tf.Tensor, opts: { requiresGrad?: boolean; name?: string } = {}): Tensor {
  return new Tensor(value, { requiresGrad: opts.requiresGrad ?? false, name: opts.name });
}

/**
 * A trainable parameter, initialised from `initial` (which it takes over and frees). A small one
 * lives on the small path, which optimisers update in place; a larger one is a `tf.Variable`, which
 * `tidy` does not dispose and optimisers update with `assign`. Dispose it with its module.
 */
export function parameter(initial: tf.Tensor, name?: string): Tensor {
  if (fitsSmall(initial.size)) {
    const values = Float32Array.from(initial.dataSync() as ArrayLike<number>);
    const shape = [...initial.shape];
    initial.dispose();
    return new Tensor(values, { shape, requiresGrad: true, name, parameter: true });
  }
  const variable = tf.variable(initial, true, undefined, 'float32');
  initial.dispose();
  return new Tensor(variable, { requiresGrad: true, name, parameter: true });
}

/** A trainable parameter from numbers, as `torch.nn.Parameter(torch.tensor(values))`. */
export function parameterFrom(values: NestedNumbers | Float32Array, shape?: Shape, name?: string): Tensor {
  return parameter(tf.tensor(values as tf.TensorLike, shape, 'float32'), name);
}

function filled(shape: Shape, v: number): Tensor {
  const n = shape.reduce((p, d) => p * d, 1);
  if (fitsSmall(n) && shape.every((d) => Number.isInteger(d) && d >= 0)) return new Tensor(new Float32Array(n).fill(v), { shape: [...shape] });
  return new Tensor(v === 0 ? tf.zeros(shape) : tf.ones(shape));
}

export function zeros(shape: Shape): Tensor {
  return filled(shape, 0);
}

export function ones(shape: Shape): Tensor {
  return filled(shape, 1);
}

/**
 * Runs `fn` in a tfjs memory scope: every tfjs tensor it creates is freed when it returns, except
 * the values (and gradients) of engine Tensors it returns, alone or in an array or plain object.
 * A small tensor needs no keeping (plain memory); its TensorFlow.js copy, if any, goes with the scope.
 * `fn` must be synchronous.
 */
export function tidy<T>(fn: () => T): T {
  let result!: T;
  const kept = new Set<Tensor>();
  openTensorScope();
  openPoolScope();
  try {
    tf.tidy(() => {
      result = fn();
      keepReturned(result, kept);
    });
  } finally {
    closePoolScope();
    closeTensorScope(kept);
  }
  return result;
}

function keepReturned(x: unknown, kept: Set<Tensor>): void {
  if (x instanceof Tensor) {
    kept.add(x);
    if (x.stored) tf.keep(x.stored);
    if (x.grad) {
      kept.add(x.grad);
      if (x.grad.stored) tf.keep(x.grad.stored);
    }
  } else if (x instanceof tf.Tensor) {
    tf.keep(x);
  } else if (Array.isArray(x)) {
    for (const y of x) keepReturned(y, kept);
  } else if (x && typeof x === 'object' && Object.getPrototypeOf(x) === Object.prototype) {
    for (const y of Object.values(x)) keepReturned(y, kept);
  }
}

/** Number of live tfjs tensors: the memory tests compare it with a baseline. */
export function liveTensorCount(): number {
  return tf.memory().numTensors;
}
