// Two-dimensional toy data sets, seeded: the same seed draws the same points on every screen.
// The shapes are the classic ones of teaching demos (TensorFlow Playground has similar ones):
// classification sets give labels 0 or 1, regression sets a real target. Points lie roughly in
// [-6, 6]²; `noise` (0 to 1) blurs the classes or the target.
import { Random } from '../random';
import { tensor, type Tensor } from '../tensor';

export interface Dataset2D {
  /** Points, each [x1, x2]. */
  x: number[][];
  /** Labels (0 or 1) for classification, real targets for regression. */
  y: number[];
}

export type ClassificationSetName = 'circle' | 'xor' | 'gaussians' | 'spiral' | 'moons';
export type RegressionSetName = 'plane' | 'bumps';
export type ToySetName = ClassificationSetName | RegressionSetName;

export const classificationSets: readonly ClassificationSetName[] = ['circle', 'xor', 'gaussians', 'spiral', 'moons'];
export const regressionSets: readonly RegressionSetName[] = ['plane', 'bumps'];

export interface ToyOptions {
  /** Number of points (default 200). */
  n?: number;
  /** 0 (clean) to 1 (heavily blurred); default 0. */
  noise?: number;
  /** Seed of the draw (default 1). */
  seed?: number;
}

export function isRegression(name: ToySetName): name is RegressionSetName {
  return (regressionSets as readonly string[]).includes(name);
}

/** Draws the named data set. */
export function toyDataset(name: ToySetName, opts: ToyOptions = {}): Dataset2D {
  const n = opts.n ?? 200;
  const noise = opts.noise ?? 0;
  if (!Number.isInteger(n) || n < 2) throw new Error(`toyDataset(${name}): n must be an integer ≥ 2, got ${n}`);
  if (!(noise >= 0 && noise <= 1)) throw new Error(`toyDataset(${name}): noise must be in [0, 1], got ${noise}`);
  const rng = new Random(opts.seed ?? 1);
  switch (name) {
    case 'circle':
      return circle(n, noise, rng);
    case 'xor':
      return xor(n, noise, rng);
    case 'gaussians':
      return gaussians(n, noise, rng);
    case 'spiral':
      return spiral(n, noise, rng);
    case 'moons':
      return moons(n, noise, rng);
    case 'plane':
      return plane(n, noise, rng);
    case 'bumps':
      return bumps(n, noise, rng);
  }
  throw new Error(`toyDataset: unknown data set "${String(name)}"`);
}

/** Half the points inside a disc of radius 2.5 (label 1), half in a ring from 3.5 to 5 (label 0). */
function circle(n: number, noise: number, rng: Random): Dataset2D {
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const inside = i < n / 2;
    // sqrt of a uniform draw spreads points evenly over the disc's area.
    const r = inside ? 2.5 * Math.sqrt(rng.next()) : 3.5 + 1.5 * rng.next();
    const angle = rng.uniform(0, 2 * Math.PI);
    const p = [r * Math.cos(angle), r * Math.sin(angle)];
    // Noise moves the point, not its label: noisy points stray across the boundary.
    x.push([p[0] + rng.normal(0, 1.5 * noise), p[1] + rng.normal(0, 1.5 * noise)]);
    y.push(inside ? 1 : 0);
  }
  return { x, y };
}

/** Uniform in [-5, 5]²; label 1 where x1·x2 > 0 (first and third quadrants). */
function xor(n: number, noise: number, rng: Random): Dataset2D {
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    // A margin of 0.3 around the axes keeps the clean set separable.
    const a = (rng.next() < 0.5 ? -1 : 1) * rng.uniform(0.3, 5);
    const b = (rng.next() < 0.5 ? -1 : 1) * rng.uniform(0.3, 5);
    x.push([a + rng.normal(0, 1.5 * noise), b + rng.normal(0, 1.5 * noise)]);
    y.push(a * b > 0 ? 1 : 0);
  }
  return { x, y };
}

/** Two round clusters centred at (2, 2) (label 1) and (−2, −2) (label 0). */
function gaussians(n: number, noise: number, rng: Random): Dataset2D {
  const x: number[][] = [];
  const y: number[] = [];
  const std = 0.6 + 1.6 * noise;
  for (let i = 0; i < n; i++) {
    const label = i % 2 === 0 ? 1 : 0;
    const c = label ? 2 : -2;
    x.push([rng.normal(c, std), rng.normal(c, std)]);
    y.push(label);
  }
  return { x, y };
}

/** Two interleaved arms of a spiral, turning 1.75 times, one per class. */
function spiral(n: number, noise: number, rng: Random): Dataset2D {
  const x: number[][] = [];
  const y: number[] = [];
  const perArm = Math.ceil(n / 2);
  for (let i = 0; i < n; i++) {
    const label = i % 2 === 0 ? 1 : 0;
    const k = Math.floor(i / 2);
    const t = k / perArm;
    const r = 5 * t;
    const angle = 1.75 * 2 * Math.PI * t + (label ? 0 : Math.PI);
    x.push([r * Math.sin(angle) + rng.normal(0, 0.8 * noise), r * Math.cos(angle) + rng.normal(0, 0.8 * noise)]);
    y.push(label);
  }
  return { x, y };
}

/** Two interlocking half circles of radius 2.5 (the "moons" of many textbooks). */
function moons(n: number, noise: number, rng: Random): Dataset2D {
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const label = i % 2 === 0 ? 1 : 0;
    const angle = rng.uniform(0, Math.PI);
    // Upper moon centred at (−1.25, −0.6), lower moon at (1.25, 0.6) and turned over.
    const p = label
      ? [2.5 * Math.cos(angle) - 1.25, 2.5 * Math.sin(angle) - 0.6]
      : [1.25 - 2.5 * Math.cos(angle), 0.6 - 2.5 * Math.sin(angle)];
    x.push([p[0] + rng.normal(0, 0.8 * noise), p[1] + rng.normal(0, 0.8 * noise)]);
    y.push(label);
  }
  return { x, y };
}

/** Regression on a tilted plane: y = (x1 + 2·x2) / 10, plus noise. */
function plane(n: number, noise: number, rng: Random): Dataset2D {
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = [rng.uniform(-6, 6), rng.uniform(-6, 6)];
    x.push(p);
    y.push((p[0] + 2 * p[1]) / 10 + rng.normal(0, 0.3 * noise));
  }
  return { x, y };
}

/** Regression on two Gaussian bumps, one up at (2, 2), one down at (−2, −2); y in about [−1, 1]. */
function bumps(n: number, noise: number, rng: Random): Dataset2D {
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = [rng.uniform(-6, 6), rng.uniform(-6, 6)];
    x.push(p);
    y.push(bumpsTarget(p[0], p[1]) + rng.normal(0, 0.3 * noise));
  }
  return { x, y };
}

/** The noise-free surface of the 'bumps' set (a widget may draw it as the ground truth). */
export function bumpsTarget(x1: number, x2: number): number {
  const bump = (cx: number, cy: number) => Math.exp(-((x1 - cx) ** 2 + (x2 - cy) ** 2) / (2 * 1.5 ** 2));
  return bump(2, 2) - bump(-2, -2);
}

export interface Split<T> {
  train: T;
  test: T;
}

/** Shuffles with `seed` and puts `testFraction` of the points (at least one) in the test set. */
export function trainTestSplit(data: Dataset2D, testFraction = 0.5, seed = 1): Split<Dataset2D> {
  if (!(testFraction > 0 && testFraction < 1)) throw new Error(`trainTestSplit: testFraction must be in (0, 1), got ${testFraction}`);
  if (data.x.length !== data.y.length) throw new Error(`trainTestSplit: ${data.x.length} points but ${data.y.length} targets`);
  const order = new Random(seed).permutation(data.x.length);
  const nTest = Math.min(data.x.length - 1, Math.max(1, Math.round(testFraction * data.x.length)));
  const pick = (idx: number[]): Dataset2D => ({ x: idx.map((i) => data.x[i]), y: idx.map((i) => data.y[i]) });
  return { test: pick(order.slice(0, nTest)), train: pick(order.slice(nTest)) };
}

/** Engine tensors of a data set: x [n, 2] and y [n, 1] (float32). */
export function toTensors(data: Dataset2D): { x: Tensor; y: Tensor } {
  const n = data.x.length;
  if (data.y.length !== n) throw new Error(`toTensors: ${n} points but ${data.y.length} targets`);
  const flat = new Float32Array(n * 2);
  data.x.forEach((p, i) => {
    if (p.length !== 2) throw new Error(`toTensors: point ${i} has ${p.length} coordinates, expected 2`);
    flat[2 * i] = p[0];
    flat[2 * i + 1] = p[1];
  });
  return { x: tensor(flat, [n, 2]), y: tensor(Float32Array.from(data.y), [n, 1]) };
}

/**
 * The points of a `size`×`size` grid over [lo, hi]², row by row from the top (x2 = hi) so that row
 * r of the grid is row r of an image: a whole decision surface is one forward pass.
 */
export function gridPoints(size: number, lo = -6, hi = 6): number[][] {
  if (!Number.isInteger(size) || size < 2) throw new Error(`gridPoints: size must be an integer ≥ 2, got ${size}`);
  const out: number[][] = [];
  for (let r = 0; r < size; r++) {
    const x2 = hi - ((hi - lo) * r) / (size - 1);
    for (let c = 0; c < size; c++) out.push([lo + ((hi - lo) * c) / (size - 1), x2]);
  }
  return out;
}
