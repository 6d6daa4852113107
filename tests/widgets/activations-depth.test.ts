// GradientDepth's logic in Node: the engine's per-layer gradient norms against a plain-JavaScript
// backward pass of the same stack, the vanishing pattern the chapter describes, and memory.
import { beforeAll, describe, expect, it } from 'vitest';
import { initEngine, liveTensorCount, tensor, tidy } from '../../src/engine/index.ts';
import {
  BATCH,
  buildStack,
  layerGradientNorms,
  logDomain,
  scaledNorm,
  sigmoidBound,
  summarise,
  WIDTH,
  type DepthSetup,
} from '../../src/models/gradientDepth.ts';

beforeAll(async () => {
  await initEngine({ prefer: 'cpu' });
});

/** The same forward and backward pass in float64 with plain arrays, from the stack's own weights. */
function referenceNorms(setup: DepthSetup): number[] {
  const { model, hidden, inputs, targets } = buildStack(setup);
  const layers = [...hidden, model.layers[model.layers.length - 1]].map((l) => {
    const p = (l as unknown as { weight: { toArray(): number[][] }; bias: { toArray(): number[] } });
    return { W: p.weight.toArray(), b: p.bias.toArray() };
  });
  model.dispose();
  const f = { sigmoid: (v: number) => 1 / (1 + Math.exp(-v)), tanh: Math.tanh, relu: (v: number) => Math.max(0, v) }[setup.activation];
  const df = {
    sigmoid: (v: number) => f(v) * (1 - f(v)),
    tanh: (v: number) => 1 - Math.tanh(v) ** 2,
    relu: (v: number) => (v > 0 ? 1 : 0),
  }[setup.activation];
  const norms = hidden.map(() => 0);
  const grads = layers.map((l) => l.W.map((row) => row.map(() => 0)));
  for (let n = 0; n < BATCH; n++) {
    const acts: number[][] = [inputs.slice(n * WIDTH, (n + 1) * WIDTH)];
    const pres: number[][] = [];
    layers.forEach((l, k) => {
      const a = acts[k];
      const z = l.b.map((b, j) => b + a.reduce((s, v, i) => s + v * l.W[i][j], 0));
      pres.push(z);
      acts.push(k < layers.length - 1 ? z.map(f) : z);
    });
    // d mean((out − t)²) / d out = 2(out − t)/BATCH
    let delta = [(2 * (acts[layers.length][0] - targets[n])) / BATCH];
    for (let k = layers.length - 1; k >= 0; k--) {
      if (k < layers.length - 1) delta = delta.map((d, j) => d * df(pres[k][j]));
      const a = acts[k];
      a.forEach((v, i) => delta.forEach((d, j) => (grads[k][i][j] += v * d)));
      delta = a.map((_, i) => delta.reduce((s, d, j) => s + layers[k].W[i][j] * d, 0));
    }
  }
  hidden.forEach((_, k) => (norms[k] = Math.sqrt(grads[k].flat().reduce((s, g) => s + g * g, 0))));
  return norms;
}

describe('layerGradientNorms', () => {
  const setups: DepthSetup[] = [
    { activation: 'sigmoid', depth: 4, init: 'xavier', seed: 3 },
    { activation: 'tanh', depth: 3, init: 'he', seed: 5 },
    { activation: 'relu', depth: 5, init: 'he', seed: 1 },
  ];
  for (const setup of setups) {
    it(`matches a float64 backward pass: ${setup.activation}, ${setup.depth} layers, ${setup.init}`, () => {
      const got = layerGradientNorms(setup);
      const want = referenceNorms(setup);
      expect(got).toHaveLength(setup.depth);
      got.forEach((g, i) => expect(Math.abs(g - want[i]) / want[i]).toBeLessThan(1e-3));
    });
  }

  it('sigmoid with Xavier weights: the gradient shrinks towards the input', () => {
    const norms = layerGradientNorms({ activation: 'sigmoid', depth: 10, init: 'xavier', seed: 1 });
    expect(summarise(norms).firstOverLast!).toBeLessThan(1e-3);
    expect(norms[0]).toBeLessThan(norms[9]);
  });

  it('ReLU with He weights: no layer is 100 times smaller than the last', () => {
    const norms = layerGradientNorms({ activation: 'relu', depth: 10, init: 'he', seed: 1 });
    const last = norms[norms.length - 1];
    norms.forEach((v) => expect(v / last).toBeGreaterThan(0.01));
  });

  it('the same seed gives the same numbers; every number is finite', () => {
    const a = layerGradientNorms({ activation: 'tanh', depth: 6, init: 'small', seed: 7 });
    const b = layerGradientNorms({ activation: 'tanh', depth: 6, init: 'small', seed: 7 });
    expect(a).toEqual(b);
    for (const activation of ['sigmoid', 'tanh', 'relu'] as const) {
      for (const init of ['small', 'xavier', 'he', 'large'] as const) {
        layerGradientNorms({ activation, depth: 20, init, seed: 2 }).forEach((v) => expect(Number.isFinite(v)).toBe(true));
      }
    }
  });

  it('20 sigmoid layers with small weights: every norm is positive and near the float64 value', () => {
    // The entries of layer 1's gradient are far below 1e-23, so their float32 squares are 0 and
    // the plain √(Σ g²) would read 0; the scaled norm does not.
    const setup: DepthSetup = { activation: 'sigmoid', depth: 20, init: 'small', seed: 1 };
    const got = layerGradientNorms(setup);
    const want = referenceNorms(setup);
    expect(want[0]).toBeLessThan(1e-30);
    got.forEach((g, i) => {
      expect(g).toBeGreaterThan(0);
      // Layer 1's entries are subnormal in float32 (below 1.2e-38): fewer digits survive there.
      expect(Math.abs(g - want[i]) / want[i]).toBeLessThan(want[i] < 1e-36 ? 1e-2 : 1e-3);
    });
  });

  it('20 ReLU layers with small weights and with N(0, 1) weights: level bars, tiny or huge', () => {
    for (const init of ['small', 'large'] as const) {
      const setup: DepthSetup = { activation: 'relu', depth: 20, init, seed: 1 };
      const got = layerGradientNorms(setup);
      const want = referenceNorms(setup);
      got.forEach((g, i) => expect(Math.abs(g - want[i]) / want[i]).toBeLessThan(1e-3));
      if (init === 'small') expect(Math.max(...got)).toBeLessThan(1e-20);
      else expect(Math.min(...got)).toBeGreaterThan(1e10);
    }
  });

  it('tanh with N(0, 1) weights: the gradient grows towards the input', () => {
    const norms = layerGradientNorms({ activation: 'tanh', depth: 20, init: 'large', seed: 1 });
    expect(summarise(norms).firstOverLast!).toBeGreaterThan(10);
  });

  it('frees the stack, its gradients and every intermediate', () => {
    const before = liveTensorCount();
    layerGradientNorms({ activation: 'sigmoid', depth: 12, init: 'he', seed: 4 });
    expect(liveTensorCount()).toBe(before);
  });
});

describe('scaledNorm', () => {
  const plain = (v: number[]) => Math.sqrt(v.reduce((s, g) => s + g * g, 0));
  it('equals √(Σ g²) for ordinary numbers, gives 0 for zeros, and survives entries of 1e-32', () => {
    const read = (v: number[]) => tidy(() => scaledNorm(tensor(v)).item());
    expect(read([3, -4])).toBeCloseTo(5, 5);
    expect(read([0, 0, 0])).toBe(0);
    const tiny = [1e-32, -2e-32, 2e-32];
    expect(Math.abs(read(tiny) - plain(tiny)) / plain(tiny)).toBeLessThan(1e-6);
    const huge = [1e30, 1e30];
    expect(Math.abs(read(huge) - plain(huge)) / plain(huge)).toBeLessThan(1e-6);
  });
  it('frees its intermediates', () => {
    const before = liveTensorCount();
    tidy(() => scaledNorm(tensor([1e-32, 0])).item());
    expect(liveTensorCount()).toBe(before);
  });
});

describe('summaries', () => {
  it('summarise counts zeros and gives no ratio when the last layer is 0', () => {
    expect(summarise([0, 0, 1e-3, 1])).toEqual({ firstOverLast: 0, zeros: 2 });
    expect(summarise([0, 0])).toEqual({ firstOverLast: null, zeros: 2 });
  });
  it('logDomain spans whole powers of ten from at most 1e-8 to at least 10, around every bar', () => {
    expect(logDomain([1, 2, 7.4])).toEqual([1e-8, 100]);
    const [lo, hi] = logDomain([0, 2.6e-19, 0.55]);
    expect(lo).toBeLessThanOrEqual(2.6e-19);
    expect(hi).toBe(10);
    // 20 sigmoid layers with small weights reach about 1e-39 (subnormal): the axis still holds
    // every bar, with finite, positive ends and no 0 or −Infinity.
    const [tinyLo, tinyHi] = logDomain([2.3e-39, 1e-20, 1.2]);
    expect(tinyLo).toBeGreaterThan(0);
    expect(tinyLo).toBeLessThanOrEqual(2.3e-39);
    expect(Number.isFinite(Math.log10(tinyLo))).toBe(true);
    expect(tinyHi).toBe(10);
    const [, hugeHi] = logDomain([2e18, 1.4e19]);
    expect(hugeHi).toBeGreaterThanOrEqual(1.4e19);
  });
  it('sigmoidBound is 0.25 to the power of the layers', () => {
    expect(sigmoidBound(9)).toBeCloseTo(3.814697265625e-6, 15);
  });
});
