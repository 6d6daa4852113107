// The Lab's input features, written out by hand at a few points, as single values and as the
// row-major matrix a network is given; and which features a one-dimensional set offers.
import { describe, expect, it } from 'vitest';
import { makeLabData } from '../../src/models/lab/data.ts';
import { featureMatrix, featuresFor, featureValue } from '../../src/models/lab/features.ts';
import { FEATURES } from '../../src/models/lab/spec.ts';

describe('features', () => {
  it('each feature at (2, −1), by hand', () => {
    // sin 2 = 0.909297, sin(−1) = −0.841471
    const expected = { x1: 2, x2: -1, x1sq: 4, x2sq: 1, x1x2: -2, sinx1: 0.909297, sinx2: -0.841471 };
    for (const f of FEATURES) expect(featureValue(f, 2, -1)).toBeCloseTo(expected[f], 6);
  });

  it('each feature at (−0.5, 3), by hand', () => {
    // sin(−0.5) = −0.479426, sin 3 = 0.141120
    const expected = { x1: -0.5, x2: 3, x1sq: 0.25, x2sq: 9, x1x2: -1.5, sinx1: -0.479426, sinx2: 0.14112 };
    for (const f of FEATURES) expect(featureValue(f, -0.5, 3)).toBeCloseTo(expected[f], 6);
  });

  it('the matrix holds a row per point, its features in the order asked for', () => {
    const points = [
      { x1: 2, x2: -1, y: 0 },
      { x1: -0.5, x2: 3, y: 1 },
      { x1: 0, x2: 0, y: 1 },
    ];
    const m = featureMatrix(points, ['x1x2', 'x2sq', 'sinx1', 'x1']);
    expect(m).toBeInstanceOf(Float32Array);
    const expected = [-2, 1, 0.909297, 2, -1.5, 9, -0.479426, -0.5, 0, 0, 0, 0];
    expect(m).toHaveLength(expected.length);
    expected.forEach((v, i) => expect(m[i]).toBeCloseTo(v, 6));
    expect(featureMatrix([], ['x1', 'x2'])).toHaveLength(0);
    expect(featureMatrix(points, [])).toHaveLength(0);
  });

  it('a one-dimensional set offers only the features of x₁; the others, all seven', () => {
    const curve = makeLabData({ set: 'curve', classes: 1, noise: 0, trainFraction: 0.5, seed: 1 });
    expect(featuresFor(curve)).toEqual(['x1', 'x1sq', 'sinx1']);
    // None of them changes with x₂.
    for (const f of featuresFor(curve)) expect(featureValue(f, 1.3, 5)).toBe(featureValue(f, 1.3, 0));
    expect(featuresFor(makeLabData({ set: 'blobs', classes: 3, noise: 0, trainFraction: 0.5, seed: 1 }))).toEqual(FEATURES);
  });
});
