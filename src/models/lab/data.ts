// The Lab's data sets, drawn from a seed: the engine's two-class and regression toys, sets of two
// to five classes, a curve y = f(x₁) and the reader's own points, each split into training and test
// points. Same seed, same points and same split on every screen.
import { data as toy, Random } from '../../engine/index.ts';
import {
  BINARY_SETS,
  EXTENT,
  MAX_CLASSES,
  MIN_CLASSES,
  MULTI_CLASS_SETS,
  OWN_SET,
  type LabData,
  type LabPoint,
  type LabSetName,
  type LabTask,
} from './spec.ts';
import { labDataStrings } from './strings.ts';

/** Points drawn when the spec names no count. */
export const DEFAULT_COUNT = 500;
/** The most points a drawn set may have. */
export const MAX_COUNT = 5000;
export const MIN_TRAIN_FRACTION = 0.1;
export const MAX_TRAIN_FRACTION = 0.9;
/** Fewest own points worth training on: a couple for training and one or two to test with. */
export const MIN_OWN_POINTS = 4;
/** Classes of a multi-class set when the spec's number is not a number. */
const DEFAULT_CLASSES = 3;

export interface LabDataSpec {
  set: LabSetName;
  /** Classes of a multi-class set (clamped to 2…5); binary sets have 2, regression sets 1. */
  classes: number;
  /** 0 (clean) to 1 (heavily blurred). */
  noise: number;
  /** Share of the points trained on (clamped to 0.1…0.9); the rest are the test points. */
  trainFraction: number;
  seed: number;
  /** The reader's points, for the set 'own'. */
  points?: readonly LabPoint[];
  /** Points to draw (default 500); the set 'own' has as many as it is given. */
  count?: number;
  /** Set VALIDATION_SHARE of the training points aside as a validation set (for early stopping). */
  validation?: boolean;
}

/** The share of the training points early stopping sets aside to watch. */
export const VALIDATION_SHARE = 0.2;

function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}

function finiteOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) ? value : fallback;
}

function isBinary(set: LabSetName): set is (typeof BINARY_SETS)[number] {
  return (BINARY_SETS as readonly string[]).includes(set);
}

function isMultiClass(set: LabSetName): set is (typeof MULTI_CLASS_SETS)[number] {
  return (MULTI_CLASS_SETS as readonly string[]).includes(set);
}

// #region own points
/** The reader's points that can be used: finite coordinates and label, moved onto the plane. */
export function usablePoints(points: readonly LabPoint[]): LabPoint[] {
  return points
    .filter((p) => Number.isFinite(p.x1) && Number.isFinite(p.x2) && Number.isFinite(p.y))
    .map((p) => ({ x1: clamp(p.x1, -EXTENT, EXTENT), x2: clamp(p.x2, -EXTENT, EXTENT), y: p.y }));
}

/**
 * The task of the reader's points: classification when every label is a class index 0…4 (so also
 * when there are no points yet, which are then clicked in as classes); regression as soon as one
 * label is anything else (a fraction, a negative number, 5 or more), which reads it as a target.
 */
export function ownTask(points: readonly LabPoint[]): LabTask {
  const isClass = (y: number) => Number.isInteger(y) && y >= 0 && y < MAX_CLASSES;
  return usablePoints(points).every((p) => isClass(p.y)) ? 'classification' : 'regression';
}

/** Classes of the reader's points: the largest label + 1, at least 2; 1 for a regression. */
export function ownClasses(points: readonly LabPoint[]): number {
  if (ownTask(points) === 'regression') return 1;
  return usablePoints(points).reduce((most, p) => Math.max(most, p.y + 1), MIN_CLASSES);
}

/** Why the reader's points cannot be trained on yet (a sentence to show them), or null. */
export function ownDataProblem(points: readonly LabPoint[]): string | null {
  const usable = usablePoints(points);
  if (usable.length < MIN_OWN_POINTS) return labDataStrings.ownTooFew(MIN_OWN_POINTS, usable.length);
  if (ownTask(usable) === 'classification' && new Set(usable.map((p) => p.y)).size < 2) return labDataStrings.ownOneClass;
  return null;
}
// #endregion

/** The task of a set ('own' reads it from the points). */
export function setTask(set: LabSetName, points: readonly LabPoint[] = []): LabTask {
  if (set === OWN_SET) return ownTask(points);
  return isBinary(set) || isMultiClass(set) ? 'classification' : 'regression';
}

/** Classes a set has: 2 for a binary set, `classes` clamped to 2…5 for a multi-class set, 1 for a regression. */
export function setClasses(set: LabSetName, classes: number, points: readonly LabPoint[] = []): number {
  if (set === OWN_SET) return ownClasses(points);
  if (isBinary(set)) return 2;
  if (isMultiClass(set)) return clamp(Math.round(finiteOr(classes, DEFAULT_CLASSES)), MIN_CLASSES, MAX_CLASSES);
  return 1;
}

// #region drawn sets
/**
 * The target of the 'curve' set: a sine damped away from the origin, sin(1.5·x₁)·exp(−x₁²/32).
 * Six hills and valleys over [−6, 6], shrinking outwards, values in [−1, 1]: a line cannot follow
 * it, a few units can.
 */
export function curveTarget(x1: number): number {
  return Math.sin(1.5 * x1) * Math.exp(-(x1 * x1) / 32);
}

/**
 * `classes` round clusters whose centres sit evenly on a circle of radius 3.5, class 0's straight
 * up (at angle π/2) and the others anticlockwise. The spread grows with the noise as in the
 * engine's 'gaussians' set.
 */
function blobs(count: number, classes: number, noise: number, rng: Random): LabPoint[] {
  const std = 0.6 + 1.6 * noise;
  return Array.from({ length: count }, (_, i) => {
    const label = i % classes;
    const angle = Math.PI / 2 + (2 * Math.PI * label) / classes;
    return { x1: rng.normal(3.5 * Math.cos(angle), std), x2: rng.normal(3.5 * Math.sin(angle), std), y: label };
  });
}

/**
 * One spiral arm per class, the engine's two-arm spiral generalised: arm k is the point at radius
 * 5t and angle 2π·(3.5/K)·t + 2πk/K for t from 0 to 1 (an angle measured from the x₂ axis towards
 * x₁). With 3.5/K turns, neighbouring arms stay as far apart as the two arms of 'spiral' (K = 2).
 */
function arms(count: number, classes: number, noise: number, rng: Random): LabPoint[] {
  const perArm = Math.ceil(count / classes);
  const turns = 3.5 / classes;
  return Array.from({ length: count }, (_, i) => {
    const label = i % classes;
    const t = Math.floor(i / classes) / perArm;
    const angle = 2 * Math.PI * turns * t + (2 * Math.PI * label) / classes;
    const r = 5 * t;
    return { x1: r * Math.sin(angle) + rng.normal(0, 0.8 * noise), x2: r * Math.cos(angle) + rng.normal(0, 0.8 * noise), y: label };
  });
}

/** x₁ uniform over the plane's width, x₂ = 0, the target curveTarget(x₁) plus noise (as the engine's regressions). */
function curve(count: number, noise: number, rng: Random): LabPoint[] {
  return Array.from({ length: count }, () => {
    const x1 = rng.uniform(-EXTENT, EXTENT);
    return { x1, x2: 0, y: curveTarget(x1) + rng.normal(0, 0.3 * noise) };
  });
}

function drawPoints(set: Exclude<LabSetName, typeof OWN_SET>, classes: number, count: number, noise: number, seed: number): LabPoint[] {
  if (set === 'blobs') return blobs(count, classes, noise, new Random(seed));
  if (set === 'arms') return arms(count, classes, noise, new Random(seed));
  if (set === 'curve') return curve(count, noise, new Random(seed));
  const drawn = toy.toyDataset(set, { n: count, noise, seed });
  return drawn.x.map(([x1, x2], i) => ({ x1, x2, y: drawn.y[i] }));
}
// #endregion

/**
 * Splits `points` into training and test points: round(fraction·n) of them trained on (fraction
 * clamped to 0.1…0.9), and at least one on each side when there are two points or more. The split
 * is seeded apart from the draw, so a new fraction moves points across without drawing new ones;
 * a larger fraction keeps every training point of a smaller one. With `byClass`, each class is
 * split in proportion (to within one point). Both sides keep the points' order.
 */
export function splitPoints(points: readonly LabPoint[], trainFraction: number, seed: number, byClass: boolean): { train: LabPoint[]; test: LabPoint[] } {
  const n = points.length;
  const fraction = clamp(finiteOr(trainFraction, 0.5), MIN_TRAIN_FRACTION, MAX_TRAIN_FRACTION);
  // A stream of its own: fork() seeds it from the draw's seed without replaying the draw's numbers.
  const random = new Random(seed).fork();
  const tiebreak = random.permutation(n);
  // Each point is ranked by its place (0 to 1) in a shuffle of its class: the first k of that
  // ranking hold every class in proportion, whatever k is.
  const groups = new Map<number, number[]>();
  points.forEach((p, i) => {
    const key = byClass ? p.y : 0;
    const members = groups.get(key);
    if (members) members.push(i);
    else groups.set(key, [i]);
  });
  const rank = new Float64Array(n);
  for (const members of groups.values()) random.shuffle(members).forEach((index, place) => (rank[index] = (place + 0.5) / members.length));
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => rank[a] - rank[b] || tiebreak[a] - tiebreak[b]);
  const trainCount = n < 2 ? n : clamp(Math.round(fraction * n), 1, n - 1);
  const inTrain = new Uint8Array(n);
  for (const index of order.slice(0, trainCount)) inTrain[index] = 1;
  return { train: points.filter((_, i) => inTrain[i]), test: points.filter((_, i) => !inTrain[i]) };
}

/**
 * The data set a spec describes, every point on the plane [−EXTENT, EXTENT]². Out-of-range numbers
 * are clamped, not refused: noise to 0…1, the count to 2…5000, the classes to 2…5. The reader's
 * own points may be too few to train on (even none): ownDataProblem says so in words.
 */
export function makeLabData(spec: LabDataSpec): LabData {
  const seed = Math.floor(finiteOr(spec.seed, 1));
  const own = spec.set === OWN_SET ? usablePoints(spec.points ?? []) : [];
  const task = setTask(spec.set, own);
  const classes = setClasses(spec.set, spec.classes, own);
  let points = own;
  if (spec.set !== OWN_SET) {
    const noise = clamp(finiteOr(spec.noise, 0), 0, 1);
    const count = Math.round(clamp(finiteOr(spec.count, DEFAULT_COUNT), 2, MAX_COUNT));
    points = drawPoints(spec.set, classes, count, noise, seed).map((p) => ({
      x1: clamp(p.x1, -EXTENT, EXTENT),
      x2: clamp(p.x2, -EXTENT, EXTENT),
      y: p.y,
    }));
  }
  const byClass = task === 'classification';
  const { train, test } = splitPoints(points, spec.trainFraction, seed, byClass);
  const oneDimensional = spec.set === 'curve';
  if (!spec.validation || train.length < 2) return { task, classes, train, test, oneDimensional };
  // The same split again, inside the training share, seeded apart from the first one.
  const inner = splitPoints(train, 1 - VALIDATION_SHARE, seed + 1, byClass);
  return { task, classes, train: inner.train, test, validation: inner.test, oneDimensional };
}
