// The inputs a Lab network is given, each computed from a point's two coordinates: the coordinates
// themselves, their squares and product, and their sines. A network of no hidden layer on x₁² and
// x₂² already separates a disc from a ring; that is what feature choice teaches.
import { FEATURES, type LabData, type LabFeature, type LabPoint } from './spec.ts';

/** The features of a one-dimensional set: those that read x₁ alone (x₂ is always 0 there). */
const ONE_DIMENSIONAL_FEATURES: readonly LabFeature[] = ['x1', 'x1sq', 'sinx1'];

/** The value of feature `f` at the point (x1, x2). */
export function featureValue(f: LabFeature, x1: number, x2: number): number {
  switch (f) {
    case 'x1':
      return x1;
    case 'x2':
      return x2;
    case 'x1sq':
      return x1 * x1;
    case 'x2sq':
      return x2 * x2;
    case 'x1x2':
      return x1 * x2;
    case 'sinx1':
      return Math.sin(x1);
    case 'sinx2':
      return Math.sin(x2);
  }
  throw new Error(`featureValue: unknown feature "${String(f)}"`);
}

/** The features of `points`, row-major [points, features]: row i holds point i's features in the order given. */
export function featureMatrix(points: readonly LabPoint[], features: readonly LabFeature[]): Float32Array {
  const width = features.length;
  const out = new Float32Array(points.length * width);
  points.forEach((p, i) => {
    features.forEach((f, j) => (out[i * width + j] = featureValue(f, p.x1, p.x2)));
  });
  return out;
}

/** The features that make sense for a data set: all of them, or those of x₁ alone for a curve. */
export function featuresFor(data: Pick<LabData, 'oneDimensional'>): readonly LabFeature[] {
  return data.oneDimensional ? ONE_DIMENSIONAL_FEATURES : FEATURES;
}
