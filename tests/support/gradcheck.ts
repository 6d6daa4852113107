// Gradient checking for the engine's ops.
//
// For an engine function f of some inputs, the scalar L = Σ r ⊙ f(x) (r fixed pseudo-random
// weights, so that no gradient is trivially zero, e.g. through softmax) is differentiated three ways:
//   1. the engine's backward pass (float32, on the current backend);
//   2. central finite differences of a plain-JS float64 re-implementation of f;
//   3. tf.grads on the equivalent TensorFlow.js function, when one is given.
// The forward value is also compared with the float64 reference. Errors are relative, with a floor
// of 1e-3 × the largest reference entry so that entries near zero are judged on the tensor's
// scale; a failure names the op, the comparison and the largest relative error.
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core alone registers no gradients; tf.grads needs them (the engine itself never uses them).
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { Random } from '../../src/engine/random';
import { tensor, tidy, type Tensor } from '../../src/engine/tensor';
import type { BackendName } from './backends';

/** A float64 array with a shape: what the plain-JS reference implementations work on. */
export interface Nd {
  data: number[];
  shape: number[];
}

export function nd(data: number[], shape: number[] = [data.length]): Nd {
  if (size(shape) !== data.length) throw new Error(`nd: ${data.length} values do not fill [${shape}]`);
  return { data, shape };
}

export function size(shape: readonly number[]): number {
  return shape.reduce((n, d) => n * d, 1);
}

export function stridesOf(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i];
  }
  return s;
}

export function unravel(flat: number, shape: readonly number[]): number[] {
  return stridesOf(shape).map((s, i) => Math.floor(flat / s) % shape[i]);
}

export function ravel(index: readonly number[], shape: readonly number[]): number {
  return stridesOf(shape).reduce((acc, s, i) => acc + s * index[i], 0);
}

/** Element-wise map. */
export function map(a: Nd, f: (v: number, i: number) => number): Nd {
  return { data: a.data.map(f), shape: [...a.shape] };
}

/** Element-wise binary op with NumPy broadcasting. */
export function zip(a: Nd, b: Nd, f: (x: number, y: number) => number): Nd {
  const rank = Math.max(a.shape.length, b.shape.length);
  const pad = (s: number[]) => [...new Array<number>(rank - s.length).fill(1), ...s];
  const sa = pad(a.shape);
  const sb = pad(b.shape);
  const shape = sa.map((d, i) => Math.max(d, sb[i]));
  const data = new Array<number>(size(shape));
  for (let i = 0; i < data.length; i++) {
    const idx = unravel(i, shape);
    const ia = ravel(idx.map((v, k) => (sa[k] === 1 ? 0 : v)), sa);
    const ib = ravel(idx.map((v, k) => (sb[k] === 1 ? 0 : v)), sb);
    data[i] = f(a.data[ia], b.data[ib]);
  }
  return { data, shape };
}

/** Element-wise function of three arrays with NumPy broadcasting (`where`). */
export function zip3(a: Nd, b: Nd, c: Nd, f: (x: number, y: number, z: number) => number): Nd {
  const ab = zip(a, b, () => 0);
  const shape = zip(ab, c, () => 0).shape;
  const rank = shape.length;
  const padded = (s: number[]) => [...new Array<number>(rank - s.length).fill(1), ...s];
  const pick = (x: Nd, idx: number[]) => {
    const s = padded(x.shape);
    return x.data[ravel(idx.map((v, k) => (s[k] === 1 ? 0 : v)), s)];
  };
  const data = Array.from({ length: size(shape) }, (_, i) => {
    const idx = unravel(i, shape);
    return f(pick(a, idx), pick(b, idx), pick(c, idx));
  });
  return { data, shape };
}

/** Reduces over `axes` with `f` over each group's values. */
export function reduce(a: Nd, axes: number[], keepDims: boolean, f: (values: number[]) => number): Nd {
  const kept = a.shape.map((d, i) => (axes.includes(i) ? 1 : d));
  const groups: number[][] = Array.from({ length: size(kept) }, () => []);
  a.data.forEach((v, i) => {
    const idx = unravel(i, a.shape).map((x, k) => (axes.includes(k) ? 0 : x));
    groups[ravel(idx, kept)].push(v);
  });
  const shape = keepDims ? kept : a.shape.filter((_, i) => !axes.includes(i));
  return { data: groups.map(f), shape };
}

export interface GradCase {
  /** Op name, used in failure messages. */
  op: string;
  /** Input values (rounded to float32 before use) and shapes. */
  inputs: Nd[];
  /** The engine function under test. */
  engine: (...xs: Tensor[]) => Tensor;
  /** The same function in plain JS, float64. */
  reference: (...xs: Nd[]) => Nd;
  /** The same function in TensorFlow.js, whose tf.grads is compared too (omit where tfjs lacks it). */
  tfReference?: (...xs: tf.Tensor[]) => tf.Tensor;
  /** Indices of the inputs to differentiate (default: all). */
  wrt?: number[];
  /** Relative tolerance (default: per backend, see gradTolerance). */
  tol?: number;
  /** Finite-difference step relative to |x| (to 1 at x = 0); default 1e-6. */
  step?: number;
}

export interface GradReport {
  forward: number;
  finiteDifference: number;
  tfGrad: number | null;
}

/** Default relative tolerance: float32 on cpu and wasm; WebGL on a software GPU is looser. */
export function gradTolerance(backend: BackendName): number {
  return backend === 'webgl' ? 1e-2 : 1e-3;
}

/** Largest relative error of `actual` against `expected`, with a floor of 1e-3 × max|expected|. */
export function maxRelativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  if (actual.length !== expected.length) return Infinity;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) scale = Math.max(scale, Math.abs(expected[i]));
  const floor = Math.max(1e-3 * scale, 1e-37);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const e = expected[i];
    if (a === e) continue; // also equal infinities
    const err = Math.abs(a - e) / Math.max(Math.abs(e), floor);
    worst = Math.max(worst, Number.isNaN(err) ? Infinity : err);
  }
  return worst;
}

/**
 * Checks forward values and gradients of one op case on the current backend; throws an Error
 * naming the op when an error exceeds the tolerance or when tfjs memory is not returned.
 */
export function gradcheck(backend: BackendName, c: GradCase): GradReport {
  const tol = c.tol ?? gradTolerance(backend);
  const wrt = c.wrt ?? c.inputs.map((_, i) => i);
  const xs: Nd[] = c.inputs.map((x) => ({ data: Array.from(Float32Array.from(x.data)), shape: [...x.shape] }));
  const expected = c.reference(...xs);
  const rng = new Random(7);
  const weights = expected.data.map(() => (rng.next() < 0.5 ? -1 : 1) * rng.uniform(0.5, 1.5));

  const before = tf.memory().numTensors;
  const { value, shape, grads } = tidy(() => {
    const inputs = xs.map((x, i) => tensor(x.data, x.shape, { requiresGrad: wrt.includes(i) }));
    const y = c.engine(...inputs);
    y.backward(tf.tensor(weights, y.shape, 'float32'));
    return {
      value: Array.from(y.data()),
      shape: [...y.shape],
      grads: inputs.map((x) => (x.grad ? Array.from(x.grad.data()) : null)),
    };
  });
  const after = tf.memory().numTensors;
  if (after !== before) throw new Error(`${c.op}: ${after - before} tfjs tensors left after forward and backward in tidy`);
  if (shape.join() !== expected.shape.join()) {
    throw new Error(`${c.op}: output shape [${shape}], reference [${expected.shape}]`);
  }

  const report: GradReport = { forward: maxRelativeError(value, expected.data), finiteDifference: 0, tfGrad: null };
  if (!(report.forward <= tol)) throw new Error(`${c.op} [${backend}]: forward max relative error ${report.forward} > ${tol}`);

  const step = c.step ?? 1e-6;
  for (const k of wrt) {
    const numeric = xs[k].data.map((v, j) => {
      // Relative to |x| so that x ± h keeps its sign even for tiny inputs (log of 1e-30).
      const h = step * (Math.abs(v) || 1);
      const shifted = (delta: number) => xs.map((x, i) => (i === k ? { ...x, data: x.data.map((u, m) => (m === j ? u + delta : u)) } : x));
      // Differences per output entry before weighting: a large entry the step does not touch
      // would otherwise swamp the difference in rounding error.
      const up = c.reference(...shifted(h)).data;
      const down = c.reference(...shifted(-h)).data;
      return up.reduce((acc, u, i) => acc + (u === down[i] ? 0 : weights[i] * (u - down[i])), 0) / (2 * h);
    });
    const analytic = grads[k];
    if (!analytic) throw new Error(`${c.op}: input ${k} received no gradient`);
    const err = maxRelativeError(analytic, numeric);
    report.finiteDifference = Math.max(report.finiteDifference, err);
    if (!(err <= tol)) {
      throw new Error(`${c.op} [${backend}]: gradient of input ${k} vs float64 finite differences: max relative error ${err} > ${tol} (engine [${analytic.slice(0, 6)}], reference [${numeric.slice(0, 6)}])`);
    }
  }

  if (c.tfReference) {
    const tfGrads = tf.tidy(() => {
      const inputs = xs.map((x) => tf.tensor(x.data, x.shape, 'float32'));
      const dy = tf.tensor(weights, expected.shape, 'float32');
      return tf.grads((...args: tf.Tensor[]) => c.tfReference!(...args))(inputs, dy).map((g) => Array.from(g.dataSync()));
    });
    report.tfGrad = 0;
    for (const k of wrt) {
      const err = maxRelativeError(grads[k]!, tfGrads[k]);
      report.tfGrad = Math.max(report.tfGrad, err);
      if (!(err <= tol)) throw new Error(`${c.op} [${backend}]: gradient of input ${k} vs tf.grads: max relative error ${err} > ${tol}`);
    }
  }
  if (tf.memory().numTensors !== before) throw new Error(`${c.op}: tfjs tensors leaked by the tf.grads comparison`);
  return report;
}

/** Deterministic test values in [lo, hi), away from the given kinks by at least `margin`. */
export function sample(n: number, seed: number, lo = -2, hi = 2, kinks: number[] = [], margin = 0.05): number[] {
  const rng = new Random(seed);
  const out: number[] = [];
  while (out.length < n) {
    const v = rng.uniform(lo, hi);
    if (kinks.every((k) => Math.abs(v - k) >= margin)) out.push(v);
  }
  return out;
}
