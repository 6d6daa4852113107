// Chapter 2's worked numbers, recomputed in plain JavaScript (float64, no engine) and compared with
// what the engine computed for the chapter (float32 on the CPU backend).
import { beforeAll, describe, expect, it } from 'vitest';
import { computeWorkedValues, type ComputedValue } from '../../src/worked/index.ts';
import { BATCH, buildStack, WIDTH, type DepthSetup } from '../../src/models/gradientDepth.ts';

// ---- Reference maths -----------------------------------------------------------------------

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const dSigmoid = (x: number) => sigmoid(x) * (1 - sigmoid(x));
const dTanh = (x: number) => 1 - Math.tanh(x) ** 2;
const relu = (x: number) => (x > 0 ? x : 0);
const dRelu = (x: number) => (x > 0 ? 1 : 0);
const leaky = (x: number) => (x > 0 ? x : 0.01 * x);
const dLeaky = (x: number) => (x > 0 ? 1 : 0.01);
const elu = (x: number) => (x > 0 ? x : Math.exp(x) - 1);
const dElu = (x: number) => (x > 0 ? 1 : Math.exp(x));
const softplus = (x: number) => Math.log(1 + Math.exp(x));

/** erf by its Maclaurin series: exact to double precision for the |x| < 3 used here. */
function erf(x: number): number {
  let term = x;
  let total = x;
  for (let n = 1; n < 80; n++) {
    term *= (-x * x) / n;
    total += term / (2 * n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * total;
}
const Phi = (x: number) => 0.5 * (1 + erf(x / Math.SQRT2));
const phi = (x: number) => Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
const gelu = (x: number) => x * Phi(x);
const dGelu = (x: number) => Phi(x) + x * phi(x);

// SiLU, PReLU and SELU, with SELU's constants from their closed forms (Klambauer et al., 2017).
const silu = (x: number) => x * sigmoid(x);
const dSilu = (x: number) => sigmoid(x) * (1 + x * (1 - sigmoid(x)));
const erfc1 = 1 - erf(Math.SQRT1_2); // erfc(1/√2)
const erfc2 = 1 - erf(Math.SQRT2); // erfc(√2)
const sqrtE = Math.exp(0.5);
const seluAlpha = -Math.sqrt(2 / Math.PI) / (erfc1 * sqrtE - 1);
const seluLambda =
  ((1 - erfc1 * sqrtE) * Math.sqrt(2 * Math.PI)) /
  Math.sqrt(2 * erfc2 * Math.E ** 2 + Math.PI * erfc1 ** 2 * Math.E - 2 * (2 + Math.PI) * erfc1 * sqrtE + Math.PI + 2);
const selu = (x: number) => seluLambda * (x > 0 ? x : seluAlpha * (Math.exp(x) - 1));
const dSelu = (x: number) => seluLambda * (x > 0 ? 1 : seluAlpha * Math.exp(x));

/** min of f on −3, −2.99, …, 0, and where. */
function gridMinimum(f: (x: number) => number): { value: number; at: number } {
  let best = { value: Infinity, at: NaN };
  for (let i = 0; i <= 300; i++) {
    const z = -3 + i / 100;
    if (f(z) < best.value) best = { value: f(z), at: z };
  }
  return best;
}

/** SELU's mean and variance for z ~ N(0, 1), by the same midpoint rule as the worked file. */
function seluMoments(): { mean: number; variance: number } {
  let m = 0;
  let second = 0;
  for (let i = 0; i < 20000; i++) {
    const z = -10 + (i + 0.5) * 0.001;
    const w = (Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI)) * 0.001;
    m += selu(z) * w;
    second += selu(z) ** 2 * w;
  }
  return { mean: m, variance: second - m * m };
}

// The gated layer: x = [1, −1], W = [[1, 0], [−1, 2]] (gate), V = [[1, 2], [−1, 1]] (value).
const gatePre = [1 * 1 + -1 * -1, 1 * 0 + -1 * 2];
const valuePre = [1 * 1 + -1 * -1, 1 * 2 + -1 * 1];

/** The gradient-depth figure's norms in float64, from the stack's own (seeded) weights. */
function depthNorms(setup: DepthSetup): number[] {
  const { model, hidden, inputs, targets } = buildStack(setup);
  const layers = [...hidden, model.layers[model.layers.length - 1]].map((l) => {
    const p = l as unknown as { weight: { toArray(): number[][] }; bias: { toArray(): number[] } };
    return { W: p.weight.toArray(), b: p.bias.toArray() };
  });
  model.dispose();
  const f = { sigmoid, tanh: Math.tanh, relu }[setup.activation];
  const df = { sigmoid: dSigmoid, tanh: dTanh, relu: dRelu }[setup.activation];
  const grads = layers.map((l) => l.W.map((row) => row.map(() => 0)));
  for (let n = 0; n < BATCH; n++) {
    const acts: number[][] = [inputs.slice(n * WIDTH, (n + 1) * WIDTH)];
    const pres: number[][] = [];
    layers.forEach((l, k) => {
      const a = acts[k];
      const z = l.b.map((bias, j) => bias + a.reduce((s, v, i) => s + v * l.W[i][j], 0));
      pres.push(z);
      acts.push(k < layers.length - 1 ? z.map(f) : z);
    });
    let delta = [(2 * (acts[layers.length][0] - targets[n])) / BATCH];
    for (let k = layers.length - 1; k >= 0; k--) {
      if (k < layers.length - 1) delta = delta.map((d, j) => d * df(pres[k][j]));
      const a = acts[k];
      a.forEach((v, i) => delta.forEach((d, j) => (grads[k][i][j] += v * d)));
      delta = a.map((_, i) => delta.reduce((s, d, j) => s + layers[k].W[i][j] * d, 0));
    }
  }
  return hidden.map((_, k) => Math.sqrt(grads[k].flat().reduce((s, g) => s + g * g, 0)));
}
const exponentOf = (v: number) => Math.floor(Math.log10(v));

/** The first whole z at which float32 rounds sigmoid(z) to exactly 1. */
function sigmoidRoundsToOne(): number {
  for (let z = 1; z <= 40; z++) if (Math.fround(sigmoid(z)) === 1) return z;
  return NaN;
}

function softmax(logits: number[], temperature = 1): number[] {
  const e = logits.map((z) => Math.exp(z / temperature));
  const total = e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / total);
}

// ---- The chapter's examples, by hand -------------------------------------------------------

// Two layers: W1 = [[1, −1], [2, 0.5]], b1 = [0.5, −1], W2 = [[1, 2], [−1, 0.5]], b2 = [0, 1].
// W = W1·W2 row by row; b = b1·W2 + b2; x = [1, 0.5].
const W = [
  [1 * 1 + -1 * -1, 1 * 2 + -1 * 0.5],
  [2 * 1 + 0.5 * -1, 2 * 2 + 0.5 * 0.5],
];
const b = [0.5 * 1 + -1 * -1 + 0, 0.5 * 2 + -1 * 0.5 + 1];
const hidden = [1 * 1 + 0.5 * 2 + 0.5, 1 * -1 + 0.5 * 0.5 - 1];
const out = (h: number[]) => [h[0] * 1 + h[1] * -1 + 0, h[0] * 2 + h[1] * 0.5 + 1];
const oneLayer = [1 * W[0][0] + 0.5 * W[1][0] + b[0], 1 * W[0][1] + 0.5 * W[1][1] + b[1]];

// A chain a ← f(w·a) of depth n: the derivative is the product of w·f′(pre-activation).
function chain(f: (x: number) => number, df: (x: number) => number, depth: number, start: number, w: number): number {
  let a = start;
  let slope = 1;
  for (let k = 0; k < depth; k++) {
    slope *= w * df(w * a);
    a = f(w * a);
  }
  return slope;
}

// Dead ReLU: pre-activations 0.5·x1 − 0.5·x2 − 4 on the corners of [−1, 1]².
const corners = [
  [1, 1],
  [1, -1],
  [-1, 1],
  [-1, -1],
];
const pre = corners.map(([x1, x2]) => 0.5 * x1 - 0.5 * x2 - 4);

const fns: Record<string, [(x: number) => number, (x: number) => number]> = {
  sigmoid: [sigmoid, dSigmoid],
  tanh: [Math.tanh, dTanh],
  relu: [relu, dRelu],
  silu: [silu, dSilu],
  selu: [selu, dSelu],
  leakyRelu: [leaky, dLeaky],
  elu: [elu, dElu],
  gelu: [gelu, dGelu],
  softplus: [softplus, sigmoid],
};

const expected: Record<string, number> = {
  collapseW11: W[0][0],
  collapseW12: W[0][1],
  collapseW21: W[1][0],
  collapseW22: W[1][1],
  collapseB1: b[0],
  collapseB2: b[1],
  twoLayerOut1: out(hidden)[0],
  twoLayerOut2: out(hidden)[1],
  oneLayerOut1: oneLayer[0],
  oneLayerOut2: oneLayer[1],
  hiddenPre1: hidden[0],
  hiddenPre2: hidden[1],
  reluOut1: out(hidden.map(relu))[0],
  reluOut2: out(hidden.map(relu))[1],

  sigmoidAt2: sigmoid(2),
  sigmoidMaxSlope: 0.25,
  sigmoidSlopeAt5: dSigmoid(5),
  sigmoidSlopeAt10: dSigmoid(10),
  tanhMaxSlope: 1,
  tanhSlopeAt3: dTanh(3),
  softplusAt0: Math.LN2,
  geluAtMinus075: gelu(-0.75),
  sigmoidRoundsToOne: sigmoidRoundsToOne(),

  siluMin: gridMinimum(silu).value,
  siluArgmin: gridMinimum(silu).at,
  preluAtMinus2: 0.25 * -2,
  preluAlphaGradAtMinus2: -2,
  seluLambda,
  seluAlpha,
  seluFloor: -seluLambda * seluAlpha,
  seluMean: seluMoments().mean,
  seluVariance: seluMoments().variance,

  gluOut1: valuePre[0] * sigmoid(gatePre[0]),
  gluOut2: valuePre[1] * sigmoid(gatePre[1]),
  swigluOut1: valuePre[0] * silu(gatePre[0]),
  swigluOut2: valuePre[1] * silu(gatePre[1]),

  sigmoidBoundFactor10Millions: 4 ** 10 / 1e6,
  sigmoidChain10Millions: 1 / chain(sigmoid, dSigmoid, 10, 0, 1) / 1e6,
  tanhChain10: chain(Math.tanh, dTanh, 10, 0, 1),
  reluChain10: chain(relu, dRelu, 10, 0.5, 1),
  reluChain10Weight15: chain(relu, dRelu, 10, 0.5, 1.5),

  deadPreMax: Math.max(...pre),
  deadBiasGrad: pre.reduce((s, z) => s + dRelu(z), 0),
  leakyBiasGrad: pre.reduce((s, z) => s + dLeaky(z), 0),

  softmaxP1: softmax([2, 1, 0.1])[0],
  softmaxP2: softmax([2, 1, 0.1])[1],
  softmaxP3: softmax([2, 1, 0.1])[2],
  softmaxShiftedP1: softmax([2, 1, 0.1])[0],
  softmaxT05P1: softmax([2, 1, 0.1], 0.5)[0],
  softmaxT05P3: softmax([2, 1, 0.1], 0.5)[2],
  softmaxT2P1: softmax([2, 1, 0.1], 2)[0],
  softmaxT2P3: softmax([2, 1, 0.1], 2)[2],
  softmaxT5P1: softmax([2, 1, 0.1], 5)[0],
  softmaxT5P3: softmax([2, 1, 0.1], 5)[2],

  ex1: sigmoid(-1),
  ex2: dSigmoid(1),
  ex3: sigmoid(1),
  ex4: 4 ** 5,
  ex5: 2 * 3 + -1 * 2,
  ex6: sigmoid(4),
  ex7: Math.exp(-1) - 1,
};
// The deep stacks draw their weights with the engine's seeded initialisers, so these run once the
// engine has started (in beforeAll), and only the arithmetic is redone here in float64.
const deferred: Record<string, () => number> = {
  depthReluSmallExponent: () => exponentOf(depthNorms({ activation: 'relu', init: 'small', depth: 20, seed: 1 })[0]),
  depthReluSmallMantissa: () => {
    const v = depthNorms({ activation: 'relu', init: 'small', depth: 20, seed: 1 })[0];
    return v / 10 ** exponentOf(v);
  },
  depthTanhLargeRatio: () => {
    const n = depthNorms({ activation: 'tanh', init: 'large', depth: 20, seed: 1 });
    return n[0] / n[19];
  },
  depthReluLargeExponent: () => exponentOf(depthNorms({ activation: 'relu', init: 'large', depth: 20, seed: 1 })[0]),
};
for (const key of Object.keys(deferred)) expected[key] = NaN;

for (const [name, [f, df]] of Object.entries(fns)) {
  expected[`${name}AtMinus2`] = f(-2);
  expected[`${name}SlopeAtMinus2`] = df(-2);
  expected[`${name}At1`] = f(1);
  expected[`${name}SlopeAt1`] = df(1);
}

// ---- Comparison ----------------------------------------------------------------------------

/**
 * float32 against float64: 1e-5 relative, with a small absolute floor for values near 0. Some keys
 * need more room: SELU's constants go through float32 erf; its moments are float32 sums of 20,000
 * terms; the deep stacks pass 20 layers of float32 rounding.
 */
const tolerance: Record<string, { rel: number; abs: number }> = {
  seluLambda: { rel: 1e-4, abs: 0 },
  seluAlpha: { rel: 1e-4, abs: 0 },
  seluFloor: { rel: 1e-4, abs: 0 },
  seluMean: { rel: 0, abs: 1e-4 },
  seluVariance: { rel: 0, abs: 1e-4 },
  selu: { rel: 1e-4, abs: 1e-6 },
  depthReluSmallMantissa: { rel: 1e-3, abs: 0 },
  depthTanhLargeRatio: { rel: 1e-3, abs: 0 },
};
function close(key: string, actual: number, want: number): boolean {
  const t = tolerance[key] ?? (key.startsWith('selu') ? tolerance.selu : { rel: 1e-5, abs: 1e-9 });
  return Math.abs(actual - want) <= t.rel * Math.abs(want) + t.abs;
}

describe('worked values: activations', () => {
  let computed: Map<string, ComputedValue>;
  beforeAll(async () => {
    computed = await computeWorkedValues('activations');
    for (const [key, compute] of Object.entries(deferred)) expected[key] = compute();
  }, 60_000);

  it('has exactly the keys recomputed here', () => {
    const keys = [...computed.keys()].filter((k) => k.startsWith('activations.')).map((k) => k.slice('activations.'.length));
    expect(keys.sort()).toEqual(Object.keys(expected).sort());
  });

  for (const key of Object.keys(expected)) {
    it(key, () => {
      const want = expected[key];
      const got = computed.get(`activations.${key}`);
      expect(got, `activations.${key} is missing`).toBeDefined();
      expect(close(key, got!.value, want), `activations.${key}: engine ${got!.value}, reference ${want}`).toBe(true);
    });
  }

  it('SELU keeps a standard normal input at mean 0 and variance 1; the paper’s constants', () => {
    expect(Math.abs(seluMoments().mean)).toBeLessThan(1e-5);
    expect(seluMoments().variance).toBeCloseTo(1, 4);
    expect(seluLambda).toBeCloseTo(1.0507009873554805, 9);
    expect(seluAlpha).toBeCloseTo(1.6732632423543772, 9);
  });

  it('the collapsed single layer gives the two layers’ output', () => {
    expect(oneLayer[0]).toBeCloseTo(out(hidden)[0], 12);
    expect(oneLayer[1]).toBeCloseTo(out(hidden)[1], 12);
  });
});
