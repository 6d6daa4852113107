// The gradient-check figure's logic: the engine's autograd gradient against the same derivative
// worked in float64 by hand, each broken rule giving the wrong gradient it is meant to give, the
// finite difference's V-shaped error against ε, and the relative error's edge cases.
import { beforeAll, describe, expect, it } from 'vitest';
import { initEngine, liveTensorCount } from '../../src/engine/index.ts';
import { autogradGradient, gradientCheck, lossAt, numericalGradient, params, relativeError, THETA, verdict, XS, YS } from '../../src/widgets/GradientCheck/check.ts';

beforeAll(async () => {
  await initEngine({ prefer: 'cpu' });
});

const sig = (z: number) => 1 / (1 + Math.exp(-z));
/** dL/dθ in float64; `slope` is what the rule multiplies by in place of σ′(z). */
function reference(param: 'w1' | 'w2' | 'b', slope: (z: number) => number): number {
  let g = 0;
  XS.forEach(([x1, x2], i) => {
    const z = THETA.w1 * x1 + THETA.w2 * x2 + THETA.b;
    const dz = 2 * (sig(z) - YS[i]) * slope(z);
    g += (dz * (param === 'w1' ? x1 : param === 'w2' ? x2 : 1)) / XS.length;
  });
  return g;
}

describe('gradient check', () => {
  it('the loss is the one described', () => {
    const L = XS.reduce((s, [x1, x2], i) => s + (sig(THETA.w1 * x1 + THETA.w2 * x2 + THETA.b) - YS[i]) ** 2, 0) / XS.length;
    expect(lossAt(THETA)).toBeCloseTo(L, 6);
  });

  it.each(params)('%s: the correct rule is the true derivative; each broken rule is the wrong one it claims', (p) => {
    expect(autogradGradient(THETA, p, 'correct')).toBeCloseTo(reference(p, (z) => sig(z) * (1 - sig(z))), 6);
    expect(autogradGradient(THETA, p, 'noSlope')).toBeCloseTo(reference(p, () => 1), 6);
    expect(autogradGradient(THETA, p, 'flipped')).toBeCloseTo(reference(p, (z) => -sig(z) * (1 - sig(z))), 6);
  });

  it('the check passes for the correct rule at a good ε and fails for the broken ones at every ε', () => {
    for (const p of params) {
      const ok = gradientCheck(THETA, p, 'correct', 1e-3);
      expect(ok.relative).toBeLessThan(1e-3);
      expect(ok.verdict).toBe('agree');
      for (const rule of ['noSlope', 'flipped'] as const) {
        const bad = gradientCheck(THETA, p, rule, 1e-3);
        expect(bad.verdict).toBe('wrong');
        expect(Math.min(...bad.sweep.map((s) => s.relative))).toBeGreaterThan(0.1);
      }
    }
  });

  it('float32 finite differences: rounding spoils a tiny ε, curvature a large one', () => {
    const sweep = gradientCheck(THETA, 'w1', 'correct', 1e-3).sweep;
    const at = (e: number) => sweep.find((s) => Math.abs(Math.log10(s.eps) - Math.log10(e)) < 1e-9)!.relative;
    expect(at(1e-7)).toBeGreaterThan(1e-2);
    expect(at(1)).toBeGreaterThan(1e-2);
    expect(Math.min(at(1e-3), at(1e-2))).toBeLessThan(1e-4);
    // The chapter: every ε of the sweep from 10⁻⁴ to 10^−1.5 keeps the correct rule under 10⁻³.
    const band = sweep.filter((s) => s.eps >= 1e-4 * (1 - 1e-9) && s.eps <= 10 ** -1.5 * (1 + 1e-9));
    expect(band).toHaveLength(11);
    for (const s of band) expect(s.relative).toBeLessThan(1e-3);
    // Central differences against float64 with the same ε shrink like ε² until rounding: check the
    // engine's numerical gradient is the float64 one up to float32 rounding at a moderate ε.
    const exact = reference('w1', (z) => sig(z) * (1 - sig(z)));
    expect(Math.abs(numericalGradient(THETA, 'w1', 1e-2) - exact)).toBeLessThan(1e-4);
  });

  it('relative error and its verdicts', () => {
    expect(relativeError(0, 0)).toBe(0);
    expect(relativeError(1, 1)).toBe(0);
    expect(relativeError(1, -1)).toBe(2);
    expect(relativeError(1e-20, 0)).toBeCloseTo(1e-8, 12); // below the tiny floor, both count as 0
    expect(relativeError(2, 1)).toBe(0.5);
    expect(verdict(1e-6)).toBe('agree');
    expect(verdict(5e-3)).toBe('borderline');
    expect(verdict(0.5)).toBe('wrong');
    expect(verdict(Number.NaN)).toBe('wrong');
  });

  it('frees every tensor', () => {
    const before = liveTensorCount();
    gradientCheck(THETA, 'b', 'flipped', 1e-4);
    expect(liveTensorCount()).toBe(before);
  });
});
