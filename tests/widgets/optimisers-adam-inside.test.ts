// AdamInside's logic in Node: the engine's m, v, m̂, v̂ and steps against Kingma & Ba (2015),
// Algorithm 1, written out below in plain float64 JS; the first step's size whatever the gradient's
// scale; the uncorrected variant; the streams (the noisy one seeded); the schema's defaults; and
// memory returning to its baseline.
import { beforeAll, describe, expect, it } from 'vitest';
import { initEngine, liveTensorCount, optim, parameterFrom, tensor } from '../../src/engine/index.ts';
import { initialState } from '../../src/book/urlState.ts';
import { adamSteps, gradientStream, SPARSE_EVERY, STEPS, streams, type AdamSetting } from '../../src/widgets/AdamInside/adamSteps.ts';
import { adamInsideSchema } from '../../src/widgets/AdamInside/AdamInside.tsx';
import { adamStrings } from '../../src/widgets/AdamInside/strings.ts';
import { optimisersWidgets } from '../../src/widgets/registry/optimisers.ts';

beforeAll(async () => {
  await initEngine({ prefer: 'cpu' });
});

/** Algorithm 1 of Kingma & Ba (2015) for one parameter, with the correction switchable. */
function published(gs: number[], lr: number, b1: number, b2: number, eps: number, corrected = true) {
  let m = 0;
  let v = 0;
  return gs.map((g, i) => {
    const t = i + 1;
    m = b1 * m + (1 - b1) * g;
    v = b2 * v + (1 - b2) * g * g;
    const mHat = corrected ? m / (1 - b1 ** t) : m;
    const vHat = corrected ? v / (1 - b2 ** t) : v;
    return { m, v, mHat, vHat, step: (-lr * mHat) / (Math.sqrt(vHat) + eps) };
  });
}

/** Equal to float32 precision, relative to the size of the numbers compared. */
const near = (a: number, b: number, size = Math.abs(b)) => expect(Math.abs(a - b)).toBeLessThanOrEqual(2e-5 * Math.max(size, 1e-30));

/**
 * A step read as θ_t − θ_{t−1} from float32 parameters: off by the float32 rounding of θ (at most
 * `theta` in size) besides the step's own.
 */
const nearStep = (a: number, b: number, theta: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(3e-7 * theta + 2e-5 * Math.abs(b) + 1e-12);

/** How far θ can be from 0 after each step: the sum of the steps' sizes so far. */
const reach = (steps: number[]) => steps.map((_, i) => steps.slice(0, i + 1).reduce((a, b) => a + Math.abs(b), 0));

const base: AdamSetting = { stream: 'constant', scale: 1, seed: 1, learningRate: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8 };

describe('the engine’s Adam against Algorithm 1', () => {
  const settings: AdamSetting[] = [
    base,
    { ...base, stream: 'noisy', seed: 7 },
    { ...base, stream: 'alternating', beta1: 0.5, beta2: 0.99 },
    { ...base, stream: 'sparse', learningRate: 0.001 },
    { ...base, stream: 'noisy', scale: 1e-3, eps: 1e-6 },
    { ...base, scale: 1000, beta1: 0, beta2: 0.5 },
  ];
  for (const o of settings) {
    it(`${o.stream}, scale ${o.scale}, η ${o.learningRate}, β ${o.beta1}/${o.beta2}, ε ${o.eps}: every number of 30 steps`, () => {
      const run = adamSteps({ ...o, steps: 30 });
      const gs = gradientStream(o.stream, o.scale, o.seed, 30);
      const ref = published(gs, o.learningRate, o.beta1, o.beta2, o.eps);
      const plain = published(gs, o.learningRate, o.beta1, o.beta2, o.eps, false);
      const reachCorrected = reach(ref.map((r) => r.step));
      const reachPlain = reach(plain.map((r) => r.step));
      ref.forEach((r, i) => {
        near(run.g[i], gs[i]);
        near(run.m[i], r.m, o.scale);
        near(run.v[i], r.v, o.scale ** 2);
        near(run.mHat[i], r.mHat, o.scale);
        near(run.vHat[i], r.vHat, o.scale ** 2);
        nearStep(run.stepCorrected[i], r.step, reachCorrected[i]);
        nearStep(run.stepUncorrected[i], plain[i].step, reachPlain[i]);
      });
    });
  }

  it('Adam.moments gives the same m and v as the optimiser’s state dict, and null before a step', () => {
    const p = parameterFrom([0, 0], [2], 'p');
    const adam = new optim.Adam([p], { lr: 0.1 });
    expect(adam.moments(0)).toBeNull();
    expect(() => adam.moments(1)).toThrow(/no parameter 1/);
    p.grad = tensor([2, -3]);
    adam.step();
    const { m, v } = adam.moments(0)!;
    const slots = adam.stateDict().slots;
    expect(Array.from(m.data())).toEqual(slots['0.expAvg'].values);
    expect(Array.from(v.data())).toEqual(slots['0.expAvgSq'].values);
    for (const t of [m, v, p]) t.dispose();
    adam.dispose();
  });
});

describe('what the chapter says about the first steps', () => {
  it('constant g: m̂₁ = g and the first step is −η·g/(|g| + ε) ≈ −η, whatever the scale', () => {
    for (const scale of [1e-3, 1, 1e3]) {
      const run = adamSteps({ ...base, scale, steps: 3 });
      near(run.mHat[0], scale);
      near(run.vHat[0], scale * scale);
      nearStep(run.stepCorrected[0], (-0.1 * scale) / (scale + 1e-8), 0.1);
      // ≈ −η: ε takes 10⁻⁵ of it off at scale 10⁻³ (g/(g + ε) with g = 10⁻³, ε = 10⁻⁸).
      expect(run.stepCorrected[0]).toBeCloseTo(-0.1, 5);
      // The constant stream keeps m̂ = g and v̂ = g²: every step is −η.
      run.stepCorrected.forEach((step, i) => nearStep(step, -0.1, 0.1 * (i + 1)));
    }
  });

  it('without the correction m₁ = (1 − β₁)g, v₁ = (1 − β₂)g², and the first step is (1 − β₁)/√(1 − β₂) ≈ 3.16 times η', () => {
    const run = adamSteps({ ...base, scale: 5, steps: 3 });
    near(run.m[0], 0.1 * 5);
    near(run.v[0], 0.001 * 25);
    nearStep(run.stepUncorrected[0], (-0.1 * 0.1 * 5) / (Math.sqrt(0.001) * 5 + 1e-8), 0.5);
    expect(run.stepUncorrected[0] / run.stepCorrected[0]).toBeCloseTo(0.1 / Math.sqrt(0.001), 4);
  });

  it('the first three steps on the constant stream, with and without correction (the chapter’s numbers)', () => {
    const run = adamSteps({ ...base, steps: 3 });
    const plainRatio = [1, 2, 3].map((t) => (1 - 0.9 ** t) / Math.sqrt(1 - 0.999 ** t));
    run.stepCorrected.forEach((s, i) => nearStep(s, -0.1, 0.1 * (i + 1)));
    run.stepUncorrected.forEach((s, i) => nearStep(s, -0.1 * plainRatio[i], 1.5));
    expect(plainRatio.map((r) => Number(r.toFixed(3)))).toEqual([3.162, 4.25, 4.95]);
  });

  it('the alternating sign nearly cancels in m: after 10 steps the step is a small share of η', () => {
    const run = adamSteps({ ...base, stream: 'alternating', steps: 10 });
    expect(Math.abs(run.stepCorrected[9])).toBeLessThan(0.1 * 0.1);
  });
});

describe('the streams', () => {
  it('constant, alternating and sparse are what they say, times the scale', () => {
    expect(gradientStream('constant', 2, 1, 4)).toEqual([2, 2, 2, 2]);
    expect(gradientStream('alternating', 1, 1, 4)).toEqual([1, -1, 1, -1]);
    const sparse = gradientStream('sparse', 0.5, 1, 25);
    sparse.forEach((g, i) => expect(g).toBe(i % SPARSE_EVERY === 0 ? 0.5 : 0));
  });

  it('the noisy stream: the same seed gives the same gradients, another seed others, around a mean of 1', () => {
    expect(gradientStream('noisy', 1, 3)).toEqual(gradientStream('noisy', 1, 3));
    expect(gradientStream('noisy', 1, 3)).not.toEqual(gradientStream('noisy', 1, 4));
    const many = gradientStream('noisy', 1, 11, 20000);
    const mean = many.reduce((a, b) => a + b, 0) / many.length;
    const sd = Math.sqrt(many.reduce((a, b) => a + (b - mean) ** 2, 0) / many.length);
    expect(mean).toBeCloseTo(1, 1);
    expect(sd).toBeCloseTo(2, 1);
    expect(adamSteps({ ...base, stream: 'noisy', seed: 5 })).toEqual(adamSteps({ ...base, stream: 'noisy', seed: 5 }));
  });

  it('extreme settings give only numbers', () => {
    for (const o of [
      { ...base, stream: 'sparse' as const, scale: 1000, beta1: 0.999, beta2: 0.5, eps: 1e-10, learningRate: 1 },
      { ...base, stream: 'noisy' as const, scale: 1e-3, beta1: 0, beta2: 0.9999, eps: 1, learningRate: 1e-4 },
    ]) {
      const run = adamSteps(o);
      for (const list of Object.values(run)) expect(list.every(Number.isFinite)).toBe(true);
    }
  });
});

describe('the figure’s setup', () => {
  it('starts on the constant stream at scale 1, η = 0.1, β = (0.9, 0.999), ε = 10⁻⁸, corrected, step 1', () => {
    expect(initialState(adamInsideSchema, {}).state).toEqual({
      stream: 'constant',
      scale: 1,
      learningRate: 0.1,
      beta1: 0.9,
      beta2: 0.999,
      eps: 1e-8,
      biasCorrection: true,
      step: 1,
      seed: 1,
    });
    expect(adamInsideSchema.step.max).toBe(STEPS);
    for (const st of streams) {
      expect(adamStrings.streamNames[st]).toBeTruthy();
      expect(adamStrings.streamRules[st]).toBeTruthy();
    }
  });

  it('is registered under the name the chapter uses', () => {
    expect(Object.keys(optimisersWidgets)).toContain('AdamInside');
  });

  it('frees every tensor it makes', () => {
    adamSteps({ ...base, steps: 2 });
    const before = liveTensorCount();
    for (const stream of streams) adamSteps({ ...base, stream });
    expect(liveTensorCount()).toBe(before);
  });
});
