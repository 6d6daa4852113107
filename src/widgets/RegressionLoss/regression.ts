// A line ŷ = slope·x + intercept fitted to a dozen points, scored by three regression losses.
// Everything numeric goes through the engine: the three losses, the loss surface over
// (slope, intercept) in one batched pass, and each gradient-descent step of "fit" (a training job,
// regressionFitJob.ts).
import { add, losses, mean, mul, nn, optim, Random, tensor, tidy, type Tensor } from '../../engine/index.ts';
import { cellCenter, gridCenters } from '../kit/plot/grid.ts';

export type RegressionLossName = 'mse' | 'mae' | 'huber';
export const REGRESSION_LOSSES: readonly RegressionLossName[] = ['mse', 'mae', 'huber'];

export interface Point {
  x: number;
  y: number;
}

export interface Line {
  slope: number;
  intercept: number;
}

/** The data plot's axes and the parameter ranges of the sliders and the loss surface. */
export const X_DOMAIN: [number, number] = [-3, 3];
export const Y_DOMAIN: [number, number] = [-6, 6];
export const SLOPE_RANGE: [number, number] = [-2, 4];
export const INTERCEPT_RANGE: [number, number] = [-4, 4];
export const DELTA_RANGE: [number, number] = [0.1, 3];

const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * Twelve points spread evenly over x ∈ [−2.75, 2.75] around the line y = 1.2·x + 0.8 with
 * Gaussian noise (std 0.6), seeded: every reader sees the same points.
 */
export function seededPoints(): Point[] {
  const rng = new Random(2);
  return Array.from({ length: 12 }, (_, i) => {
    const x = -2.75 + 0.5 * i;
    return { x, y: round2(1.2 * x + 0.8 + rng.normal(0, 0.6)) };
  });
}

/** The point the "outlier" toggle adds: far below the trend at the right. */
export const OUTLIER: Point = { x: 2.5, y: -5 };

/** Keeps a dragged point inside the plot. */
export function clampPoint(p: Point): Point {
  const clamp = (v: number, [lo, hi]: [number, number]) => Math.min(hi, Math.max(lo, v));
  return { x: clamp(p.x, X_DOMAIN), y: clamp(p.y, Y_DOMAIN) };
}

function lossTensor(name: RegressionLossName, prediction: Tensor, target: Tensor, delta: number, reduction: 'mean' | 'none' = 'mean'): Tensor {
  switch (name) {
    case 'mse':
      return losses.mseLoss(prediction, target, { reduction });
    case 'mae':
      return losses.l1Loss(prediction, target, { reduction });
    case 'huber':
      return losses.huberLoss(prediction, target, { delta, reduction });
  }
}

// #region losses
/** The three losses of the line on the points, each averaged over the points. */
export function lossValues(points: Point[], line: Line, delta: number): Record<RegressionLossName, number> {
  return tidy(() => {
    const x = tensor(points.map((p) => p.x));
    const y = tensor(points.map((p) => p.y));
    const prediction = add(mul(x, line.slope), line.intercept);
    return {
      mse: losses.mseLoss(prediction, y).item(),
      mae: losses.l1Loss(prediction, y).item(),
      huber: losses.huberLoss(prediction, y, { delta }).item(),
    };
  });
}
// #endregion

export interface SurfaceGrid {
  cols: number;
  rows: number;
  slopes: [number, number];
  intercepts: [number, number];
}

export const SURFACE_GRID: SurfaceGrid = { cols: 48, rows: 40, slopes: SLOPE_RANGE, intercepts: INTERCEPT_RANGE };

/**
 * The line at the centre of cell (c, r): column c along the slope axis, row r along the intercept
 * axis from the bottom (the plot kit's grid convention, value index r·cols + c).
 */
export function gridLine(grid: SurfaceGrid, c: number, r: number): Line {
  const [slope, intercept] = cellCenter({ x: grid.slopes, y: grid.intercepts }, grid.cols, grid.rows, c, r);
  return { slope, intercept };
}

/**
 * The chosen loss at the centre of every cell of the grid, row by row from the bottom: one batched
 * pass with predictions [cells, points].
 */
export function lossSurface(points: Point[], name: RegressionLossName, delta: number, grid: SurfaceGrid = SURFACE_GRID): number[] {
  const n = points.length;
  if (n === 0) return new Array<number>(grid.cols * grid.rows).fill(0);
  const cells = grid.cols * grid.rows;
  const centres = gridCenters({ x: grid.slopes, y: grid.intercepts }, grid.cols, grid.rows);
  const slopes = Float32Array.from(centres, ([slope]) => slope);
  const intercepts = Float32Array.from(centres, ([, intercept]) => intercept);
  const targets = new Float32Array(cells * n);
  for (let i = 0; i < cells; i++) points.forEach((p, j) => (targets[i * n + j] = p.y));
  return tidy(() => {
    const x = tensor(points.map((p) => p.x), [1, n]);
    const prediction = add(mul(tensor(slopes, [cells, 1]), x), tensor(intercepts, [cells, 1]));
    const perPoint = lossTensor(name, prediction, tensor(targets, [cells, n]), delta, 'none');
    return Array.from(mean(perPoint, 1).data());
  });
}


/** The best grid cell of a surface: a rough minimum, marked on the plot. */
export function surfaceMinimum(values: number[], grid: SurfaceGrid = SURFACE_GRID): Line & { loss: number } {
  let best = 0;
  values.forEach((v, i) => {
    if (v < values[best]) best = i;
  });
  return { ...gridLine(grid, best % grid.cols, Math.floor(best / grid.cols)), loss: values[best] };
}

// #region descent
/** Gradient descent on a line: ŷ = slope·x + intercept is nn.Linear(1, 1), its weight the slope and its bias the intercept. */
export interface LineFit {
  model: nn.Linear;
  optimizer: optim.SGD;
  x: Tensor;
  y: Tensor;
  dispose(): void;
}

export function createLineFit(points: Point[], start: Line): LineFit {
  const model = new nn.Linear(1, 1, { init: 'zeros' });
  model.loadStateDict({ weight: { shape: [1, 1], values: [start.slope] }, bias: { shape: [1], values: [start.intercept] } });
  const optimizer = new optim.SGD(model, { lr: fitRate(0) });
  const x = tensor(points.map((p) => [p.x]));
  const y = tensor(points.map((p) => [p.y]));
  return {
    model,
    optimizer,
    x,
    y,
    dispose() {
      optimizer.dispose();
      model.dispose();
      x.dispose();
      y.dispose();
    },
  };
}

/** Step t of the fit, at the rate fitRate(t): the loss of the line before it, whose backward() gives the gradient. */
export function fitStep(fit: LineFit, name: RegressionLossName, delta: number, t: number): { loss: Tensor } {
  fit.optimizer.lr = fitRate(t);
  fit.optimizer.zeroGrad();
  const loss = lossTensor(name, fit.model.forward(fit.x), fit.y, delta);
  loss.backward();
  fit.optimizer.step();
  return { loss };
}

/** The fit's line now, as plain numbers. */
export function fittedLine(fit: LineFit): Line {
  return { slope: fit.model.weight.data()[0], intercept: fit.model.bias!.data()[0] };
}
// #endregion

/**
 * The learning rate of step t of "fit". It decays as 1/√(1 + t/20): MSE and Huber converge with a
 * constant rate, but the gradient of MAE does not shrink near the minimum (its size is set by the
 * signs of the residuals), so a constant rate would make it hop around the minimum for ever.
 */
export function fitRate(t: number): number {
  return 0.12 / Math.sqrt(1 + t / 20);
}

export const FIT_MAX_STEPS = 400;

/** Whether a fit may stop: the last step moved the line by less than this. */
export function fitSettled(a: Line, b: Line): boolean {
  return Math.abs(a.slope - b.slope) < 1e-4 && Math.abs(a.intercept - b.intercept) < 1e-4;
}

/** Whether a line lies within the sliders' ranges (a fit that leaves them is stopped). */
export function lineInRange(l: Line): boolean {
  return (
    Number.isFinite(l.slope) &&
    Number.isFinite(l.intercept) &&
    l.slope >= SLOPE_RANGE[0] &&
    l.slope <= SLOPE_RANGE[1] &&
    l.intercept >= INTERCEPT_RANGE[0] &&
    l.intercept <= INTERCEPT_RANGE[1]
  );
}

/** Residual r = y − ŷ of each point. */
export function residuals(points: Point[], line: Line): number[] {
  return points.map((p) => p.y - (line.slope * p.x + line.intercept));
}
