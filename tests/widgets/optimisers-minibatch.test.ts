// MinibatchNoise's logic in Node: the engine's full-batch, per-example and mini-batch gradients
// against the squared error's gradient written out in plain JS (float64); mini-batch gradients
// unbiased; the measured variance on σ²/B·(N − B)/(N − 1) within a tolerance set by the number of
// draws; zero variance at B = N; seeded draws; the descent paths against plain-JS descent; the
// link schema; and memory back to its baseline.
import { beforeAll, describe, expect, it } from 'vitest';
import { initEngine, liveTensorCount } from '../../src/engine/index.ts';
import { decodeState, initialState, labelOf } from '../../src/book/urlState.ts';
import { descentPath } from '../../src/widgets/MinibatchNoise/descent.ts';
import { batchGradients, fullBatchGradient, measureGradients, perExampleGradients } from '../../src/widgets/MinibatchNoise/gradients.ts';
import { minibatchNoiseSchema } from '../../src/widgets/MinibatchNoise/MinibatchNoise.tsx';
import { batchSizes, drawAllBatches, drawBatches, epochOrder, ETA, makeSample, N, START, theoryVariance, type Sample } from '../../src/widgets/MinibatchNoise/problem.ts';
import { angleBetween, arrowSpread, batchArithmetic } from '../../src/widgets/MinibatchNoise/readout.ts';
import { lossSurface, SURFACE } from '../../src/widgets/MinibatchNoise/surface.ts';
import { MINIMUM, SAMPLE } from '../../src/widgets/MinibatchNoise/useMinibatchNoise.ts';
import { minibatchStrings } from '../../src/widgets/MinibatchNoise/strings.ts';
import { gridCenters } from '../../src/widgets/kit/plot/grid.ts';
import { optimisersWidgets } from '../../src/widgets/registry/optimisers.ts';

beforeAll(async () => {
  await initEngine({ prefer: 'cpu' });
});

// ---- The reference: L = mean((w·x + b − y)²) and its gradients, by hand, in float64.
type Vec = [number, number];
const residual = (s: Sample, w: number, b: number, i: number) => w * s.x[i] + b - s.y[i];
/** ∇ℓᵢ = 2rᵢ·(xᵢ, 1). */
const exampleGradient = (s: Sample, w: number, b: number, i: number): Vec => {
  const r = residual(s, w, b, i);
  return [2 * r * s.x[i], 2 * r];
};
const meanOf = (gs: readonly Vec[]): Vec => [gs.reduce((a, g) => a + g[0], 0) / gs.length, gs.reduce((a, g) => a + g[1], 0) / gs.length];
const batchGradient = (s: Sample, w: number, b: number, idx: ArrayLike<number>): Vec => meanOf(Array.from(idx, (i) => exampleGradient(s, w, b, i)));
const fullGradient = (s: Sample, w: number, b: number) => batchGradient(s, w, b, s.x.map((_, i) => i));
const lossOf = (s: Sample, w: number, b: number) => s.x.reduce((a, _, i) => a + residual(s, w, b, i) ** 2, 0) / s.x.length;
const dist2 = (a: Vec, b: Vec) => (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2;
/** σ²: the per-example gradients' mean squared distance from their mean (divisor N). */
const sigma2Of = (s: Sample, w: number, b: number) => {
  const g = fullGradient(s, w, b);
  return s.x.reduce((a, _, i) => a + dist2(exampleGradient(s, w, b, i), g), 0) / s.x.length;
};

/** float32 against float64: relative to the numbers' size. */
const near = (a: number, b: number, scale: number, rel = 2e-5) => expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(scale)));
const POINTS: [number, number][] = [
  [START.w, START.b],
  [MINIMUM.w, MINIMUM.b],
  [-1, 4],
  [5, -2],
  [3.3, 0.7],
];

describe('the problem', () => {
  it('200 seeded points, the same at every call; the minimum is where the engine’s gradient vanishes', () => {
    const again = makeSample();
    expect(SAMPLE.x).toHaveLength(N);
    expect(again).toEqual(SAMPLE);
    // The least-squares line of y = 2x + 1 + noise is close to (2, 1).
    expect(Math.abs(MINIMUM.w - 2)).toBeLessThan(0.2);
    expect(Math.abs(MINIMUM.b - 1)).toBeLessThan(0.2);
    const g = fullBatchGradient(SAMPLE, MINIMUM.w, MINIMUM.b).grad;
    expect(Math.hypot(...g)).toBeLessThan(1e-4);
  });

  it('the theory line: σ² at B = 1, 0 at B = N, and σ²/B·(N − B)/(N − 1) between', () => {
    expect(theoryVariance(5, 1)).toBeCloseTo(5, 12);
    expect(theoryVariance(5, N)).toBe(0);
    expect(theoryVariance(72, 32)).toBeCloseTo(((72 / 32) * 168) / 199, 12);
  });
});

describe('gradients by the engine against the closed form', () => {
  it('the full-batch gradient and loss equal (2/N)·Σ rᵢ·(xᵢ, 1) and mean rᵢ²', () => {
    for (const [w, b] of POINTS) {
      const { loss, grad } = fullBatchGradient(SAMPLE, w, b);
      const ref = fullGradient(SAMPLE, w, b);
      const scale = Math.hypot(...fullGradient(SAMPLE, START.w, START.b));
      near(grad[0], ref[0], scale);
      near(grad[1], ref[1], scale);
      near(loss, lossOf(SAMPLE, w, b), lossOf(SAMPLE, w, b));
    }
  });

  it('every example’s gradient, from one backward pass, is 2rᵢ·(xᵢ, 1)', () => {
    const [w, b] = POINTS[2];
    const engine = perExampleGradients(SAMPLE, w, b);
    expect(engine).toHaveLength(N);
    engine.forEach((g, i) => {
      const ref = exampleGradient(SAMPLE, w, b, i);
      near(g[0], ref[0], Math.hypot(...ref));
      near(g[1], ref[1], Math.hypot(...ref));
    });
  });

  it('each mini-batch gradient is the gradient of that batch’s mean loss', () => {
    const [w, b] = POINTS[4];
    const draws = drawAllBatches(3, 5);
    const engine = batchGradients(SAMPLE, w, b, draws);
    let row = 0;
    batchSizes.forEach((size, k) => {
      for (let d = 0; d < 5; d++, row++) {
        const idx = draws.indices[k].subarray(d * size, (d + 1) * size);
        const ref = batchGradient(SAMPLE, w, b, idx);
        // The same batch through the engine's own loss and backward().
        const sub = { x: Array.from(idx, (i) => SAMPLE.x[i]), y: Array.from(idx, (i) => SAMPLE.y[i]) };
        const direct = fullBatchGradient(sub, w, b).grad;
        near(engine[row][0], ref[0], Math.hypot(...ref) + 1);
        near(engine[row][1], ref[1], Math.hypot(...ref) + 1);
        near(direct[0], ref[0], Math.hypot(...ref) + 1);
        near(direct[1], ref[1], Math.hypot(...ref) + 1);
      }
    });
  });
});

describe('the draws of batches', () => {
  it('each batch has B distinct examples; the same draw counter gives the same batches, another one others', () => {
    for (const size of batchSizes) {
      const a = drawBatches(size, 50, 4);
      for (let d = 0; d < 50; d++) {
        const batch = Array.from(a.subarray(d * size, (d + 1) * size));
        expect(new Set(batch).size).toBe(size);
        for (const i of batch) expect(i >= 0 && i < N).toBe(true);
      }
      expect(drawBatches(size, 50, 4)).toEqual(a);
      if (size < N) expect(drawBatches(size, 50, 5)).not.toEqual(a);
    }
    expect(() => drawBatches(0, 1, 0)).toThrow(/batch size/);
    expect(() => drawBatches(201, 1, 0)).toThrow(/batch size/);
  });

  it('every example is equally likely to be drawn (counts within 4 standard deviations of the mean)', () => {
    const draws = 2000;
    const idx = drawBatches(8, draws, 0);
    const counts = new Array<number>(N).fill(0);
    for (const i of idx) counts[i]++;
    const expected = (draws * 8) / N;
    const sd = Math.sqrt(expected * (1 - 8 / N));
    for (const c of counts) expect(Math.abs(c - expected)).toBeLessThan(4.5 * sd);
  });

  it('the averaging matrix has one row per batch, summing to 1', () => {
    const d = drawAllBatches(0, 3);
    expect(d.averaging.length).toBe(batchSizes.length * 3 * N);
    for (let r = 0; r < batchSizes.length * 3; r++) {
      const row = d.averaging.subarray(r * N, (r + 1) * N);
      expect(row.reduce((a, v) => a + v, 0)).toBeCloseTo(1, 5);
    }
  });
});

describe('mini-batch noise', () => {
  const DRAWS = 2000;
  const [w, b] = [START.w, START.b];
  const full = fullGradient(SAMPLE, w, b);
  const sigma2 = sigma2Of(SAMPLE, w, b);
  let grads: Vec[] = [];
  const rows = (k: number) => grads.slice(k * DRAWS, (k + 1) * DRAWS);
  beforeAll(() => {
    grads = batchGradients(SAMPLE, w, b, drawAllBatches(11, DRAWS));
  });

  it('is unbiased: the mean of the batch gradients approaches the full-batch gradient (within 4 standard errors)', () => {
    batchSizes.forEach((size, k) => {
      const m = meanOf(rows(k));
      // Each component's standard error: its variance over the draws, divided by the draws.
      const se = [0, 1].map((c) => Math.sqrt(rows(k).reduce((a, g) => a + (g[c] - full[c]) ** 2, 0) / DRAWS / DRAWS));
      for (const c of [0, 1]) expect(Math.abs(m[c] - full[c])).toBeLessThanOrEqual(4 * se[c] + 1e-4);
    });
    // And it is not trivially so: one batch of 8 is far from the full gradient.
    expect(dist2(rows(3)[0], full)).toBeGreaterThan(0.01);
  });

  it('has the variance σ²/B·(N − B)/(N − 1): measured over 2000 draws, within 4 standard errors of the mean', () => {
    batchSizes.forEach((size, k) => {
      const d = rows(k).map((g) => dist2(g, full));
      const measured = d.reduce((a, v) => a + v, 0) / DRAWS;
      const sd = Math.sqrt(d.reduce((a, v) => a + (v - measured) ** 2, 0) / (DRAWS - 1));
      const theory = theoryVariance(sigma2, size);
      if (size === N) {
        // Every batch is the whole set: nothing but float32 rounding remains.
        expect(measured).toBeLessThan(1e-8 * sigma2);
      } else {
        expect(Math.abs(measured - theory)).toBeLessThanOrEqual((4 * sd) / Math.sqrt(DRAWS));
        // The tolerance is tight enough to tell the correction from σ²/B (with replacement) at B ≥ 64.
        if (size >= 64) expect(Math.abs(measured - sigma2 / size)).toBeGreaterThan((4 * sd) / Math.sqrt(DRAWS));
      }
    });
  });

  it('the figure’s own measurement (200 draws) sits on the line, and its σ² is the closed form’s', () => {
    for (const [pw, pb] of POINTS) {
      const draws = drawAllBatches(0);
      const picture = measureGradients(SAMPLE, pw, pb, draws, 3);
      const s2 = sigma2Of(SAMPLE, pw, pb);
      near(picture.sigma2, s2, s2);
      const g = batchGradients(SAMPLE, pw, pb, draws);
      const ref = fullGradient(SAMPLE, pw, pb);
      batchSizes.forEach((size, k) => {
        const d = g.slice(k * draws.draws, (k + 1) * draws.draws).map((v) => dist2(v, ref));
        const mean = d.reduce((a, v) => a + v, 0) / d.length;
        const sd = Math.sqrt(d.reduce((a, v) => a + (v - mean) ** 2, 0) / (d.length - 1));
        // What the figure shows is this mean, computed by the engine.
        near(picture.variances[k], mean, s2, 1e-4);
        if (size === N) expect(picture.variances[k]).toBeLessThan(1e-8 * s2);
        else expect(Math.abs(picture.variances[k] - theoryVariance(s2, size))).toBeLessThanOrEqual((4 * sd) / Math.sqrt(d.length));
      });
    }
  });

  it('the arrows are the first 20 batches of the chosen size', () => {
    const draws = drawAllBatches(2);
    const picture = measureGradients(SAMPLE, w, b, draws, 4);
    expect(picture.arrows).toHaveLength(20);
    picture.arrows.forEach((g, i) => {
      const ref = batchGradient(SAMPLE, w, b, draws.indices[4].subarray(i * 16, (i + 1) * 16));
      near(g[0], ref[0], Math.hypot(...ref) + 1);
      near(g[1], ref[1], Math.hypot(...ref) + 1);
    });
    near(picture.full[0], full[0], Math.hypot(...full));
    near(picture.loss, lossOf(SAMPLE, w, b), lossOf(SAMPLE, w, b));
  });

  it('is seeded: the same draw counter gives the same arrows, another counter other arrows', () => {
    const a = measureGradients(SAMPLE, w, b, drawAllBatches(7), 3);
    const again = measureGradients(SAMPLE, w, b, drawAllBatches(7), 3);
    const other = measureGradients(SAMPLE, w, b, drawAllBatches(8), 3);
    expect(again).toEqual(a);
    expect(other.arrows).not.toEqual(a.arrows);
    expect(other.full).toEqual(a.full);
  });
});

describe('what the text says', () => {
  it('B = 32 costs 32 example-gradients and divides the variance by 32, by 32·199/168 without replacement', () => {
    const a = batchArithmetic(32);
    expect(a.cost).toBe(32);
    expect(a.sdFold).toBeCloseTo(Math.sqrt(32), 12);
    expect(a.exactVarianceFold).toBeCloseTo((32 * 199) / 168, 12);
    expect(batchArithmetic(N).exactVarianceFold).toBe(Infinity);
    expect(minibatchStrings.arithmetic(32, a, 72, N)).toContain('5.7-fold');
  });

  it('the spread of the arrows: angles, downhill count, none at the minimum', () => {
    expect(angleBetween([1, 0], [0, 2])).toBeCloseTo(90, 10);
    expect(angleBetween([1, 1], [-1, -1])).toBeCloseTo(180, 10);
    const sp = arrowSpread([1, 0], [[1, 0.1], [1, -1], [-1, 0.2]], 1)!;
    expect(sp.downhill).toBe(2);
    expect(sp.maxAngle).toBeCloseTo(180 - (Math.atan(0.2) * 180) / Math.PI, 8);
    expect(arrowSpread([1e-6, 0], [[1, 0]], 1)).toBeNull();
  });
});

describe('the loss surface and the paths', () => {
  it('the surface is the loss at each cell’s centre, lowest near the least-squares line', () => {
    const values = lossSurface(SAMPLE);
    const centres = gridCenters({ x: [-1, 5], y: [-2, 4] }, SURFACE.cols, SURFACE.rows);
    expect(values).toHaveLength(centres.length);
    for (const i of [0, 100, 1000, centres.length - 1]) near(values[i], lossOf(SAMPLE, ...centres[i]), lossOf(SAMPLE, ...centres[i]));
    const best = centres[values.indexOf(Math.min(...values))];
    expect(Math.abs(best[0] - MINIMUM.w)).toBeLessThan(0.2);
    expect(Math.abs(best[1] - MINIMUM.b)).toBeLessThan(0.2);
  });

  it('optim.SGD’s paths are plain-JS gradient descent: full batch, and batches of 8 in epoch order', () => {
    const start = { w: START.w, b: START.b };
    const order = epochOrder(20, 8, 0);
    for (const batches of [null, order]) {
      const path = descentPath(SAMPLE, start, batches, 20);
      expect(path).toHaveLength(21);
      let [w, b] = [start.w, start.b];
      path.forEach((p, t) => {
        near(p[0], w, 5, 1e-4);
        near(p[1], b, 5, 1e-4);
        const g = batches ? batchGradient(SAMPLE, w, b, batches[t] ?? []) : fullGradient(SAMPLE, w, b);
        [w, b] = [w - ETA * g[0], b - ETA * g[1]];
      });
    }
    // The full-batch path only goes down.
    const losses = descentPath(SAMPLE, start, null, 20).map(([pw, pb]) => lossOf(SAMPLE, pw, pb));
    losses.slice(1).forEach((l, t) => expect(l).toBeLessThan(losses[t]));
  });

  it('epochs: each example once per epoch, reshuffled between epochs', () => {
    const order = epochOrder(50, 8, 3);
    const firstEpoch = order.slice(0, 25).flat();
    expect(new Set(firstEpoch).size).toBe(N);
    expect(order.slice(25, 50).flat()).not.toEqual(firstEpoch);
    expect(epochOrder(50, 8, 3)).toEqual(order);
  });
});

describe('memory', () => {
  it('frees every tensor: gradients, the measurement, the surface and the paths', () => {
    const before = liveTensorCount();
    const draws = drawAllBatches(0, 20);
    fullBatchGradient(SAMPLE, 1, 1);
    perExampleGradients(SAMPLE, 1, 1);
    batchGradients(SAMPLE, 1, 1, draws);
    measureGradients(SAMPLE, 1, 1, draws, 8);
    lossSurface(SAMPLE);
    descentPath(SAMPLE, { w: 0, b: 0 }, epochOrder(5, 4, 0), 5);
    descentPath(SAMPLE, { w: 0, b: 0 }, null, 5);
    expect(liveTensorCount()).toBe(before);
  });
});

describe('the link', () => {
  it('starts at (0, −1) with batches of 8, draw 0, no paths; every setting named from the catalogue', () => {
    expect(initialState(minibatchNoiseSchema, {}).state).toEqual({ w: 0, b: -1, batch: '8', draw: 0, paths: false });
    for (const [key, field] of Object.entries(minibatchNoiseSchema)) expect(labelOf(key, field)).not.toBe(key);
    expect(batchSizes).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 200]);
  });

  it('clamps or refuses hostile values, each with a notice', () => {
    const base = initialState(minibatchNoiseSchema, {}).state;
    const { state, notices } = decodeState(minibatchNoiseSchema, 'w:1e9,b:NaN,batch:7,draw:-5,paths:maybe', base);
    expect(state).toEqual({ w: 5, b: -1, batch: '8', draw: 0, paths: false });
    expect(notices).toHaveLength(5);
    const more = decodeState(minibatchNoiseSchema, 'w:-Infinity,b:2.345678,batch:200,draw:12.6,paths:on,constructor:1', base);
    expect(more.state).toEqual({ w: 0, b: 2.35, batch: '200', draw: 13, paths: true });
    expect(more.notices.some((n) => n.key === null)).toBe(true);
  });

  it('the chapter can start elsewhere, and the registry names the figure', () => {
    expect(initialState(minibatchNoiseSchema, { batch: '1', w: 2, b: 1 }).state).toMatchObject({ batch: '1', w: 2, b: 1 });
    expect(Object.keys(optimisersWidgets)).toContain('MinibatchNoise');
  });
});
