// The orthogonal initialiser (Saxe, McClelland & Ganguli 2014): (semi-)orthogonality, gain,
// seeding, uniform (Haar) distribution, and what it is for: a deep linear stack that keeps the
// length of every input, where a Gaussian stack with the "right" variance 1/n does not.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { Linear, Sequential, init } from '../../src/engine/nn';
import { Random } from '../../src/engine/random';
import { tensor, tidy } from '../../src/engine/tensor';
import { describeEachBackend } from '../support/backends';

/** The weight as a float64 matrix [prod(shape[:-1]), shape[-1]], then freed. */
function matrix(t: tf.Tensor): number[][] {
  const cols = t.shape[t.shape.length - 1];
  const v = Array.from(t.dataSync());
  t.dispose();
  return Array.from({ length: v.length / cols }, (_, r) => v.slice(r * cols, (r + 1) * cols));
}

/** Largest |(AᵀA or AAᵀ, the smaller) − s·I| entry, in float64. */
function gramError(a: number[][], s = 1): number {
  const tall = a.length >= a[0].length;
  const vecs = tall ? a[0].map((_, c) => a.map((row) => row[c])) : a;
  let worst = 0;
  for (let i = 0; i < vecs.length; i++) {
    for (let j = 0; j < vecs.length; j++) {
      const dot = vecs[i].reduce((acc, v, k) => acc + v * vecs[j][k], 0);
      worst = Math.max(worst, Math.abs(dot - (i === j ? s : 0)));
    }
  }
  return worst;
}

describe('orthogonal initialisation', () => {
  it('gives orthonormal columns for tall weights and orthonormal rows for wide ones', () => {
    // Dense [in, out] both ways, square, a convolution kernel (matrix [3·3·2, 4]) and a wide one.
    for (const shape of [[5, 3], [3, 5], [16, 16], [3, 3, 2, 4], [2, 12]]) {
      const w = matrix(init.orthogonal(shape, { rng: new Random(1) }));
      expect(gramError(w), `shape [${shape}]`).toBeLessThan(1e-5);
    }
    expect(() => init.orthogonal([4])).toThrow(/orthogonal: a weight needs at least 2 axes/);
  });

  it('scales by the gain, by name through Linear, and as a function for another gain', () => {
    expect(gramError(matrix(init.orthogonal([6, 4], { rng: new Random(2), gain: 2 })), 4)).toBeLessThan(4e-5);
    const named = new Linear(6, 4, { init: 'orthogonal', rng: new Random(3) });
    expect(gramError(matrix(named.weight.value.clone()))).toBeLessThan(1e-5);
    expect(named.stateDict().bias.values).toEqual([0, 0, 0, 0]);
    const relu = new Linear(4, 4, { init: (shape, rng) => init.orthogonal(shape, { rng, gain: init.gain('relu') }) });
    expect(gramError(matrix(relu.weight.value.clone()), 2)).toBeLessThan(2e-5);
    named.dispose();
    relu.dispose();
  });

  it('is the same for the same seed, different for another', () => {
    const a = matrix(init.orthogonal([6, 4], { rng: new Random(5) }));
    const b = matrix(init.orthogonal([6, 4], { rng: new Random(5) }));
    const c = matrix(init.orthogonal([6, 4], { rng: new Random(6) }));
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('is uniformly distributed: an entry of a 4 × 4 draw has mean 0 and mean square 1/4', () => {
    // For Haar-distributed Q, Q₀₀² ~ Beta(½, 3/2): mean ¼, sd ¼. Without the sign correction by
    // diag(R), a QR routine's Q leans towards one sign on the diagonal and the mean is not 0.
    const rng = new Random(7);
    const draws = Array.from({ length: 400 }, () => matrix(init.orthogonal([4, 4], { rng }))[0][0]);
    const mean = draws.reduce((s, v) => s + v, 0) / draws.length;
    const square = draws.reduce((s, v) => s + v * v, 0) / draws.length;
    expect(Math.abs(mean)).toBeLessThan(0.1); // 4 standard errors (0.025)
    expect(Math.abs(square - 0.25)).toBeLessThan(0.05); // 4 standard errors (0.0125)
  });
});

describeEachBackend('orthogonal initialisation in a deep linear stack', () => {
  it('50 orthogonal 32 × 32 layers keep every input’s length; Gaussian ones with variance 1/32 do not', () => {
    const before = tf.memory().numTensors;
    const [width, depth, batch] = [32, 50, 8];
    const stack = (weightInit: init.Init) => {
      const rng = new Random(1);
      return new Sequential(...Array.from({ length: depth }, () => new Linear(width, width, { bias: false, init: weightInit, rng })));
    };
    const gaussian = (shape: number[], rng: Random) => init.normal(shape, 0, 1 / Math.sqrt(width), rng);
    const xs = Array.from(new Random(101).normalArray(batch * width));
    /** ‖output‖ / ‖input‖ for each input of the batch. */
    const gains = (model: Sequential) =>
      tidy(() => {
        const y = model.forward(tensor(xs, [batch, width])).toArray() as number[][];
        return y.map((row, i) => Math.hypot(...row) / Math.hypot(...xs.slice(i * width, (i + 1) * width)));
      });
    const orthogonal = stack('orthogonal');
    const normal = stack(gaussian);
    const kept = gains(orthogonal);
    const drifted = gains(normal);
    // Float32 rounding over 50 matmuls only.
    expect(Math.max(...kept.map((g) => Math.abs(g - 1)))).toBeLessThan(1e-4);
    // E‖Wx‖² = ‖x‖² for each Gaussian layer, yet a given input's length drifts, differently for
    // each input, and typically shrinks: ‖Wx‖²/‖x‖² is χ²₃₂/32, so E log(gain) per layer is
    // ½(ψ(16) − ln 16), with ψ(16) = H₁₅ − γ (Euler's γ).
    expect(Math.max(...drifted.map((g) => Math.abs(g - 1)))).toBeGreaterThan(0.5);
    expect(Math.max(...drifted) / Math.min(...drifted)).toBeGreaterThan(3);
    const harmonic15 = Array.from({ length: 15 }, (_, i) => 1 / (i + 1)).reduce((s, v) => s + v, 0);
    const expectedLogGain = (depth / 2) * (harmonic15 - 0.5772156649 - Math.log(width / 2));
    const meanLogGain = drifted.reduce((s, g) => s + Math.log(g), 0) / batch;
    expect(Math.abs(meanLogGain - expectedLogGain)).toBeLessThan(0.5);
    orthogonal.dispose();
    normal.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
