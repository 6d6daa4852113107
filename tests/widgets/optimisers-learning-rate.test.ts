// LearningRateExplorer's logic in Node: the regime of a rate, the engine's iterates against the
// closed form w* + (1 − ηλ)ᵗ (w₀ − w*), the losses, divergence cut short with no non-number kept,
// the schema's defaults, and memory returning to its baseline.
import { beforeAll, describe, expect, it } from 'vitest';
import { initEngine, liveTensorCount } from '../../src/engine/index.ts';
import { initialState } from '../../src/book/urlState.ts';
import { DIVERGED_FACTOR, descend, lossAt, multiplierOf, regimeOf, regimes, shapeOf, TARGET, viewOf } from '../../src/widgets/LearningRateExplorer/descent.ts';
import { learningRateExplorerSchema } from '../../src/widgets/LearningRateExplorer/LearningRateExplorer.tsx';
import { rateStrings } from '../../src/widgets/LearningRateExplorer/strings.ts';
import { optimisersWidgets } from '../../src/widgets/registry/optimisers.ts';

beforeAll(async () => {
  await initEngine({ prefer: 'cpu' });
});

/** The closed form of gradient descent on ½λ(w − w*)², in float64. */
const closedForm = (w0: number, eta: number, lambda: number, t: number, target = TARGET) => target + (1 - eta * lambda) ** t * (w0 - target);

/** float32 tolerance relative to the numbers' size. */
const near = (a: number, b: number, scale: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-5 * Math.max(1, scale));

describe('the regime of a learning rate', () => {
  it('names ηλ = 0.1, 1, 1.5, 2 and 2.5', () => {
    expect(regimeOf(0.1)).toBe('tooSmall');
    expect(regimeOf(1)).toBe('aboutRight');
    expect(regimeOf(1.5)).toBe('oscillating');
    expect(regimeOf(2)).toBe('edge');
    expect(regimeOf(2.5)).toBe('diverging');
  });

  it('puts the boundaries where the multiplier 1 − ηλ says: ½, 1 and 2', () => {
    expect(regimeOf(0.49)).toBe('tooSmall');
    expect(regimeOf(0.5)).toBe('aboutRight');
    expect(regimeOf(1.0001)).toBe('oscillating');
    expect(regimeOf(1.99)).toBe('oscillating');
    expect(regimeOf((2 / 0.3) * 0.3)).toBe('edge');
    expect(regimeOf(2.01)).toBe('diverging');
    expect(multiplierOf(0.1, 1)).toBeCloseTo(0.9, 12);
    expect(multiplierOf(1.5, 1)).toBeCloseTo(-0.5, 12);
    expect(multiplierOf(0.5, 4)).toBe(-1);
  });

  it('every regime has a name and an explanation', () => {
    for (const r of regimes) {
      expect(rateStrings.regimeNames[r]).toBeTruthy();
      expect(rateStrings.regimeExplanations[r]).toBeTruthy();
    }
  });
});

describe('descend: the engine’s iterates', () => {
  const cases: [number, number, number][] = [
    // [λ, η, w₀]
    [1, 0.1, 3],
    [1, 1, 3],
    [1, 1.5, 3],
    [1, 2, 3],
    [4, 0.3, -2],
    [0.3, 2 / 0.3, 2.5],
    [7, 0.02, 0.2],
    [4, 0.1, 1],
    [4, 0.4, 1],
  ];
  for (const [lambda, eta, w0] of cases) {
    it(`λ = ${lambda}, η = ${eta.toPrecision(3)}, w₀ = ${w0}: w_t = w* + (1 − ηλ)ᵗ (w₀ − w*)`, () => {
      const steps = 30;
      const run = descend({ curvature: lambda, learningRate: eta, start: w0, steps });
      expect(run.divergedAt).toBeNull();
      expect(run.w).toHaveLength(steps + 1);
      expect(run.loss).toHaveLength(steps + 1);
      expect(run.grad).toHaveLength(steps);
      run.w.forEach((w, t) => near(w, closedForm(w0, eta, lambda, t), Math.abs(w0 - TARGET)));
      run.loss.forEach((l, t) => near(l, lossAt(closedForm(w0, eta, lambda, t), lambda), lossAt(w0, lambda)));
      // The gradient the backward pass found is λ(w_t − w*).
      run.grad.forEach((g, t) => near(g, lambda * (run.w[t] - TARGET), lambda * Math.abs(w0 - TARGET)));
      near(run.measuredMultiplier!, 1 - eta * lambda, 1);
    });
  }

  it('a minimum elsewhere, w* = 0.7: the same closed form around it', () => {
    const run = descend({ curvature: 2, learningRate: 0.3, start: -1.5, steps: 20, target: 0.7 });
    run.w.forEach((w, t) => near(w, closedForm(-1.5, 0.3, 2, t, 0.7), 2.2));
    near(run.measuredMultiplier!, 0.4, 1);
  });

  it('the run’s shape agrees with the regime at ηλ = 0.1, 1, 1.5, 2, 2.5', () => {
    const shape = (eta: number) => shapeOf(descend({ curvature: 1, learningRate: eta, start: 3, steps: 30 }));
    expect(shape(0.1)).toEqual({ oscillates: false, trend: 'shrinks' });
    expect(shape(1)).toEqual({ oscillates: false, trend: 'shrinks' });
    expect(shape(1.5)).toEqual({ oscillates: true, trend: 'shrinks' });
    expect(shape(2)).toEqual({ oscillates: true, trend: 'holds' });
    expect(shape(2.5)).toEqual({ oscillates: true, trend: 'grows' });
  });

  it('ηλ = 1 lands on the minimum in one step', () => {
    const run = descend({ curvature: 2.5, learningRate: 0.4, start: -1, steps: 5 });
    expect(run.w.slice(1).every((w) => Math.abs(w - TARGET) < 1e-6)).toBe(true);
  });

  it('the chapter’s table: λ = 4, w₀ = 1, w* = 0 — η = 0.1 and 0.4 equally fast, 0.5 back at the start, 0.6 diverged at step 7', () => {
    const w10 = (eta: number) => descend({ curvature: 4, learningRate: eta, start: 1, steps: 10 });
    expect(w10(0.1).w[10]).toBeCloseTo(0.6 ** 10, 6);
    expect(w10(0.4).w[10]).toBeCloseTo(0.6 ** 10, 6);
    expect(w10(0.25).w[1]).toBe(0);
    expect(w10(0.5).w[10]).toBe(1);
    // 1.4⁷ ≈ 10.5 is the first power past 10.
    expect(w10(0.6).divergedAt).toBe(7);
  });

  it('the chapter’s numbers: λ = 1, w₀ − w* = 2, the loss after 10 steps at η = 0.1 and 1.5', () => {
    const slow = descend({ curvature: 1, learningRate: 0.1, start: TARGET + 2, steps: 10 });
    const fast = descend({ curvature: 1, learningRate: 1.5, start: TARGET + 2, steps: 10 });
    // ½ · (2 · 0.9¹⁰)² = 2 · 0.9²⁰ and ½ · (2 · 0.5¹⁰)² = 2 · 0.5²⁰.
    expect(slow.loss[10]).toBeCloseTo(2 * 0.9 ** 20, 5);
    expect(fast.loss[10] / (2 * 0.5 ** 20)).toBeCloseTo(1, 4);
  });
});

describe('divergence', () => {
  it('ηλ = 2.5 is cut at the first step 10 times farther than the start, with no non-number kept', () => {
    const d0 = 2;
    const run = descend({ curvature: 1, learningRate: 2.5, start: TARGET + d0, steps: 30 });
    // |1 − 2.5|ᵏ > 10 first at k = 6 (1.5⁶ ≈ 11.4).
    expect(run.divergedAt).toBe(6);
    expect(run.w).toHaveLength(7);
    expect(run.grad).toHaveLength(6);
    expect(Math.abs(run.w[6] - TARGET)).toBeGreaterThan(DIVERGED_FACTOR * d0);
    expect(Math.abs(run.w[5] - TARGET)).toBeLessThanOrEqual(DIVERGED_FACTOR * d0);
    expect(run.w.every(Number.isFinite) && run.loss.every(Number.isFinite)).toBe(true);
  });

  it('the largest rate and curvature (ηλ = 100, past float32 after 20 steps) still gives only numbers', () => {
    const run = descend({ curvature: 10, learningRate: 10, start: 5, steps: 100 });
    expect(run.divergedAt).toBe(1);
    expect(run.w.every(Number.isFinite) && run.loss.every(Number.isFinite)).toBe(true);
    expect(shapeOf(run).trend).toBe('grows');
  });

  it('slightly past the edge it diverges slowly: no cut in 30 steps, but the distance grows', () => {
    const run = descend({ curvature: 1, learningRate: 2.05, start: 3, steps: 30 });
    expect(run.divergedAt).toBeNull();
    expect(shapeOf(run)).toEqual({ oscillates: true, trend: 'grows' });
  });

  it('a start at the minimum does not move, and says so without dividing by zero', () => {
    const run = descend({ curvature: 1, learningRate: 0.5, start: TARGET, steps: 10 });
    expect(run.w.every((w) => w === TARGET)).toBe(true);
    expect(run.measuredMultiplier).toBeNull();
    expect(run.divergedAt).toBeNull();
  });

  it('the view is set by the start, widened for a run that moves away, never past ± 4.4 × the start’s distance', () => {
    const view = (eta: number) => viewOf(descend({ curvature: 1, learningRate: eta, start: TARGET + 2, steps: 30 }).w);
    expect(view(0.1)).toEqual([TARGET - 3, TARGET + 3]);
    expect(view(2)).toEqual([TARGET - 3, TARGET + 3]);
    const diverging = view(2.5);
    expect(diverging[0]).toBeCloseTo(TARGET - 8.8, 9);
    expect(diverging[1]).toBeCloseTo(TARGET + 8.8, 9);
    expect(view(30)).toEqual(diverging);
    expect(viewOf([TARGET])).toEqual([TARGET - 0.75, TARGET + 0.75]);
  });
});

describe('the figure’s setup', () => {
  it('starts on the chapter’s bowl: λ = 4, η = 0.1, w₀ = 1 (w* = 0), 30 steps', () => {
    expect(TARGET).toBe(0);
    expect(initialState(learningRateExplorerSchema, {}).state).toEqual({ curvature: 4, learningRate: 0.1, start: 1, steps: 30 });
    // A chapter's out-of-range rate is clamped to the slider's end.
    expect(initialState(learningRateExplorerSchema, { learningRate: 1e6 }).state.learningRate).toBe(learningRateExplorerSchema.learningRate.max);
  });

  it('is registered under the name the chapter uses', () => {
    expect(Object.keys(optimisersWidgets)).toContain('LearningRateExplorer');
  });

  it('the same setting gives the same run', () => {
    const s = { curvature: 3, learningRate: 0.55, start: -1.3, steps: 40 };
    expect(descend(s)).toEqual(descend(s));
  });

  it('frees every tensor it makes, diverging or not', () => {
    descend({ curvature: 1, learningRate: 0.1, start: 3, steps: 3 }); // first-use caches
    const before = liveTensorCount();
    for (const eta of [0.1, 1, 1.5, 2, 2.5, 10]) descend({ curvature: 1, learningRate: eta, start: 3, steps: 30 });
    expect(liveTensorCount()).toBe(before);
  });
});
