// Chapter 1's worked numbers, recomputed in plain float64 JavaScript (no engine) and compared with
// what the engine computed for the chapter. A second block checks claims the chapter makes in words:
// the XOR network computes XOR, no single threshold neuron does, and the layer's first column is
// the running neuron.
import { beforeAll, describe, expect, it } from 'vitest';
import { computeWorkedValues, type ComputedValue } from '../../src/worked/index.ts';

type Matrix = number[][];

const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * b[i], 0);
const column = (m: Matrix, j: number) => m.map((row) => row[j]);
/** Rows of x times W plus b, each row on its own: the layer written out without matrices. */
const dense = (x: Matrix, w: Matrix, b: number[]) => x.map((row) => b.map((bj, j) => dot(row, column(w, j)) + bj));
const reluOf = (m: Matrix) => m.map((row) => row.map((v) => Math.max(0, v)));
const stepOf = (z: number) => (z > 0 ? 1 : 0);
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
/** (inputs + 1) · outputs per dense layer: one weight per pair, one bias per output. */
const countParams = (widths: number[]) => widths.slice(1).reduce((n, out, i) => n + (widths[i] + 1) * out, 0);

// The running neuron.
const X = [2, 1];
const W = [0.5, -1.5];
const z = dot(X, W) + 0.2;
const zRaised = dot(X, W) + 1;

// The running layer and network.
const BATCH = [
  [2, 1],
  [0, -1],
];
const W1 = [
  [0.5, 1, -0.4],
  [-1.5, 0.5, 0.6],
];
const B1 = [0.2, -0.5, 0.1];
const W2 = [
  [1, -1],
  [0.5, 0.5],
  [-1, 2],
];
const B2 = [0, 0.1];
const Z = dense(BATCH, W1, B1);
const H = reluOf(Z);
const YHAT = dense(H, W2, B2);

// One perceptron update, written out coordinate by coordinate.
function perceptron(w: number[], b: number, rate: number, x: number[], y: number): { w: number[]; b: number } {
  const error = y - stepOf(dot(w, x) + b);
  return { w: w.map((wi, i) => wi + rate * error * x[i]), b: b + rate * error };
}
const after = perceptron([0.3, -0.6], 0.2, 0.5, [1, 1], 1);

// The running neuron as linear regression (target 0.5) and logistic regression (label 1, one
// gradient step of 0.5), written from the closed forms: ∂ℓ/∂b = 2(ŷ − y) and ∂ℓ/∂z = p − y.
const bce = (p: number, y: number) => -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
const pRun = sigmoid(z);
const logStep = { w: X.map((xi, i) => W[i] - 0.5 * (pRun - 1) * xi), b: 0.2 - 0.5 * (pRun - 1) };
const zAfterStep = dot(logStep.w, X) + logStep.b;
// Exercise 7: w = (1, −2), b = 0.5, x = (1, 1), label 0.
const z7 = 1 - 2 + 0.5;

// XOR: hidden OR and NAND units, output AND.
const XOR_IN = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
const orUnit = (x: number[]) => stepOf(x[0] + x[1] - 0.5);
const nandUnit = (x: number[]) => stepOf(-x[0] - x[1] + 1.5);
const xorNet = (x: number[]) => stepOf(orUnit(x) + nandUnit(x) - 1.5);

const expected: Record<string, number> = {
  product1: W[0] * X[0],
  product2: W[1] * X[1],
  productsSum: W[0] * X[0] + W[1] * X[1],
  weightedSum: z,
  outStep: stepOf(z),
  outSigmoid: sigmoid(z),
  outTanh: Math.tanh(z),
  outRelu: Math.max(0, z),
  weightedSumRaised: zRaised,
  outStepRaised: stepOf(zRaised),
  outSigmoidRaised: sigmoid(zRaised),
  crossX1: -0.2 / 0.5,
  crossX2: -0.2 / -1.5,

  z11: Z[0][0],
  z12: Z[0][1],
  z13: Z[0][2],
  z21: Z[1][0],
  z22: Z[1][1],
  z23: Z[1][2],
  h11: H[0][0],
  h12: H[0][1],
  h13: H[0][2],
  h21: H[1][0],
  h22: H[1][1],
  h23: H[1][2],
  yhat11: YHAT[0][0],
  yhat12: YHAT[0][1],
  yhat21: YHAT[1][0],
  yhat22: YHAT[1][1],

  paramsLayer1: 2 * 3 + 3,
  paramsLayer2: 3 * 2 + 2,
  paramsSmall: countParams([2, 3, 2]),
  paramsMnist: 784 * 128 + 128 + 128 * 64 + 64 + 64 * 10 + 10,
  paramsMnistFirst: 784 * 128 + 128,
  paramsMnistShare: (100 * (784 * 128 + 128)) / countParams([784, 128, 64, 10]),

  linSquaredError: (z - 0.5) ** 2,
  linGradB: 2 * (z - 0.5),
  logOdds: pRun / (1 - pRun),
  oddsFactorW1: Math.exp(0.5),
  logLossPos: bce(pRun, 1),
  logLossNeg: bce(pRun, 0),
  logGradZ: pRun - 1,
  logW1After: logStep.w[0],
  logW2After: logStep.w[1],
  logBAfter: logStep.b,
  logPAfter: sigmoid(zAfterStep),
  logLossAfter: bce(sigmoid(zAfterStep), 1),

  percSumBefore: 0.3 - 0.6 + 0.2,
  percOutBefore: stepOf(0.3 - 0.6 + 0.2),
  percError: 1 - stepOf(0.3 - 0.6 + 0.2),
  percW1After: after.w[0],
  percW2After: after.w[1],
  percBAfter: after.b,
  percSumAfter: dot(after.w, [1, 1]) + after.b,

  xorH1_00: orUnit(XOR_IN[0]),
  xorH1_01: orUnit(XOR_IN[1]),
  xorH1_10: orUnit(XOR_IN[2]),
  xorH1_11: orUnit(XOR_IN[3]),
  xorH2_00: nandUnit(XOR_IN[0]),
  xorH2_01: nandUnit(XOR_IN[1]),
  xorH2_10: nandUnit(XOR_IN[2]),
  xorH2_11: nandUnit(XOR_IN[3]),
  xorOut00: xorNet(XOR_IN[0]),
  xorOut01: xorNet(XOR_IN[1]),
  xorOut10: xorNet(XOR_IN[2]),
  xorOut11: xorNet(XOR_IN[3]),
  xorSum1At11: 1 + 1 - 0.5,
  xorSum2At11: -1 - 1 + 1.5,
  xorOutSumAt11: orUnit([1, 1]) + nandUnit([1, 1]) - 1.5,

  andSum00: -1.5,
  andSum01: 1 * 0 + 1 * 1 - 1.5,
  andSum10: 1 * 1 + 1 * 0 - 1.5,
  andSum11: 1 + 1 - 1.5,
  norSum00: 0.5,
  norSum01: -1 + 0.5,
  norSum10: -1 + 0.5,
  norSum11: -2 + 0.5,

  ex1Sum: 0.4 - 0.6 - 1 + 0.5,
  ex1MinusSum: 0.7,
  ex1Exp: Math.exp(0.7),
  ex1: sigmoid(1 * 0.4 + -2 * 0.3 + 0.5 * -2 + 0.5),
  ex2: (3 + 1) * 4 + (4 + 1) * 4 + (4 + 1) * 1,
  ex3: reluOf(dense([[1, 2]], [[0.5, -1, 1], [1, 0.5, -1.5]], [0, 1, 0.5]))[0].reduce((s, v) => s + v, 0),
  ex3z1: 0.5 * 1 + 1 * 2 + 0,
  ex3z2: -1 * 1 + 0.5 * 2 + 1,
  ex3z3: 1 * 1 - 1.5 * 2 + 0.5,
  ex3NoRelu: 2.5 + 1 - 1.5,
  ex3WrongRelu: 2.5 + 1 + 1,
  ex4Sum: 0.4 + 0.1,
  ex4W2: perceptron([0.2, 0.4], 0.1, 0.5, [0, 1], 0).w[1],
  ex4: perceptron([0.2, 0.4], 0.1, 0.5, [0, 1], 0).b,
  ex5: 785 * 256 + 257 * 10,
  ex5Biases: 256 + 10,
  ex6: -1 / 2,
  ex7Sum: z7,
  ex7P: sigmoid(z7),
  ex7: bce(sigmoid(z7), 0),
  ex7WrongTerm: bce(sigmoid(z7), 1),
};

let computed: Map<string, ComputedValue>;
beforeAll(async () => {
  computed = await computeWorkedValues('neurons');
});

describe('worked values of chapter 1 (neurons)', () => {
  it('has exactly the keys this test recomputes', () => {
    const ours = [...computed.keys()].filter((k) => k.startsWith('neurons.')).map((k) => k.slice('neurons.'.length));
    expect(ours.sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [key, want] of Object.entries(expected)) {
    it(key, () => {
      const got = computed.get(`neurons.${key}`);
      expect(got, `neurons.${key} missing`).toBeDefined();
      // float32 engine against float64 reference: 1e-5 relative, with a floor for values near 0.
      expect(Math.abs(got!.value - want)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(want)));
    });
  }

  it('values printed with one digit or none are exact there, so the chapter’s sums can be checked by hand', () => {
    // The one rounded value: a percentage, printed as "about N %".
    const rounded = new Set(['paramsMnistShare']);
    for (const key of Object.keys(expected)) {
      const { value, digits } = computed.get(`neurons.${key}`)!;
      if (digits > 1 || rounded.has(key)) continue;
      expect(Math.abs(Number(value.toFixed(digits)) - value), key).toBeLessThan(1e-5);
    }
  });
});

describe('claims the chapter makes in words', () => {
  it('the layer’s first column and bias are the running neuron', () => {
    expect(column(W1, 0)).toEqual(W);
    expect(Z[0][0]).toBeCloseTo(z, 12);
  });

  it('the OR–NAND–AND network computes XOR on all four inputs', () => {
    expect(XOR_IN.map(xorNet)).toEqual(XOR_IN.map(([a, b]) => (a !== b ? 1 : 0)));
  });

  it('no single threshold neuron computes XOR (a grid search over w₁, w₂, b finds none)', () => {
    const values = Array.from({ length: 41 }, (_, i) => -5 + i * 0.25);
    let found = 0;
    for (const w1 of values)
      for (const w2 of values)
        for (const b of values) {
          if (XOR_IN.every(([a, c]) => stepOf(w1 * a + w2 * c + b) === (a !== c ? 1 : 0))) found++;
        }
    expect(found).toBe(0);
  });

  it('the AND, OR and NAND weights the chapter gives compute their gates', () => {
    const gate = (w1: number, w2: number, b: number) => XOR_IN.map(([a, c]) => stepOf(w1 * a + w2 * c + b));
    expect(gate(1, 1, -1.5)).toEqual([0, 0, 0, 1]); // AND
    expect(gate(1, 1, -0.5)).toEqual([0, 1, 1, 1]); // OR
    expect(gate(-1, -1, 1.5)).toEqual([1, 1, 1, 0]); // NAND
  });

  it('the hidden outputs of the first example are zero except the second, as the text says', () => {
    expect(H[0][0]).toBe(0);
    expect(H[0][1]).toBeGreaterThan(0);
    expect(H[0][2]).toBe(0);
  });

  it('the step neuron at (2, 1) flips exactly when the bias passes minus the sum of products', () => {
    const flipsAt = -(W[0] * X[0] + W[1] * X[1]);
    expect(stepOf(dot(X, W) + flipsAt - 1e-9)).toBe(0);
    expect(stepOf(dot(X, W) + flipsAt + 1e-9)).toBe(1);
  });

  it('the odds are e^z, and the logistic step moves p towards the label and lowers the loss', () => {
    expect(pRun / (1 - pRun)).toBeCloseTo(Math.exp(z), 12);
    expect(pRun).toBeLessThan(0.5); // "already leans towards 0"
    expect(bce(pRun, 0)).toBeLessThan(bce(pRun, 1));
    expect(sigmoid(zAfterStep)).toBeGreaterThan(pRun);
    expect(bce(sigmoid(zAfterStep), 1)).toBeLessThan(bce(pRun, 1));
    // ex1: e^{−z} "only about twice 1", and the output below one half because z < 0.
    expect(Math.exp(0.7)).toBeGreaterThan(1.5);
    expect(Math.exp(0.7)).toBeLessThan(2.5);
  });

  it('after one update the perceptron gets the example right', () => {
    expect(stepOf(0.3 - 0.6 + 0.2)).toBe(0);
    expect(stepOf(dot(after.w, [1, 1]) + after.b)).toBe(1);
  });

  it('the exercise answers are far from the typical wrong answers at their tolerance', () => {
    // ex3 without the ReLU (summing the raw weighted sums) gives 2.
    expect(Math.abs(expected.ex3 - 2)).toBeGreaterThan(0.5);
    // ex5 forgetting the biases gives 784·256 + 256·10.
    expect(expected.ex5 - (784 * 256 + 256 * 10)).toBe(266);
    // ex1 reporting the weighted sum instead of the sigmoid output.
    expect(Math.abs(expected.ex1 - -0.7)).toBeGreaterThan(0.5);
    // ex7 with the wrong term of the cross-entropy (−log p instead of −log(1 − p)).
    expect(Math.abs(expected.ex7 - expected.ex7WrongTerm)).toBeGreaterThan(0.1);
  });
});
