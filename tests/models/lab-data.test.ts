// The Lab's data sets: seeded draws, the shape of each set, the classes of the multi-class sets,
// the curve, and the train/test split (sizes, classes in proportion, no new draw).
import { describe, expect, it } from 'vitest';
import { data as engineData } from '../../src/engine/index.ts';
import { curveTarget, makeLabData, setClasses, setTask, type LabDataSpec } from '../../src/models/lab/data.ts';
import { LAB_SETS, type LabData, type LabPoint } from '../../src/models/lab/spec.ts';

const spec = (over: Partial<LabDataSpec>): LabDataSpec => ({ set: 'circle', classes: 3, noise: 0, trainFraction: 0.5, seed: 1, ...over });
const drawn = LAB_SETS.filter((s) => s !== 'own');
const all = (d: LabData) => [...d.train, ...d.test];
/** The points in a fixed order (by x₁, then x₂), for comparing two draws whatever their split. */
const sorted = (points: LabPoint[]) => [...points].sort((a, b) => a.x1 - b.x1 || a.x2 - b.x2 || a.y - b.y);
const countOf = (points: LabPoint[], label: number) => points.filter((p) => p.y === label).length;
const key = (p: LabPoint) => `${p.x1} ${p.x2} ${p.y}`;
/** Eight points, two classes, as a reader might click them. */
const ownSquare: LabPoint[] = [
  { x1: -3, x2: -3, y: 0 },
  { x1: -2, x2: -3, y: 0 },
  { x1: -3, x2: -2, y: 0 },
  { x1: -2, x2: -2, y: 0 },
  { x1: 3, x2: 3, y: 1 },
  { x1: 2, x2: 3, y: 1 },
  { x1: 3, x2: 2, y: 1 },
  { x1: 2, x2: 2, y: 1 },
];

describe('drawn data sets', () => {
  it.each(drawn)('%s: same seed, same points and split; another seed, other points', (set) => {
    const a = makeLabData(spec({ set, noise: 0.3, seed: 7 }));
    expect(makeLabData(spec({ set, noise: 0.3, seed: 7 }))).toEqual(a);
    const b = makeLabData(spec({ set, noise: 0.3, seed: 8 }));
    expect(sorted(all(b))).not.toEqual(sorted(all(a)));
  });

  it.each(drawn)('%s: 500 points by default, every one finite and on the plane, even at full noise', (set) => {
    const d = makeLabData(spec({ set, noise: 1, classes: 5 }));
    expect(all(d)).toHaveLength(500);
    for (const p of all(d)) {
      expect([p.x1, p.x2, p.y].every(Number.isFinite)).toBe(true);
      expect(Math.abs(p.x1)).toBeLessThanOrEqual(6);
      expect(Math.abs(p.x2)).toBeLessThanOrEqual(6);
    }
  });

  it('takes another count, and clamps counts and noise out of range rather than failing', () => {
    expect(all(makeLabData(spec({ count: 120 })))).toHaveLength(120);
    expect(all(makeLabData(spec({ count: 1 })))).toHaveLength(2);
    expect(all(makeLabData(spec({ count: NaN })))).toHaveLength(500);
    expect(makeLabData(spec({ noise: 7 }))).toEqual(makeLabData(spec({ noise: 1 })));
    expect(makeLabData(spec({ noise: -2 }))).toEqual(makeLabData(spec({ noise: 0 })));
  });

  it('names the task, the classes and the dimension of every set', () => {
    for (const set of ['circle', 'xor', 'gaussians', 'spiral', 'moons'] as const) {
      const d = makeLabData(spec({ set, classes: 5 }));
      expect([d.task, d.classes, d.oneDimensional]).toEqual(['classification', 2, false]);
      expect(new Set(all(d).map((p) => p.y))).toEqual(new Set([0, 1]));
      expect([setTask(set), setClasses(set, 5)]).toEqual(['classification', 2]);
    }
    for (const set of ['plane', 'bumps'] as const) {
      const d = makeLabData(spec({ set }));
      expect([d.task, d.classes, d.oneDimensional]).toEqual(['regression', 1, false]);
    }
    const curve = makeLabData(spec({ set: 'curve' }));
    expect([curve.task, curve.classes, curve.oneDimensional]).toEqual(['regression', 1, true]);
    expect([setTask('blobs'), setClasses('blobs', 4), setTask('curve'), setClasses('curve', 4)]).toEqual(['classification', 4, 'regression', 1]);
  });

  it('circle: class 1 inside radius 2.5, class 0 in the ring from 3.5 to 5 (no noise)', () => {
    for (const p of all(makeLabData(spec({ set: 'circle' })))) {
      const r = Math.hypot(p.x1, p.x2);
      if (p.y === 1) expect(r).toBeLessThanOrEqual(2.5);
      else expect(r >= 3.5 && r <= 5).toBe(true);
    }
  });

  it('xor: class 1 exactly in the first and third quadrants (no noise)', () => {
    for (const p of all(makeLabData(spec({ set: 'xor' })))) expect(p.y).toBe(p.x1 * p.x2 > 0 ? 1 : 0);
  });

  it('plane and bumps: the targets are their surfaces (no noise)', () => {
    for (const p of all(makeLabData(spec({ set: 'plane' })))) expect(p.y).toBeCloseTo((p.x1 + 2 * p.x2) / 10, 12);
    for (const p of all(makeLabData(spec({ set: 'bumps' })))) expect(p.y).toBeCloseTo(engineData.bumpsTarget(p.x1, p.x2), 12);
  });
});

describe('multi-class sets', () => {
  const cases = (['blobs', 'arms'] as const).flatMap((set) => [2, 3, 4, 5].map((classes) => [set, classes] as const));

  it.each(cases)('%s with %i classes: labels 0…K−1, balanced to within one point', (set, classes) => {
    const d = makeLabData(spec({ set, classes, noise: 0.5 }));
    expect(d.classes).toBe(classes);
    expect(new Set(all(d).map((p) => p.y))).toEqual(new Set(Array.from({ length: classes }, (_, k) => k)));
    for (let k = 0; k < classes; k++) expect(Math.abs(countOf(all(d), k) - 500 / classes)).toBeLessThanOrEqual(1);
  });

  it('clamps the number of classes to 2…5, and reads a number that is not one as 3', () => {
    expect(makeLabData(spec({ set: 'blobs', classes: 9 })).classes).toBe(5);
    expect(makeLabData(spec({ set: 'blobs', classes: 0 })).classes).toBe(2);
    expect(makeLabData(spec({ set: 'arms', classes: 3.6 })).classes).toBe(4);
    expect(makeLabData(spec({ set: 'arms', classes: NaN })).classes).toBe(3);
  });

  it.each([3, 4, 5])('blobs with %i classes: centres on a circle of radius 3.5, class 0 on top, the others anticlockwise', (classes) => {
    const points = all(makeLabData(spec({ set: 'blobs', classes })));
    const means = Array.from({ length: classes }, (_, k) => {
      const own = points.filter((p) => p.y === k);
      return [own.reduce((s, p) => s + p.x1, 0) / own.length, own.reduce((s, p) => s + p.x2, 0) / own.length];
    });
    expect(means[0][0]).toBeCloseTo(0, 0);
    expect(means[0][1]).toBeCloseTo(3.5, 0);
    means.forEach(([a, b], k) => {
      expect(Math.abs(Math.hypot(a, b) - 3.5)).toBeLessThan(0.15);
      const [c, d] = means[(k + 1) % classes];
      // The angle from one centre to the next, anticlockwise.
      const turn = (Math.atan2(d, c) - Math.atan2(b, a) + 4 * Math.PI) % (2 * Math.PI);
      expect(Math.abs(turn - (2 * Math.PI) / classes)).toBeLessThan(0.1);
    });
    // Each point lies nearer its own centre than any other (a few strays allowed).
    const nearest = (p: LabPoint) => means.reduce((best, m, k) => (Math.hypot(p.x1 - m[0], p.x2 - m[1]) < Math.hypot(p.x1 - means[best][0], p.x2 - means[best][1]) ? k : best), 0);
    expect(points.filter((p) => nearest(p) === p.y).length).toBeGreaterThanOrEqual(495);
  });

  it.each([3, 4, 5])('arms with %i classes: arm k sits at angle 2π·(3.5/K)·r/5 + 2πk/K from the x₂ axis', (classes) => {
    const points = all(makeLabData(spec({ set: 'arms', classes })));
    for (const p of points) {
      const r = Math.hypot(p.x1, p.x2);
      expect(r).toBeLessThan(5);
      if (r < 1e-9) continue;
      const turn = (Math.atan2(p.x1, p.x2) - 2 * Math.PI * (3.5 / classes) * (r / 5) + 8 * Math.PI) % (2 * Math.PI);
      const expected = (2 * Math.PI * p.y) / classes;
      // Distance on the circle between the point's phase and its arm's.
      const off = Math.min(Math.abs(turn - expected), 2 * Math.PI - Math.abs(turn - expected));
      expect(off).toBeLessThan(1e-9);
    }
  });

  it("arms with 2 classes is the engine's spiral, its labels swapped", () => {
    const arms = all(makeLabData(spec({ set: 'arms', classes: 2, count: 200 })));
    const spiral = engineData.toyDataset('spiral', { n: 200, noise: 0, seed: 1 });
    const engine = spiral.x.map(([x1, x2], i) => ({ x1, x2, y: 1 - spiral.y[i] }));
    const a = sorted(arms);
    sorted(engine).forEach((p, i) => {
      expect(a[i].x1).toBeCloseTo(p.x1, 9);
      expect(a[i].x2).toBeCloseTo(p.x2, 9);
      expect(a[i].y).toBe(p.y);
    });
  });
});

describe('the curve', () => {
  it('curveTarget is the damped sine sin(1.5·x)·exp(−x²/32)', () => {
    expect(curveTarget(0)).toBe(0);
    expect(curveTarget(Math.PI / 3)).toBeCloseTo(0.966311, 6); // sin(π/2)·e^(−π²/288)
    expect(curveTarget(2)).toBeCloseTo(0.124538, 6); // sin 3 · e^(−1/8) = 0.141120 · 0.882497
    expect(curveTarget(-2)).toBeCloseTo(-0.124538, 6);
    for (let x = -6; x <= 6; x += 0.01) expect(Math.abs(curveTarget(x))).toBeLessThanOrEqual(1);
  });

  it('without noise, every point is on the curve, x₂ = 0, x₁ spread over [−6, 6]', () => {
    const points = all(makeLabData(spec({ set: 'curve' })));
    for (const p of points) {
      expect(p.x2).toBe(0);
      expect(p.y).toBe(curveTarget(p.x1));
    }
    const xs = points.map((p) => p.x1);
    expect(Math.min(...xs)).toBeLessThan(-5.8);
    expect(Math.max(...xs)).toBeGreaterThan(5.8);
    expect(xs.filter((x) => x < 0).length).toBeGreaterThan(200);
  });

  it('with noise 0.5, the points scatter about the curve with a spread of about 0.15', () => {
    const points = all(makeLabData(spec({ set: 'curve', noise: 0.5 })));
    const residuals = points.map((p) => p.y - curveTarget(p.x1));
    const mean = residuals.reduce((s, r) => s + r, 0) / residuals.length;
    const std = Math.sqrt(residuals.reduce((s, r) => s + (r - mean) ** 2, 0) / residuals.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(std).toBeGreaterThan(0.13);
    expect(std).toBeLessThan(0.17);
    expect(Math.max(...residuals.map(Math.abs))).toBeLessThan(0.75);
  });
});

describe('the train/test split', () => {
  it.each([
    [0.1, 50],
    [0.25, 125],
    [0.5, 250],
    [0.8, 400],
    [0.9, 450],
  ])('a fraction of %f trains on %i of 500 points', (trainFraction, trained) => {
    const d = makeLabData(spec({ set: 'moons', trainFraction }));
    expect(d.train).toHaveLength(trained);
    expect(d.test).toHaveLength(500 - trained);
  });

  it('clamps the fraction to 0.1…0.9 and reads a number that is not one as 0.5', () => {
    expect(makeLabData(spec({ trainFraction: 0 })).train).toHaveLength(50);
    expect(makeLabData(spec({ trainFraction: 1 })).train).toHaveLength(450);
    expect(makeLabData(spec({ trainFraction: NaN })).train).toHaveLength(250);
  });

  it('a new fraction moves points across without drawing new ones, and keeps every training point of a smaller one', () => {
    for (const set of ['spiral', 'blobs', 'curve'] as const) {
      const splits = [0.2, 0.5, 0.7, 0.9].map((trainFraction) => makeLabData(spec({ set, noise: 0.4, trainFraction })));
      for (const d of splits) expect(sorted(all(d))).toEqual(sorted(all(splits[0])));
      for (let i = 1; i < splits.length; i++) {
        const larger = new Set(splits[i].train.map(key));
        expect(splits[i - 1].train.every((p) => larger.has(key(p)))).toBe(true);
      }
    }
  });

  it('splits each class in proportion, to within one point', () => {
    for (const [set, classes, trainFraction] of [
      ['blobs', 3, 0.5],
      ['arms', 5, 0.3],
      ['circle', 2, 0.8],
    ] as const) {
      const d = makeLabData(spec({ set, classes, trainFraction }));
      for (let k = 0; k < classes; k++) {
        expect(Math.abs(countOf(d.train, k) - trainFraction * countOf(all(d), k))).toBeLessThanOrEqual(1);
      }
    }
  });

  it('the seed changes the split of the same points', () => {
    const a = makeLabData(spec({ set: 'own', points: ownSquare, seed: 1 }));
    const splits = new Set([1, 2, 3, 4, 5, 6].map((seed) => makeLabData(spec({ set: 'own', points: ownSquare, seed })).train.map(key).join('|')));
    expect(a.train).toHaveLength(4);
    expect(splits.size).toBeGreaterThan(1);
  });
});

describe('the validation set early stopping watches', () => {
  it('is a fifth of the training share, classes in proportion, trained on never, and the test points stay as they were', () => {
    const plain = makeLabData(spec({ trainFraction: 0.5 }));
    const watched = makeLabData(spec({ trainFraction: 0.5, validation: true }));
    const validation = watched.validation ?? [];
    expect(plain.validation).toBeUndefined();
    expect(validation).toHaveLength(Math.round(0.2 * plain.train.length));
    expect(watched.train).toHaveLength(plain.train.length - validation.length);
    expect(sorted([...watched.train, ...validation])).toEqual(sorted(plain.train));
    expect(watched.test).toEqual(plain.test);
    const trained = new Set(watched.train.map(key));
    expect(validation.some((p) => trained.has(key(p)))).toBe(false);
    for (const label of [0, 1]) expect(Math.abs(countOf(validation, label) - 0.2 * countOf(plain.train, label))).toBeLessThanOrEqual(1);
  });

  it('is left out when the training share has fewer than two points', () => {
    const tiny = makeLabData(spec({ set: 'own', points: ownSquare.slice(0, 2), trainFraction: 0.5, validation: true }));
    expect(tiny.train).toHaveLength(1);
    expect(tiny.validation).toBeUndefined();
  });
});
