// The loss landscapes the racers run on: each f(x, y) written once with engine ops, elementwise, so
// the same function gives a whole grid of values (the contour map) and one point with its gradient
// (a racer's step, by the engine's autograd). With each: the plotted region, the known minima and
// saddle points, f's lowest value, where a race starts, and learning rates that make a race of it.
import { add, mul, sub, square, type Tensor } from '../../engine/index.ts';
import type { Extent } from '../kit/plot/grid.ts';
import type { RacerKind } from './racers.ts';

export const LANDSCAPES = ['valley', 'rosenbrock', 'saddle', 'himmelblau', 'beale', 'typed'] as const;
export type LandscapeName = (typeof LANDSCAPES)[number];
export type Point = readonly [number, number];

export interface Landscape {
  name: LandscapeName;
  /** The plotted region. */
  extent: Extent;
  /** f at each (x, y), elementwise on tensors of one shape. */
  f: (x: Tensor, y: Tensor) => Tensor;
  /** The minima (none known for a typed expression). */
  minima: readonly Point[];
  saddles: readonly Point[];
  /** f's lowest value, or null where it is not known (a typed expression). */
  fMin: number | null;
}

/** The condition number κ of the valley: the ratio of its two curvatures. */
export const CONDITION_RANGE: readonly [number, number] = [1, 100];

/**
 * ½(x² + κy²): curvature 1 along x, κ across. Axis-aligned on purpose: RMSprop and Adam rescale
 * each coordinate, which is exactly what mends an axis-aligned valley (the typed default is the
 * same valley turned by 45°, which they cannot mend that way).
 */
function valley(condition: number): Landscape {
  return {
    name: 'valley',
    extent: { x: [-3, 3], y: [-3, 3] },
    f: (x, y) => mul(0.5, add(square(x), mul(condition, square(y)))),
    minima: [[0, 0]],
    saddles: [],
    fMin: 0,
  };
}

/** Rosenbrock (1960), a = 1, b = 100: a curved, flat-bottomed valley with its minimum at (1, 1). */
const rosenbrock: Landscape = {
  name: 'rosenbrock',
  extent: { x: [-2, 2], y: [-1, 3] },
  f: (x, y) => add(square(sub(1, x)), mul(100, square(sub(y, square(x))))),
  minima: [[1, 1]],
  saddles: [],
  fMin: 0,
};

/**
 * x⁴/4 − x²/2 + y²/2: a saddle at the origin (curving down along x, up along y) between two minima
 * at (±1, 0), f = −¼. Bounded below, so a racer that leaves the saddle has somewhere to go; from
 * exactly x = 0 the gradient has no x part and nothing ever leaves.
 */
const saddle: Landscape = {
  name: 'saddle',
  extent: { x: [-2, 2], y: [-2, 2] },
  f: (x, y) => add(sub(mul(0.25, square(square(x))), mul(0.5, square(x))), mul(0.5, square(y))),
  minima: [
    [-1, 0],
    [1, 0],
  ],
  saddles: [[0, 0]],
  fMin: -0.25,
};

/** Himmelblau (1972): four minima of equal height 0, and a maximum near (−0.27, −0.92). */
const himmelblau: Landscape = {
  name: 'himmelblau',
  extent: { x: [-5, 5], y: [-5, 5] },
  f: (x, y) => add(square(add(square(x), sub(y, 11))), square(add(x, sub(square(y), 7)))),
  // Three of them are irrational: the roots, to float32's precision, of ∇f = 0.
  minima: [
    [3, 2],
    [-2.805118, 3.131312],
    [-3.77931, -3.283186],
    [3.584428, -1.848126],
  ],
  saddles: [],
  fMin: 0,
};

/** Beale (1958): flat plateaus and steep walls around one minimum at (3, ½). */
const beale: Landscape = {
  name: 'beale',
  extent: { x: [-1, 4.5], y: [-2.5, 3] },
  f: (x, y) => {
    const xy = mul(x, y);
    const xy2 = mul(xy, y);
    const xy3 = mul(xy2, y);
    return add(add(square(add(sub(1.5, x), xy)), square(add(sub(2.25, x), xy2))), square(add(sub(2.625, x), xy3)));
  },
  minima: [[3, 0.5]],
  saddles: [],
  fMin: 0,
};

/** The region and start of a typed expression: its minima are not known. */
export const TYPED_EXTENT: Extent = { x: [-3, 3], y: [-3, 3] };

/** A typed f (typedLandscape.ts makes it from the reader's expression). */
export function typedLandscape(f: (x: Tensor, y: Tensor) => Tensor): Landscape {
  return { name: 'typed', extent: TYPED_EXTENT, f, minima: [], saddles: [], fMin: null };
}

/** A named landscape other than a typed one; `condition` is the valley's κ. */
export function namedLandscape(name: Exclude<LandscapeName, 'typed'>, condition: number): Landscape {
  switch (name) {
    case 'valley':
      return valley(condition);
    case 'rosenbrock':
      return rosenbrock;
    case 'saddle':
      return saddle;
    case 'himmelblau':
      return himmelblau;
    case 'beale':
      return beale;
  }
}

/** Where a race starts on each landscape (the reader drags it elsewhere). */
export const DEFAULT_STARTS: Record<LandscapeName, Point> = {
  valley: [-2.5, 1.5],
  // Rosenbrock's own starting point.
  rosenbrock: [-1.2, 1],
  // A hair's breadth off the ridge x = 0 that leads into the saddle.
  saddle: [0.01, 1.8],
  // Plain and momentum descent end in the minimum at (3.58, −1.85), the adaptive methods at (3, 2).
  himmelblau: [0, -1],
  beale: [1, -1],
  typed: [-2.5, 1.5],
};

/** The most steps of a race: Rosenbrock's long flat valley takes longer than the others. */
export function maxStepsOf(name: LandscapeName): number {
  return name === 'rosenbrock' ? 1000 : 500;
}

/**
 * Rates that make a race of it on each landscape, each about as large as that racer stays stable
 * with from the default start. On the valley, plain descent and both momentum methods scale as 1/κ
 * (the steep wall's curvature sets their largest stable rate, 2/κ for plain descent); the adaptive
 * methods divide by the gradient's own size and need no such scaling.
 */
export function suggestedRates(name: LandscapeName, condition: number): Record<RacerKind, number> {
  switch (name) {
    case 'valley':
      return { sgd: round2(1.8 / condition), momentum: round2(1 / condition), nesterov: round2(1 / condition), rmsprop: 0.03, adam: 0.1, adamw: 0.1 };
    case 'rosenbrock':
      return { sgd: 0.002, momentum: 0.002, nesterov: 0.001, rmsprop: 0.01, adam: 0.2, adamw: 0.2 };
    case 'saddle':
      // One rate for plain descent and both momentum methods, so that what differs is the method.
      return { sgd: 0.1, momentum: 0.1, nesterov: 0.1, rmsprop: 0.03, adam: 0.1, adamw: 0.1 };
    case 'himmelblau':
      return { sgd: 0.01, momentum: 0.002, nesterov: 0.002, rmsprop: 0.03, adam: 0.1, adamw: 0.1 };
    case 'beale':
      return { sgd: 0.02, momentum: 0.005, nesterov: 0.005, rmsprop: 0.03, adam: 0.1, adamw: 0.1 };
    case 'typed':
      // The typed default is the valley with κ = 10, turned by 45°.
      return suggestedRates('valley', 10);
  }
}

/** Two significant digits, as the rate sliders show a rate. */
export function round2(v: number): number {
  return Number(v.toPrecision(2));
}

/** The nearest of `points` to p, with its distance, or null when there are none. */
export function nearest(points: readonly Point[], p: Point): { point: Point; distance: number } | null {
  let best: { point: Point; distance: number } | null = null;
  for (const q of points) {
    const d = Math.hypot(p[0] - q[0], p[1] - q[1]);
    if (!best || d < best.distance) best = { point: q, distance: d };
  }
  return best;
}
