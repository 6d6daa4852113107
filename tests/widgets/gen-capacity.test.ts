// The capacity figure's model: the float64 least-squares solver against hand-solved cases and its
// defining equations, the minimum-norm property past the interpolation threshold, the two bases,
// k-fold splitting, seeded determinism, extreme settings, and double descent at the defaults.
import { describe, expect, it } from 'vitest';
import { initEngine, liveTensorCount } from '../../src/engine/index.ts';
import { initialState } from '../../src/book/urlState.ts';
import { designMatrix, MAX_WIDTH, reluLayer } from '../../src/models/generalisation/capacity/features.ts';
import { matrix, multiply, ridgeFit, type Matrix } from '../../src/models/generalisation/capacity/leastSquares.ts';
import { CAPACITY_DEFAULTS, capacityNumbers } from '../../src/models/generalisation/capacity/numbers.ts';
import { drawSample } from '../../src/models/generalisation/capacity/sample.ts';
import { capacitySweep, kFolds, type SweepOptions } from '../../src/models/generalisation/capacity/sweep.ts';
import { capacityCurveSchema, lambdaToSlider, sliderToLambda } from '../../src/widgets/CapacityCurve/useCapacityCurve.ts';
import { mse } from '../../src/widgets/CapacityCurve/strings.ts';
import { Random } from '../../src/engine/index.ts';

const defaults: SweepOptions = { family: 'relu', ...CAPACITY_DEFAULTS };
const norm = (w: ArrayLike<number>) => Math.hypot(...Array.from(w));
const randomMatrix = (rows: number, cols: number, seed: number): Matrix => {
  const r = new Random(seed);
  return matrix(rows, cols, () => r.normal());
};
const randomVector = (length: number, seed: number) => {
  const r = new Random(seed);
  return Float64Array.from({ length }, () => r.normal());
};
/** Φᵀv, written out. */
const transposeTimes = (phi: Matrix, v: Float64Array) =>
  Float64Array.from({ length: phi.cols }, (_, j) => Array.from(v).reduce((s, vi, i) => s + phi.data[i * phi.cols + j] * vi, 0));

describe('least squares in float64', () => {
  it('fits the line through (0, 1), (1, 2), (2, 2): slope 1/2, intercept 7/6', () => {
    // By hand: x̄ = 1, ȳ = 5/3, slope = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)² = (2/3 + 1/3) / 2.
    const phi = matrix(3, 2, (i, j) => (j === 0 ? 1 : i));
    const w = ridgeFit(phi, Float64Array.of(1, 2, 2), 0)!;
    expect(w[0]).toBeCloseTo(7 / 6, 8);
    expect(w[1]).toBeCloseTo(0.5, 8);
  });

  it('leaves a residual orthogonal to every column (the normal equations)', () => {
    const phi = randomMatrix(20, 6, 3);
    const y = randomVector(20, 4);
    const w = ridgeFit(phi, y, 0)!;
    const residual = multiply(phi, w).map((v, i) => y[i] - v);
    const scale = norm(phi.data) * norm(y);
    for (const c of transposeTimes(phi, residual)) expect(Math.abs(c) / scale).toBeLessThan(1e-8);
  });

  it('with a ridge penalty satisfies (ΦᵀΦ + nλI)w = Φᵀy on both sides of the threshold', () => {
    for (const [n, p] of [
      [15, 5],
      [5, 15],
    ]) {
      const phi = randomMatrix(n, p, 5);
      const y = randomVector(n, 6);
      const lambda = 0.1;
      const w = ridgeFit(phi, y, lambda)!;
      const lhs = transposeTimes(phi, multiply(phi, w)).map((v, j) => v + n * lambda * w[j]);
      const rhs = transposeTimes(phi, y);
      lhs.forEach((v, j) => expect(v).toBeCloseTo(rhs[j], 6));
    }
  });

  it('past the threshold takes the interpolant of smallest norm', () => {
    // One equation 3a + 4b = 5: the minimum-norm solution is (3, 4)·5/25 = (0.6, 0.8), of norm 1,
    // where (5/3, 0) also solves it, with norm 5/3.
    const w = ridgeFit(matrix(1, 2, (_, j) => [3, 4][j]), Float64Array.of(5), 0)!;
    expect(w[0]).toBeCloseTo(0.6, 8);
    expect(w[1]).toBeCloseTo(0.8, 8);

    // 5 equations, 12 unknowns: another interpolant uses only the first 5 columns (a square system).
    const phi = randomMatrix(5, 12, 7);
    const y = randomVector(5, 8);
    const least = ridgeFit(phi, y, 0)!;
    const square = ridgeFit(phi, y, 0, 5)!;
    const other = Float64Array.from({ length: 12 }, (_, j) => (j < 5 ? square[j] : 0));
    multiply(phi, least).forEach((v, i) => expect(v).toBeCloseTo(y[i], 6));
    multiply(phi, other).forEach((v, i) => expect(v).toBeCloseTo(y[i], 6));
    expect(norm(least)).toBeLessThan(norm(other));
    // And no interpolant w + z, z in the null space of Φ, is smaller: w lies in Φ's row space, so
    // moving along the null space (w − other is in it) only adds to ‖w‖².
    const z = least.map((v, j) => other[j] - v);
    expect(Math.abs(least.reduce((s, v, j) => s + v * z[j], 0))).toBeLessThan(1e-8);
  });

  it('gives w = 0 for features that are zero on every point, and refuses non-finite input', () => {
    expect(Array.from(ridgeFit(matrix(4, 3, () => 0), Float64Array.of(1, 2, 3, 4), 0)!)).toEqual([0, 0, 0]);
    expect(ridgeFit(matrix(3, 2, (i, j) => (i === 1 && j === 1 ? NaN : 1)), Float64Array.of(1, 2, 3), 0)).toBeNull();
  });
});

describe('the two bases', () => {
  it('polynomial rows are the Legendre polynomials', () => {
    const xs = Float64Array.of(-1, -0.3, 0.5, 1);
    const phi = designMatrix('polynomial', xs);
    xs.forEach((x, i) => {
      const row = phi.data.subarray(i * phi.cols);
      expect(row[0]).toBe(1);
      expect(row[1]).toBeCloseTo(x, 12);
      expect(row[2]).toBeCloseTo((3 * x ** 2 - 1) / 2, 12);
      expect(row[3]).toBeCloseTo((5 * x ** 3 - 3 * x) / 2, 12);
      expect(row[4]).toBeCloseTo((35 * x ** 4 - 30 * x ** 2 + 3) / 8, 12);
      expect(Math.abs(row[24])).toBeLessThanOrEqual(1 + 1e-12); // |P_k| ≤ 1 on [−1, 1]
    });
  });

  it('random features are hinges relu(±(x − c)) with every kink inside [−1, 1], the same for every sample', () => {
    const layer = reluLayer();
    const xs = Float64Array.of(-0.9, 0.2, 0.7);
    const phi = designMatrix('relu', xs, layer);
    for (let j = 0; j < MAX_WIDTH; j++) {
      expect(Math.abs(layer.a[j])).toBe(1);
      expect(Math.abs(-layer.b[j] / layer.a[j])).toBeLessThanOrEqual(1);
      xs.forEach((x, i) => expect(phi.data[i * MAX_WIDTH + j]).toBe(Math.max(0, layer.a[j] * x + layer.b[j])));
    }
    expect(Array.from(reluLayer().b)).toEqual(Array.from(layer.b));
  });
});

describe('samples, folds and the sweep', () => {
  it('k-fold splitting puts each point in exactly one fold, the folds as even as can be', () => {
    for (let n = 5; n <= 40; n++) {
      for (let k = 2; k <= 10; k++) {
        const folds = kFolds(n, k);
        expect(folds).toHaveLength(Math.min(n, k));
        expect(folds.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
        const sizes = folds.map((f) => f.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('the same seed gives the same sample and sweep; another seed another; more points extend a sample', () => {
    const a = capacitySweep({ ...defaults, family: 'polynomial' });
    const b = capacitySweep({ ...defaults, family: 'polynomial' });
    expect(Array.from(a.sample.train.y)).toEqual(Array.from(b.sample.train.y));
    expect(a.fits.map((f) => f.test)).toEqual(b.fits.map((f) => f.test));
    expect(drawSample(2, 12, 0.2).train.y[0]).not.toBe(a.sample.train.y[0]);
    // One point in each of n strips of [−1, 1]; σ scales the same noise.
    const sample = drawSample(1, 12, 0.2);
    sample.train.x.forEach((x, i) => expect(Math.floor(((x + 1) / 2) * 12)).toBe(i));
    const quiet = drawSample(1, 12, 0.1);
    sample.train.y.forEach((y, i) => expect(quiet.train.y[i] - Math.sin(Math.PI * quiet.train.x[i])).toBeCloseTo((y - Math.sin(Math.PI * sample.train.x[i])) / 2, 12));
  });

  it('fits every training point from the interpolation threshold on: p = n for polynomials, within two of it for hinges', () => {
    // n distinct points: the n×n Legendre system is invertible. A hinge can add nothing new on the
    // data (a kink beyond every point is a straight line there), so the ReLU model may need a
    // feature or two more.
    const { n } = CAPACITY_DEFAULTS;
    for (const [family, from] of [
      ['polynomial', n],
      ['relu', n + 2],
    ] as const) {
      const sweep = capacitySweep({ ...defaults, family, skipCv: true });
      for (const f of sweep.fits.filter((f) => f.parameters >= from)) expect(f.train).toBeLessThan(1e-8);
      expect(sweep.fits[n - 3].train).toBeGreaterThan(1e-5); // p = n − 2: not zero yet
    }
  });

  it('gives finite errors and curves at every extreme of the sliders', () => {
    for (const family of ['polynomial', 'relu'] as const) {
      for (const [n, noise, lambda, folds] of [
        [5, 0, 0, 10],
        [40, 0.5, 0, 2],
        [5, 0.5, 1, 5],
        [40, 0, 1e-7, 10],
      ]) {
        const sweep = capacitySweep({ family, n, noise, lambda, folds, seed: 9999 });
        for (const f of sweep.fits) {
          for (const v of [f.train, f.validation, f.cv, f.test, f.weightNorm]) expect(Number.isFinite(v)).toBe(true);
          expect(f.curve.every(Number.isFinite)).toBe(true);
        }
      }
    }
    for (const v of [NaN, Infinity, 0, 1e-14, 2.5e6]) expect(mse(v)).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('creates no tensors', async () => {
    await initEngine({ prefer: 'cpu' });
    const before = liveTensorCount();
    capacitySweep({ ...defaults, skipCv: true });
    expect(liveTensorCount()).toBe(before);
  });
});

describe('double descent at the defaults', () => {
  it('random features: the test error peaks at p ≈ n and falls well below the peak past it', () => {
    const { n } = CAPACITY_DEFAULTS;
    const test = capacitySweep(defaults).fits.map((f) => f.test);
    const peak = test.indexOf(Math.max(...test)) + 1;
    expect(Math.abs(peak - n)).toBeLessThanOrEqual(2);
    expect(test[peak - 1]).toBeGreaterThan(10 * Math.min(...test.slice(0, n - 3)));
    expect(test[peak - 1]).toBeGreaterThan(10 * test[MAX_WIDTH - 1]);
    expect(test[MAX_WIDTH - 1]).toBeLessThan(test[n + 4]);
  });

  it('the peak is there on average over samples too, and a ridge penalty flattens it', () => {
    const { n } = CAPACITY_DEFAULTS;
    const mean = new Float64Array(MAX_WIDTH);
    for (let seed = 1; seed <= 10; seed++) capacitySweep({ ...defaults, seed, skipCv: true }).fits.forEach((f, i) => (mean[i] += f.test / 10));
    const peak = mean.indexOf(Math.max(...mean.slice(n - 6, n + 6)));
    expect(Math.abs(peak + 1 - n)).toBeLessThanOrEqual(2);
    expect(mean[peak]).toBeGreaterThan(10 * mean[MAX_WIDTH - 1]);
    const ridge = capacitySweep({ ...defaults, lambda: 1e-3, skipCv: true }).fits;
    expect(ridge[n - 1].test).toBeLessThan(capacitySweep({ ...defaults, skipCv: true }).fits[n - 1].test / 10);
  });

  it('the chapter numbers: degree 3 beats 1 and 11, the ReLU peak at n', () => {
    const r = capacityNumbers();
    expect(r.polynomial.testAtDegree[3]).toBeLessThan(r.polynomial.testAtDegree[1]);
    expect(r.polynomial.testAtDegree[11]).toBeGreaterThan(10 * r.polynomial.testAtDegree[3]);
    expect(r.polynomial.trainAtDegree[11]).toBeLessThan(1e-8);
    expect(Math.abs(r.relu.peakWidth - r.n)).toBeLessThanOrEqual(2);
    expect(r.relu.thresholdTestWithRidge).toBeLessThan(r.relu.testAtPeak / 10);
  });
});

describe('the figure’s state', () => {
  it('starts at degree 3 of a polynomial, 12 points, σ = 0.2, no penalty, 5 folds, sample 1', () => {
    expect(initialState(capacityCurveSchema, {}).state).toEqual({ family: 'polynomial', degree: 3, width: 6, n: 12, noise: 0.2, lambda: 0, folds: 5, seed: 1 });
    expect(initialState(capacityCurveSchema, { degree: 99, n: 2, lambda: -1 }).state).toMatchObject({ degree: 24, n: 5, lambda: 0 });
  });

  it('the ridge slider’s leftmost stop is λ = 0 and its others powers of ten', () => {
    expect(sliderToLambda(lambdaToSlider(0))).toBe(0);
    expect(sliderToLambda(lambdaToSlider(1e-3))).toBe(1e-3);
    expect(sliderToLambda(0)).toBe(1);
    expect(sliderToLambda(-7)).toBe(1e-7);
  });
});
