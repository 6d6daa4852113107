// Pure helpers for drawing the two networks' pictures: no engine, no React.

export interface AffineMap {
  /** Weights of x₁ and x₂. */
  W: number[];
  b: number;
}

/**
 * The line x·W + b = 0 as two points on the edges of the square [−extent, extent]², or null when
 * W is (numerically) zero and the map has no boundary. Solved for whichever coordinate has the
 * larger weight, so a steep line is not computed by dividing by a tiny number.
 */
export function boundaryLine({ W, b }: AffineMap, extent: number): [[number, number], [number, number]] | null {
  const [w1, w2] = W;
  if (!(Math.abs(w1) > 1e-12 || Math.abs(w2) > 1e-12) || !Number.isFinite(w1 + w2 + b)) return null;
  if (Math.abs(w2) >= Math.abs(w1)) {
    const at = (x1: number): [number, number] => [x1, -(b + w1 * x1) / w2];
    return [at(-extent), at(extent)];
  }
  const at = (x2: number): [number, number] => [-(b + w2 * x2) / w1, x2];
  return [at(-extent), at(extent)];
}

/** Points with their labels as the plot's dots: class 0 and class 1. */
export function labelledDots(points: number[][], labels: number[]): { x: number; y: number; cls: number }[] {
  return points.map(([x, y], i) => ({ x, y, cls: labels[i] > 0.5 ? 1 : 0 }));
}
