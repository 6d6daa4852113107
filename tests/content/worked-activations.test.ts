// Chapter 2's worked numbers, recomputed in plain JavaScript (float64, no engine) and compared with
// what the engine computed for the chapter (float32 on the CPU backend).
import { beforeAll, describe, expect, it } from 'vitest';
import { computeWorkedValues, type ComputedValue } from '../../src/worked/index.ts';

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

  sigmoidBoundFactor10: 4 ** 10,
  sigmoidChain10Millions: 1 / chain(sigmoid, dSigmoid, 10, 0, 1) / 1e6,
  tanhChain10: chain(Math.tanh, dTanh, 10, 0, 1),
  reluChain10: chain(relu, dRelu, 10, 0.5, 1),

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
for (const [name, [f, df]] of Object.entries(fns)) {
  expected[`${name}AtMinus2`] = f(-2);
  expected[`${name}SlopeAtMinus2`] = df(-2);
  expected[`${name}At1`] = f(1);
  expected[`${name}SlopeAt1`] = df(1);
}

// ---- Comparison ----------------------------------------------------------------------------

/** float32 against float64: 1e-5 relative, with a small absolute floor for values near 0. */
function close(actual: number, want: number): boolean {
  return Math.abs(actual - want) <= 1e-5 * Math.abs(want) + 1e-9;
}

describe('worked values: activations', () => {
  let computed: Map<string, ComputedValue>;
  beforeAll(async () => {
    computed = await computeWorkedValues();
  }, 60_000);

  it('has exactly the keys recomputed here', () => {
    const keys = [...computed.keys()].filter((k) => k.startsWith('activations.')).map((k) => k.slice('activations.'.length));
    expect(keys.sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [key, want] of Object.entries(expected)) {
    it(key, () => {
      const got = computed.get(`activations.${key}`);
      expect(got, `activations.${key} is missing`).toBeDefined();
      expect(close(got!.value, want), `activations.${key}: engine ${got!.value}, reference ${want}`).toBe(true);
    });
  }

  it('the collapsed single layer gives the two layers’ output', () => {
    expect(oneLayer[0]).toBeCloseTo(out(hidden)[0], 12);
    expect(oneLayer[1]).toBeCloseTo(out(hidden)[1], 12);
  });
});
