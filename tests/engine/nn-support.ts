// Shared checks for the layer, loss and optimiser tests: central finite differences against the
// engine's analytic gradients, and a fixed random projection that turns any output into a scalar.
import * as tf from '@tensorflow/tfjs-core';
import { expect } from 'vitest';
import { mul, sum } from '../../src/engine/ops';
import { Random } from '../../src/engine/random';
import { fromTf, tidy, type Tensor } from '../../src/engine/tensor';
import type { BackendName } from '../support/backends';

/** sum(y ⊙ R) for a fixed random R: a scalar whose gradient reaches every output entry differently. */
export function project(y: Tensor, seed = 7): Tensor {
  const r = new Random(seed);
  return sum(mul(y, fromTf(tf.tensor(r.uniformArray(y.size, -1, 1), y.shape, 'float32'))));
}

export interface GradCheckOptions {
  /** Finite-difference step. */
  h?: number;
  /** At most this many entries per tensor are checked (chosen at random), to keep tests quick. */
  maxEntries?: number;
  backend: BackendName;
}

/**
 * Checks the analytic gradient of `loss()` with respect to each variable-backed tensor in `wrt`
 * against central differences (f(θ+h) − f(θ−h)) / 2h. `loss` is re-run under each perturbation,
 * so it must be a pure function of the tensors' values.
 */
export function gradCheck(loss: () => Tensor, wrt: Tensor[], opts: GradCheckOptions): void {
  const h = opts.h ?? 1e-2;
  const maxEntries = opts.maxEntries ?? 12;
  // SwiftShader's WebGL can run reduced-precision paths: allow it a wider margin.
  const [atol, rtol] = opts.backend === 'webgl' ? [2e-2, 5e-2] : [4e-3, 2e-2];
  const analytic = tf.tidy(() => {
    for (const t of wrt) t.grad = null;
    const l = loss();
    l.backward();
    return wrt.map((t) => {
      if (!t.grad) throw new Error(`gradCheck: no gradient reached ${t.name ?? 'a tensor'}`);
      return Array.from(t.grad.value.dataSync());
    });
  });
  for (const t of wrt) t.grad = null;
  const pick = new Random(11);
  wrt.forEach((t, k) => {
    const variable = t.value as tf.Variable;
    const base = Float32Array.from(variable.dataSync());
    const entries = base.length <= maxEntries ? [...base.keys()] : pick.permutation(base.length).slice(0, maxEntries);
    for (const i of entries) {
      const at = (delta: number) => {
        const moved = Float32Array.from(base);
        moved[i] += delta;
        tf.tidy(() => variable.assign(tf.tensor(moved, variable.shape, 'float32')));
        return tidy(() => loss().item());
      };
      const numeric = (at(h) - at(-h)) / (2 * h);
      tf.tidy(() => variable.assign(tf.tensor(base, variable.shape, 'float32')));
      const a = analytic[k][i];
      const ok = Math.abs(a - numeric) <= atol + rtol * Math.max(Math.abs(a), Math.abs(numeric));
      expect(ok, `${t.name ?? `tensor ${k}`}[${i}]: analytic ${a}, numeric ${numeric}`).toBe(true);
    }
  });
}

/** Element-wise closeness of two flat arrays, with the first mismatch named. */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number, what = 'value'): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const ok = Math.abs(actual[i] - expected[i]) <= tol * Math.max(1, Math.abs(expected[i]));
    expect(ok, `${what}[${i}]: got ${actual[i]}, expected ${expected[i]}`).toBe(true);
  }
}

/** Fixed pseudo-random values in [lo, hi), for inputs. */
export function randomValues(n: number, seed: number, lo = -1, hi = 1): Float32Array {
  return new Random(seed).uniformArray(n, lo, hi);
}
