// The loss surface over (w, b) that the arrows are drawn on: the mean squared error of every line
// of a grid in one batched engine pass (predictions [cells, N]).
import { add, mean, mul, square, sub, tensor, tidy } from '../../engine/index.ts';
import { gridCenters } from '../kit/plot/grid.ts';
import { B_RANGE, W_RANGE, type Sample } from './problem.ts';

export const SURFACE = { cols: 48, rows: 48 };

/** The loss at the centre of each grid cell, row by row from the bottom (the kit's convention). */
export function lossSurface(sample: Sample, grid = SURFACE): number[] {
  const centres = gridCenters({ x: W_RANGE, y: B_RANGE }, grid.cols, grid.rows);
  const cells = centres.length;
  const n = sample.x.length;
  return tidy(() => {
    const w = tensor(Float32Array.from(centres, ([cw]) => cw), [cells, 1]);
    const b = tensor(Float32Array.from(centres, ([, cb]) => cb), [cells, 1]);
    const x = tensor(sample.x, [1, n]);
    const y = tensor(sample.y, [1, n]);
    return Array.from(mean(square(sub(add(mul(w, x), b), y)), 1).data());
  });
}

