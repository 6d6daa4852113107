// The contour map's numbers: f on a grid over the plotted region, computed once per landscape by
// the engine (the same f the racers differentiate), and the contour levels, spaced by factors
// rather than by steps because these surfaces span many powers of ten.
import { noGrad, tensor, tidy } from '../../engine/index.ts';
import { gridCenters } from '../kit/plot/grid.ts';
import type { Landscape } from './landscapes.ts';

/** Cells along each side of the grid. */
export const SURFACE_GRID = 80;
/** Contour levels drawn. */
export const LEVELS = 14;
/** The levels span this many powers of ten below the grid's highest value (above its lowest). */
const DECADES = 4;

/** f at the centre of every cell, row-major from the bottom row (Contours' layout); not-finite kept. */
export function surfaceValues(landscape: Landscape, grid = SURFACE_GRID): number[] {
  const cells = gridCenters(landscape.extent, grid, grid);
  return tidy(() =>
    noGrad(() => {
      const x = tensor(cells.map((c) => c[0]));
      const y = tensor(cells.map((c) => c[1]));
      return Array.from(landscape.f(x, y).data());
    }),
  );
}

/**
 * Levels for the contour map: from the lowest value (f_min where it is known, else the grid's
 * lowest) upwards in equal ratios, DECADES powers of ten up to the grid's highest value.
 */
export function contourLevels(values: readonly number[], fMin: number | null, count = LEVELS): number[] {
  const seen = values.filter(Number.isFinite);
  if (seen.length === 0) return [];
  const lo = fMin ?? Math.min(...seen);
  const span = Math.max(...seen) - lo;
  if (!(span > 0)) return [];
  const ratio = 10 ** (DECADES / (count - 1));
  return Array.from({ length: count }, (_, k) => lo + span * 10 ** -DECADES * ratio ** k);
}
