// Sequences for recurrent models: sines, sums of sines, optional noise, and the sliding windows
// that turn a series into one-step-ahead prediction examples (the window in, the next value out).
import { Random } from '../random';
import { tensor, type Tensor } from '../tensor';

export interface SineComponent {
  /** Cycles per unit of time. */
  frequency: number;
  amplitude?: number;
  /** Phase in radians. */
  phase?: number;
}

export interface SeriesOptions {
  /** Number of samples. */
  length: number;
  /** Time between samples (default 0.1). */
  dt?: number;
  /** Standard deviation of Gaussian noise added to each sample (default 0). */
  noise?: number;
  seed?: number;
}

/** Samples of a·sin(2π·f·t + φ) at t = 0, dt, 2·dt, … */
export function sineWave(component: SineComponent, opts: SeriesOptions): number[] {
  return sumOfSines([component], opts);
}

/** Samples of a sum of sines, plus noise: the series a recurrent net learns to continue. */
export function sumOfSines(components: readonly SineComponent[], opts: SeriesOptions): number[] {
  const { length } = opts;
  const dt = opts.dt ?? 0.1;
  const noise = opts.noise ?? 0;
  if (!Number.isInteger(length) || length < 1) throw new Error(`sumOfSines: length must be a positive integer, got ${length}`);
  if (!(dt > 0)) throw new Error(`sumOfSines: dt must be positive, got ${dt}`);
  if (!(noise >= 0)) throw new Error(`sumOfSines: noise must be ≥ 0, got ${noise}`);
  if (components.length === 0) throw new Error('sumOfSines: needs at least one component');
  const rng = new Random(opts.seed ?? 1);
  const out: number[] = [];
  for (let i = 0; i < length; i++) {
    const t = i * dt;
    let v = 0;
    for (const c of components) v += (c.amplitude ?? 1) * Math.sin(2 * Math.PI * c.frequency * t + (c.phase ?? 0));
    out.push(noise > 0 ? v + rng.normal(0, noise) : v);
  }
  return out;
}

export interface Windows {
  /** Each row holds `window` consecutive values. */
  x: number[][];
  /** The value `horizon` steps after each window's last value. */
  y: number[];
}

/** Sliding windows of `series` for predicting `horizon` steps ahead (default: the next value). */
export function slidingWindows(series: readonly number[], windowSize: number, horizon = 1): Windows {
  if (!Number.isInteger(windowSize) || windowSize < 1) throw new Error(`slidingWindows: window must be a positive integer, got ${windowSize}`);
  if (!Number.isInteger(horizon) || horizon < 1) throw new Error(`slidingWindows: horizon must be a positive integer, got ${horizon}`);
  const count = series.length - windowSize - horizon + 1;
  if (count < 1) throw new Error(`slidingWindows: a series of ${series.length} values is too short for window ${windowSize} and horizon ${horizon}`);
  const x: number[][] = [];
  const y: number[] = [];
  for (let s = 0; s < count; s++) {
    x.push(series.slice(s, s + windowSize));
    y.push(series[s + windowSize + horizon - 1]);
  }
  return { x, y };
}

/** Engine tensors of windows: x [n, windowSize, 1] (time-major inside each example) and y [n, 1]. */
export function windowsToTensors(w: Windows, indices?: readonly number[]): { x: Tensor; y: Tensor } {
  const rows = indices ?? w.x.map((_, i) => i);
  const windowSize = w.x[0]?.length ?? 0;
  const flat = new Float32Array(rows.length * windowSize);
  rows.forEach((r, i) => {
    if (w.x[r].length !== windowSize) throw new Error(`windowsToTensors: window ${r} has ${w.x[r].length} values, expected ${windowSize}`);
    flat.set(w.x[r], i * windowSize);
  });
  return { x: tensor(flat, [rows.length, windowSize, 1]), y: tensor(Float32Array.from(rows.map((r) => w.y[r])), [rows.length, 1]) };
}
