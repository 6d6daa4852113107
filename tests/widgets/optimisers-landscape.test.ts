// LandscapeRace's racers against the published update rules: on every landscape the chapter uses,
// the engine's first steps of SGD, heavy-ball momentum, Nesterov, RMSprop, Adam and AdamW (one race,
// all six together) equal the rules written out here in plain float64 JavaScript, with each
// landscape's gradient written out by hand, not taken from the engine.
import { beforeAll, describe, expect, it } from 'vitest';
import { initEngine } from '../../src/engine/index.ts';
import { DEFAULT_STARTS, namedLandscape, suggestedRates, type Point } from '../../src/widgets/LandscapeRace/landscapes.ts';
import { Race } from '../../src/widgets/LandscapeRace/race.ts';
import { RACERS, type RacerKind } from '../../src/widgets/LandscapeRace/racers.ts';

beforeAll(async () => {
  await initEngine({ prefer: 'cpu' });
});

type Gradient = (x: number, y: number) => [number, number];

/** Each landscape's gradient, differentiated by hand. */
const gradients = {
  valley: (k: number): Gradient => (x, y) => [x, k * y],
  // f = (1 − x)² + 100(y − x²)²
  rosenbrock: (): Gradient => (x, y) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
  // f = x⁴/4 − x²/2 + y²/2
  saddle: (): Gradient => (x, y) => [x ** 3 - x, y],
  // f = (x² + y − 11)² + (x + y² − 7)²
  himmelblau: (): Gradient => (x, y) => [4 * x * (x * x + y - 11) + 2 * (x + y * y - 7), 2 * (x * x + y - 11) + 4 * y * (x + y * y - 7)],
  // f = a² + b² + c², a = 1.5 − x + xy, b = 2.25 − x + xy², c = 2.625 − x + xy³
  beale: (): Gradient => (x, y) => {
    const a = 1.5 - x + x * y;
    const b = 2.25 - x + x * y * y;
    const c = 2.625 - x + x * y ** 3;
    return [2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y ** 3 - 1), 2 * a * x + 4 * b * x * y + 6 * c * x * y * y];
  },
};

const MU = 0.9;
const ALPHA = 0.99;
const BETAS = [0.9, 0.999] as const;
const EPS = 1e-8;
const LAMBDA = 0.01;

/** `steps` steps of racer `kind` from `start`, by the published rule, in float64. */
function reference(kind: RacerKind, lr: number, grad: Gradient, start: Point, steps: number): Point[] {
  let [x, y] = start;
  const b = [0, 0];
  const m = [0, 0];
  const v = [0, 0];
  const path: Point[] = [[x, y]];
  for (let t = 1; t <= steps; t++) {
    const g = grad(x, y);
    const p = [x, y];
    for (let i = 0; i < 2; i++) {
      switch (kind) {
        case 'sgd':
          // θ ← θ − η g
          p[i] -= lr * g[i];
          break;
        case 'momentum':
        case 'nesterov':
          // PyTorch's form: b₁ = g, then b ← μ b + g; heavy ball θ ← θ − η b, Nesterov θ ← θ − η (g + μ b)
          b[i] = t === 1 ? g[i] : MU * b[i] + g[i];
          p[i] -= lr * (kind === 'nesterov' ? g[i] + MU * b[i] : b[i]);
          break;
        case 'rmsprop':
          // v ← α v + (1 − α) g², θ ← θ − η g / (√v + ε)
          v[i] = ALPHA * v[i] + (1 - ALPHA) * g[i] ** 2;
          p[i] -= (lr * g[i]) / (Math.sqrt(v[i]) + EPS);
          break;
        case 'adam':
        case 'adamw': {
          // AdamW (Loshchilov & Hutter 2019): θ ← θ(1 − ηλ) first, decoupled from the gradient.
          if (kind === 'adamw') p[i] *= 1 - lr * LAMBDA;
          // Adam (Kingma & Ba 2015, Algorithm 1)
          m[i] = BETAS[0] * m[i] + (1 - BETAS[0]) * g[i];
          v[i] = BETAS[1] * v[i] + (1 - BETAS[1]) * g[i] ** 2;
          const mHat = m[i] / (1 - BETAS[0] ** t);
          const vHat = v[i] / (1 - BETAS[1] ** t);
          p[i] -= (lr * mHat) / (Math.sqrt(vHat) + EPS);
          break;
        }
      }
    }
    [x, y] = p;
    path.push([x, y]);
  }
  return path;
}

/** The engine's trails: one race of all six racers at the landscape's suggested rates. */
function engineTrails(landscape: ReturnType<typeof namedLandscape>, start: Point, rates: Record<RacerKind, number>, steps: number) {
  const race = new Race(landscape, start, RACERS.map((kind) => ({ kind, lr: rates[kind] })));
  try {
    for (let i = 0; i < steps; i++) race.step().loss.dispose();
    return race.view().racers;
  } finally {
    race.dispose();
  }
}

const STEPS = 20;
const cases = [
  { name: 'valley κ = 10', landscape: namedLandscape('valley', 10), grad: gradients.valley(10), start: DEFAULT_STARTS.valley, rates: suggestedRates('valley', 10) },
  { name: 'valley κ = 50', landscape: namedLandscape('valley', 50), grad: gradients.valley(50), start: DEFAULT_STARTS.valley, rates: suggestedRates('valley', 50) },
  { name: 'rosenbrock', landscape: namedLandscape('rosenbrock', 10), grad: gradients.rosenbrock(), start: DEFAULT_STARTS.rosenbrock, rates: suggestedRates('rosenbrock', 10) },
  { name: 'saddle', landscape: namedLandscape('saddle', 10), grad: gradients.saddle(), start: DEFAULT_STARTS.saddle, rates: suggestedRates('saddle', 10) },
  { name: 'himmelblau', landscape: namedLandscape('himmelblau', 10), grad: gradients.himmelblau(), start: DEFAULT_STARTS.himmelblau, rates: suggestedRates('himmelblau', 10) },
  { name: 'beale', landscape: namedLandscape('beale', 10), grad: gradients.beale(), start: DEFAULT_STARTS.beale, rates: suggestedRates('beale', 10) },
];

describe('the engine’s optimisers take the published steps', () => {
  for (const c of cases) {
    it(`${c.name}: ${STEPS} steps of each racer from (${c.start.join(', ')})`, () => {
      const trails = engineTrails(c.landscape, c.start, c.rates, STEPS);
      const width = c.landscape.extent.x[1] - c.landscape.extent.x[0];
      for (const racer of trails) {
        const expected = reference(racer.kind, c.rates[racer.kind], c.grad, c.start, STEPS);
        expect(racer.status, racer.kind).toBe('running');
        expect(racer.trail, racer.kind).toHaveLength(STEPS + 1);
        racer.trail.forEach((p, t) => {
          for (let i = 0; i < 2; i++) {
            // float32 against float64: relative 1e-4, with a floor of 1e-6 of the plot's width for coordinates crossing 0.
            const tolerance = 1e-4 * Math.max(Math.abs(expected[t][i]), 1e-2 * width);
            expect(Math.abs(p[i] - expected[t][i]), `${racer.kind} step ${t} coordinate ${i}: ${p[i]} vs ${expected[t][i]}`).toBeLessThanOrEqual(tolerance);
          }
        });
        // The arrow is the step the racer takes next, by the same rule.
        const ahead = reference(racer.kind, c.rates[racer.kind], c.grad, c.start, STEPS + 1)[STEPS + 1];
        const next = racer.next!;
        for (let i = 0; i < 2; i++) {
          const step = ahead[i] - expected[STEPS][i];
          expect(Math.abs(next[i] - step), `${racer.kind} next step ${i}`).toBeLessThanOrEqual(1e-3 * Math.max(Math.abs(step), 1e-3 * width));
        }
      }
    });
  }
});

/** f on each landscape, written out for the facts below. */
const valleyF = (k: number) => (x: number, y: number) => 0.5 * (x * x + k * y * y);

/** The first step at which the reference's f falls below `target`, or null. */
function referenceReach(kind: RacerKind, lr: number, grad: Gradient, f: (x: number, y: number) => number, start: Point, steps: number, target = 1e-3): number | null {
  const i = reference(kind, lr, grad, start, steps).findIndex(([x, y]) => f(x, y) < target);
  return i < 0 ? null : i;
}

/** The engine's race from `start`, with each racer's step of first reaching f − f_min < 10⁻³. */
function engineRace(landscape: ReturnType<typeof namedLandscape>, start: Point, rates: Partial<Record<RacerKind, number>>, steps: number) {
  const kinds = RACERS.filter((k) => rates[k] !== undefined);
  const race = new Race(landscape, start, kinds.map((kind) => ({ kind, lr: rates[kind]! })));
  try {
    for (let i = 0; i < steps && race.running(); i++) race.step().loss.dispose();
    return Object.fromEntries(race.view().racers.map((r) => [r.kind, r])) as Record<RacerKind, ReturnType<Race['view']>['racers'][number]>;
  } finally {
    race.dispose();
  }
}

describe('the race facts the chapter can quote', () => {
  it('valley κ = 10 from the default start at the default rates: each racer’s steps to f < 10⁻³, as the published rules give', () => {
    const rates = suggestedRates('valley', 10);
    const race = engineRace(namedLandscape('valley', 10), DEFAULT_STARTS.valley, rates, 500);
    for (const kind of RACERS) {
      expect(race[kind].reached, kind).toBe(referenceReach(kind, rates[kind], gradients.valley(10), valleyF(10), DEFAULT_STARTS.valley, 500));
    }
  });

  it('valley, rates scaled by 1/κ: from κ = 50 to 100 plain SGD needs twice the steps, momentum far less than twice', () => {
    const reach = (k: number) => engineRace(namedLandscape('valley', k), DEFAULT_STARTS.valley, suggestedRates('valley', k), 500);
    const at50 = reach(50);
    const at100 = reach(100);
    const sgdRatio = at100.sgd.reached! / at50.sgd.reached!;
    expect(sgdRatio).toBeGreaterThan(1.9);
    expect(sgdRatio).toBeLessThan(2.1);
    expect(at100.momentum.reached! / at50.momentum.reached!).toBeLessThan(1.4);
    // At κ = 50 both momentum methods beat plain descent to the target.
    expect(at50.momentum.reached!).toBeLessThan(at50.sgd.reached!);
    expect(at50.nesterov.reached!).toBeLessThan(at50.momentum.reached!);
  });

  it('valley κ = 50: plain SGD converges just under η = 2/κ and diverges just past it', () => {
    const sgdAt = (lr: number) => engineRace(namedLandscape('valley', 50), DEFAULT_STARTS.valley, { sgd: lr }, 500).sgd.status;
    expect(sgdAt(0.039)).toBe('arrived');
    expect(sgdAt(0.041)).toBe('diverged');
  });

  it('saddle: a hair off the ridge Adam leaves first, then the momentum methods, plain SGD last; on the ridge nobody leaves', () => {
    const rates = suggestedRates('saddle', 10);
    const race = engineRace(namedLandscape('saddle', 10), DEFAULT_STARTS.saddle, { sgd: rates.sgd, momentum: rates.momentum, nesterov: rates.nesterov, adam: rates.adam }, 500);
    const escape = (k: RacerKind) => race[k].trail.findIndex((p) => Math.abs(p[0]) > 0.5);
    const ref = (k: RacerKind) => reference(k, rates[k], gradients.saddle(), DEFAULT_STARTS.saddle, 200).findIndex((p) => Math.abs(p[0]) > 0.5);
    for (const k of ['sgd', 'momentum', 'nesterov', 'adam'] as const) expect(escape(k), k).toBe(ref(k));
    expect(escape('adam')).toBeLessThan(escape('nesterov'));
    expect(escape('nesterov')).toBeLessThanOrEqual(escape('momentum'));
    expect(escape('momentum')).toBeLessThan(escape('sgd'));
    const ridge = engineRace(namedLandscape('saddle', 10), [0, 1.8], { sgd: rates.sgd, momentum: rates.momentum, adam: rates.adam }, 300);
    for (const r of Object.values(ridge)) {
      expect(r.trail.every((p) => p[0] === 0)).toBe(true);
      // Stuck at the saddle: f − f_min = 0 − (−¼).
      expect(r.losses[r.losses.length - 1]).toBeCloseTo(0.25, 6);
    }
  });

  it('Himmelblau from (0, −1): plain and momentum descent end at (3.58, −1.85), RMSprop and Adam at (3, 2)', () => {
    const race = engineRace(namedLandscape('himmelblau', 10), DEFAULT_STARTS.himmelblau, suggestedRates('himmelblau', 10), 500);
    const end = (k: RacerKind) => race[k].trail[race[k].trail.length - 1];
    for (const k of ['sgd', 'momentum', 'nesterov'] as const) {
      expect(end(k)[0], k).toBeCloseTo(3.584428, 3);
      expect(end(k)[1], k).toBeCloseTo(-1.848126, 3);
    }
    for (const k of ['rmsprop', 'adam'] as const) {
      expect(end(k)[0], k).toBeCloseTo(3, 3);
      expect(end(k)[1], k).toBeCloseTo(2, 3);
    }
  });
});
