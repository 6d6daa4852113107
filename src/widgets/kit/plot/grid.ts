// The grid a surface is sampled on, without React: what a training job (which may run in a worker)
// computes its pictures on, and what HeatMap and Contours draw. `values[j*cols+i]` is the value at
// the centre of cell (i, j), with i along x and j along y from the bottom.

export interface Extent {
  x: readonly [number, number];
  y: readonly [number, number];
}

/** The centre of cell (i, j) of a cols × rows grid covering `extent`: column i along x, row j along y from the bottom. */
export function cellCenter(extent: Extent, cols: number, rows: number, i: number, j: number): [number, number] {
  return [extent.x[0] + ((i + 0.5) * (extent.x[1] - extent.x[0])) / cols, extent.y[0] + ((j + 0.5) * (extent.y[1] - extent.y[0])) / rows];
}

/** The centres of a cols × rows grid of cells covering `extent`, row-major from the bottom row. */
export function gridCenters(extent: Extent, cols: number, rows: number): [number, number][] {
  const out: [number, number][] = [];
  for (let j = 0; j < rows; j++) for (let i = 0; i < cols; i++) out.push(cellCenter(extent, cols, rows, i, j));
  return out;
}

/**
 * Contour levels for a surface: its minimum (so the innermost band is filled too), then `count`
 * levels spaced quadratically, denser near the minimum, so that a valley's shape shows even where
 * the surface rises steeply towards the corners. Empty for a flat or non-finite surface.
 */
export function contourLevels(values: readonly number[], count = 12): number[] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [];
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  if (!(hi > lo)) return [];
  return [lo, ...Array.from({ length: count }, (_, k) => lo + (hi - lo) * ((k + 1) / (count + 1)) ** 2)];
}
