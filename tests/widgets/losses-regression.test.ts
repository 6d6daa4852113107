// RegressionLoss's logic in Node: the engine's three losses, the loss surface and each descent
// step against float64 references written here; the fit against the closed-form least-squares
// line; the residual shapes; and memory returning to its baseline.
import { beforeAll, describe, expect, it } from 'vitest';
import { initEngine, liveTensorCount } from '../../src/engine/index.ts';
import {
  contourLevels,
  descentStep,
  FIT_MAX_STEPS,
  fitRate,
  fitSettled,
  gridLine,
  lossSurface,
  lossValues,
  OUTLIER,
  seededPoints,
  SURFACE_GRID,
  surfaceMinimum,
  type Line,
  type Point,
  type RegressionLossName,
} from '../../src/widgets/RegressionLoss/regression.ts';
import { residualKind, residualShapes } from '../../src/widgets/RegressionLoss/draw.ts';

beforeAll(async () => {
  await initEngine({ prefer: 'cpu' });
});

// float64 references
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
function reference(points: Point[], line: Line, delta: number): Record<RegressionLossName, number> {
  const r = points.map((p) => line.slope * p.x + line.intercept - p.y);
  return {
    mse: mean(r.map((d) => d * d)),
    mae: mean(r.map(Math.abs)),
    huber: mean(r.map((d) => (Math.abs(d) <= delta ? 0.5 * d * d : delta * (Math.abs(d) - 0.5 * delta)))),
  };
}
function leastSquares(points: Point[]): Line {
  const mx = mean(points.map((p) => p.x));
  const my = mean(points.map((p) => p.y));
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}
function fit(points: Point[], loss: RegressionLossName, delta = 1): Line {
  let line: Line = { slope: 0.5, intercept: 0 };
  for (let t = 0; t < FIT_MAX_STEPS; t++) {
    const next = descentStep(points, line, loss, delta, fitRate(t));
    const done = fitSettled(line, next);
    line = { slope: next.slope, intercept: next.intercept };
    if (done) break;
  }
  return line;
}

describe('RegressionLoss', () => {
  const points = seededPoints();

  it('draws the same twelve points every time, inside the plot', () => {
    expect(points).toHaveLength(12);
    expect(seededPoints()).toEqual(points);
    for (const p of points) expect(Math.abs(p.y)).toBeLessThan(6);
  });

  it('computes MSE, MAE and Huber as the float64 formulas do', () => {
    for (const [line, delta] of [
      [{ slope: 0.5, intercept: 0 }, 1],
      [{ slope: 1.2, intercept: 0.8 }, 0.3],
      [{ slope: -2, intercept: 4 }, 3],
    ] as [Line, number][]) {
      const got = lossValues([...points, OUTLIER], line, delta);
      const want = reference([...points, OUTLIER], line, delta);
      for (const k of ['mse', 'mae', 'huber'] as const) expect(got[k]).toBeCloseTo(want[k], 4);
    }
  });

  it('lays the surface out in the plot kit convention (cell centres, rows from the bottom)', () => {
    expect(gridLine(SURFACE_GRID, 0, 0).slope).toBeCloseTo(-2 + 6 / SURFACE_GRID.cols / 2, 10);
    expect(gridLine(SURFACE_GRID, 0, 0).intercept).toBeCloseTo(-4 + 8 / SURFACE_GRID.rows / 2, 10);
    expect(gridLine(SURFACE_GRID, 0, SURFACE_GRID.rows - 1).intercept).toBeCloseTo(4 - 8 / SURFACE_GRID.rows / 2, 10);
    for (const loss of ['mse', 'mae', 'huber'] as const) {
      const surface = lossSurface(points, loss, 1);
      expect(surface).toHaveLength(SURFACE_GRID.cols * SURFACE_GRID.rows);
      for (const [c, r] of [[0, 0], [7, 31], [SURFACE_GRID.cols - 1, SURFACE_GRID.rows - 1]]) {
        const want = reference(points, gridLine(SURFACE_GRID, c, r), 1)[loss];
        expect(surface[r * SURFACE_GRID.cols + c]).toBeCloseTo(want, 3);
      }
    }
  });

  it('finds the least-squares line near the bottom of the MSE surface', () => {
    const best = surfaceMinimum(lossSurface(points, 'mse', 1));
    const ls = leastSquares(points);
    expect(Math.abs(best.slope - ls.slope)).toBeLessThanOrEqual(6 / SURFACE_GRID.cols);
    expect(Math.abs(best.intercept - ls.intercept)).toBeLessThanOrEqual(8 / SURFACE_GRID.rows);
  });

  it('takes descent steps along the analytic gradient', () => {
    const line = { slope: 0.5, intercept: 0 };
    const lr = 0.1;
    const next = descentStep(points, line, 'mse', 1, lr);
    const r = points.map((p) => line.slope * p.x + line.intercept - p.y);
    const dSlope = mean(r.map((d, i) => 2 * d * points[i].x));
    const dIntercept = mean(r.map((d) => 2 * d));
    expect(next.slope).toBeCloseTo(line.slope - lr * dSlope, 4);
    expect(next.intercept).toBeCloseTo(line.intercept - lr * dIntercept, 4);
    const mae = descentStep(points, line, 'mae', 1, lr);
    const dSlopeMae = mean(r.map((d, i) => Math.sign(d) * points[i].x));
    expect(mae.slope).toBeCloseTo(line.slope - lr * dSlopeMae, 4);
  });

  it('fits: MSE reaches the least-squares line; MAE does at least as well on its own loss', () => {
    const ls = leastSquares(points);
    const mseLine = fit(points, 'mse');
    expect(mseLine.slope).toBeCloseTo(ls.slope, 2);
    expect(mseLine.intercept).toBeCloseTo(ls.intercept, 2);
    const maeLine = fit(points, 'mae');
    expect(reference(points, maeLine, 1).mae).toBeLessThanOrEqual(reference(points, ls, 1).mae + 1e-3);
  });

  it('shows the outlier pulling the MSE line further than the MAE and Huber lines', () => {
    const withOutlier = [...points, OUTLIER];
    const moved = (loss: RegressionLossName) => Math.abs(fit(withOutlier, loss).slope - fit(points, loss).slope);
    expect(moved('mse')).toBeGreaterThan(2 * moved('mae'));
    expect(moved('mse')).toBeGreaterThan(moved('huber'));
  });

  it('moves the Huber fit from the MAE line towards the MSE line as δ grows, never reaching it', () => {
    const withOutlier = [...points, OUTLIER];
    const slope = (loss: RegressionLossName, delta = 1) => fit(withOutlier, loss, delta).slope;
    const mae = slope('mae');
    const mse = slope('mse');
    const small = slope('huber', 0.1);
    const large = slope('huber', 3);
    expect(Math.abs(small - mae)).toBeLessThan(0.1 * Math.abs(mse - mae));
    expect(Math.abs(large - mse)).toBeLessThan(Math.abs(small - mse));
    expect(Math.abs(large - mse)).toBeGreaterThan(0.05);
  });

  it('draws squares for MSE, bars for MAE, and both for Huber (square within δ)', () => {
    expect(residualKind('mse', 5, 1)).toBe('square');
    expect(residualKind('mae', 0.1, 1)).toBe('bar');
    expect(residualKind('huber', 0.9, 1)).toBe('square');
    expect(residualKind('huber', -1.5, 1)).toBe('bar');
    const sx = (v: number) => 100 + 20 * v;
    const sy = (v: number) => 200 - 10 * v;
    const shapes = residualShapes(points, { slope: 0.5, intercept: 0 }, 'mse', 1, sx, sy, { left: 40, right: 160 });
    shapes.forEach((sh, i) => {
      expect(sh.width).toBeCloseTo(sh.height, 10);
      expect(sh.height).toBeCloseTo(10 * Math.abs(sh.residual), 10);
      expect(sh.residual).toBeCloseTo(points[i].y - 0.5 * points[i].x, 10);
    });
  });

  it('gives contour levels inside the surface range and none for a flat one', () => {
    const surface = lossSurface(points, 'huber', 1);
    const levels = contourLevels(surface);
    expect(levels.length).toBe(13);
    expect(levels[0]).toBe(Math.min(...surface));
    expect(levels[1]).toBeGreaterThan(Math.min(...surface));
    expect(Math.max(...levels)).toBeLessThan(Math.max(...surface));
    expect(contourLevels([1, 1, 1])).toEqual([]);
  });

  it('returns memory to its baseline', () => {
    const before = liveTensorCount();
    lossValues(points, { slope: 1, intercept: 0 }, 1);
    lossSurface(points, 'mae', 1);
    descentStep(points, { slope: 1, intercept: 0 }, 'huber', 1, 0.1);
    expect(liveTensorCount()).toBe(before);
  });
});
