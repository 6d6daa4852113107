// RegressionLoss's logic in Node: the engine's three losses, the loss surface and each descent
// step against float64 references written here; the fit (its training job, as the figure runs it)
// against the closed-form least-squares line; the residual shapes; and memory returning to its
// baseline.
import { beforeAll, describe, expect, it } from 'vitest';
import { initEngine, liveTensorCount, tidy } from '../../src/engine/index.ts';
import { contourLevels } from '../../src/widgets/kit/plot/grid.ts';
import {
  createLineFit,
  FIT_MAX_STEPS,
  fitRate,
  fitStep,
  fittedLine,
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
import { regressionFitJob, type RegressionFitView } from '../../src/widgets/RegressionLoss/regressionFitJob.ts';
import { harness } from '../models/support.ts';

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
/** The fit as the figure runs it: its training job, from the line (0.5, 0), until it stops. */
async function fitRun(points: Point[], loss: RegressionLossName, delta = 1) {
  const h = harness(regressionFitJob);
  await h.core.handle({ type: 'init', backend: 'cpu' });
  await h.core.handle({ type: 'setup', generation: 1, config: { points, loss, delta, start: { slope: 0.5, intercept: 0 }, run: 1 }, seed: 1, live: undefined, play: true });
  await h.until(() => h.lastSnapshot().snapshot.state !== 'running' && h.lastSnapshot().snapshot.step > 0);
  const last = h.lastSnapshot();
  await h.core.handle({ type: 'dispose' });
  return { snapshot: last.snapshot, view: last.view as RegressionFitView };
}
async function fit(points: Point[], loss: RegressionLossName, delta = 1): Promise<Line> {
  return (await fitRun(points, loss, delta)).view.line;
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

  it('takes descent steps along the analytic gradient, at the rate of each step', () => {
    const line = { slope: 0.5, intercept: 0 };
    const step = (loss: RegressionLossName, t: number) => {
      const f = createLineFit(points, line);
      try {
        return { loss: tidy(() => fitStep(f, loss, 1, t).loss.item()), line: fittedLine(f) };
      } finally {
        f.dispose();
      }
    };
    const r = points.map((p) => line.slope * p.x + line.intercept - p.y);
    const lr = fitRate(0);
    const next = step('mse', 0);
    expect(next.loss).toBeCloseTo(reference(points, line, 1).mse, 4);
    const dSlope = mean(r.map((d, i) => 2 * d * points[i].x));
    const dIntercept = mean(r.map((d) => 2 * d));
    expect(next.line.slope).toBeCloseTo(line.slope - lr * dSlope, 4);
    expect(next.line.intercept).toBeCloseTo(line.intercept - lr * dIntercept, 4);
    const dSlopeMae = mean(r.map((d, i) => Math.sign(d) * points[i].x));
    expect(step('mae', 60).line.slope).toBeCloseTo(line.slope - fitRate(60) * dSlopeMae, 4);
    expect(fitRate(60)).toBeCloseTo(0.06, 10);
  });

  it('stops the fit at the step it settles, or at the sliders\' edge, never past FIT_MAX_STEPS', async () => {
    const mse = await fitRun(points, 'mse');
    expect(mse.view.settled).toBe(true);
    expect(mse.snapshot.step).toBeLessThan(FIT_MAX_STEPS);
    expect(mse.view.path).toHaveLength(mse.snapshot.step + 1);
    // Points far above the sliders' intercept range pull the line out of it: the fit stops there.
    const high = points.map((p) => ({ x: p.x, y: 40 }));
    const left = await fitRun(high, 'mse');
    expect(left.view.left).toBe(true);
    expect(left.snapshot.state).toBe('paused');
    expect(left.view.line.intercept).toBeLessThanOrEqual(4);
  });

  it('fits: MSE reaches the least-squares line; MAE does at least as well on its own loss', async () => {
    const ls = leastSquares(points);
    const mseLine = await fit(points, 'mse');
    expect(mseLine.slope).toBeCloseTo(ls.slope, 2);
    expect(mseLine.intercept).toBeCloseTo(ls.intercept, 2);
    const maeLine = await fit(points, 'mae');
    expect(reference(points, maeLine, 1).mae).toBeLessThanOrEqual(reference(points, ls, 1).mae + 1e-3);
  });

  it('shows the outlier pulling the MSE line further than the MAE and Huber lines', async () => {
    const withOutlier = [...points, OUTLIER];
    const moved = async (loss: RegressionLossName) => Math.abs((await fit(withOutlier, loss)).slope - (await fit(points, loss)).slope);
    const mse = await moved('mse');
    expect(mse).toBeGreaterThan(2 * (await moved('mae')));
    expect(mse).toBeGreaterThan(await moved('huber'));
  });

  it('moves the Huber fit from the MAE line towards the MSE line as δ grows, never reaching it', async () => {
    const withOutlier = [...points, OUTLIER];
    const slope = async (loss: RegressionLossName, delta = 1) => (await fit(withOutlier, loss, delta)).slope;
    const mae = await slope('mae');
    const mse = await slope('mse');
    const small = await slope('huber', 0.1);
    const large = await slope('huber', 3);
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
    const f = createLineFit(points, { slope: 1, intercept: 0 });
    tidy(() => fitStep(f, 'huber', 1, 0).loss.item());
    f.dispose();
    expect(liveTensorCount()).toBe(before);
  });
});
