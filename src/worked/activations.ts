// Chapter 2's worked numbers (activations), each computed by the engine. The chapter quotes them
// with <Computed of="activations.key" /> and \computed{activations.key}; the test in
// tests/content/worked-activations.test.ts recomputes every one in plain JavaScript.
import {
  add,
  div,
  elu,
  gelu,
  leakyRelu,
  matmul,
  max,
  mul,
  pow,
  relu,
  sigmoid,
  softmax,
  softplus,
  sum,
  tanh,
  tensor,
  tidy,
  type Tensor,
} from '../engine/index.ts';
import { workedValues, type WorkedValue } from './define.ts';

type Activation = (t: Tensor) => Tensor;

/** The activations of the chapter's table, with the engine's defaults (leaky slope 0.01, ELU α = 1). */
const table: Record<string, Activation> = {
  sigmoid,
  tanh,
  relu,
  leakyRelu: (t) => leakyRelu(t, 0.01),
  elu: (t) => elu(t, 1),
  gelu,
  softplus,
};

/** f(x) by the engine. */
function valueAt(f: Activation, x: number): number {
  return tidy(() => f(tensor([x])).item());
}

/** f′(x) by the engine's autodiff: backward from f(x) and read the input's gradient. */
function slopeAt(f: Activation, x: number): number {
  return tidy(() => {
    const input = tensor([x], undefined, { requiresGrad: true });
    f(input).backward();
    return input.grad!.item();
  });
}

/** The derivative of a chain of `depth` units a ← f(w·a), from the chain's input to its output. */
function chainSlope(f: Activation, depth: number, start: number, weight: number): number {
  return tidy(() => {
    const input = tensor([start], undefined, { requiresGrad: true });
    let a: Tensor = input;
    for (let k = 0; k < depth; k++) a = f(mul(a, weight));
    a.backward();
    return input.grad!.item();
  });
}

/** Entry i of softmax(logits / temperature). */
function softmaxEntry(logits: number[], temperature: number, i: number): number {
  return tidy(() => softmax(div(tensor(logits), temperature)).data()[i]);
}

// Two linear layers, 2 → 2 → 2, and the single layer they collapse to: W = W1·W2, b = b1·W2 + b2.
const W1 = [
  [1, -1],
  [2, 0.5],
];
const b1 = [0.5, -1];
const W2 = [
  [1, 2],
  [-1, 0.5],
];
const b2 = [0, 1];
const xCollapse = [[1, 0.5]];

function collapsed(): { W: number[][]; b: number[] } {
  return tidy(() => {
    const W = matmul(tensor(W1), tensor(W2)).toArray() as number[][];
    const b = add(matmul(tensor([b1]), tensor(W2)), tensor(b2)).toArray() as number[][];
    return { W, b: b[0] };
  });
}

/** Output entry j of the two layers, with `between` applied to the hidden layer. */
function twoLayers(j: number, between: Activation | null): number {
  return tidy(() => {
    const hidden = add(matmul(tensor(xCollapse), tensor(W1)), tensor(b1));
    const h = between ? between(hidden) : hidden;
    return add(matmul(h, tensor(W2)), tensor(b2)).data()[j];
  });
}

/** Output entry j of the collapsed single layer. */
function oneLayer(j: number): number {
  const { W, b } = collapsed();
  return tidy(() => add(matmul(tensor(xCollapse), tensor(W)), tensor(b)).data()[j]);
}

// A dead ReLU unit: weights [0.5, −0.5], bias −4, on the four corners of the square [−1, 1]².
const corners = [
  [1, 1],
  [1, -1],
  [-1, 1],
  [-1, -1],
];
const deadWeights = [[0.5], [-0.5]];
const deadBias = -4;

/** d(Σ f(x·w + b))/db over the four corners. */
function biasGradient(f: Activation): number {
  return tidy(() => {
    const bias = tensor([deadBias], undefined, { requiresGrad: true });
    sum(f(add(matmul(tensor(corners), tensor(deadWeights)), bias))).backward();
    return bias.grad!.item();
  });
}

const tableValues: Record<string, WorkedValue> = {};
for (const [name, f] of Object.entries(table)) {
  tableValues[`${name}AtMinus2`] = { digits: 3, compute: () => valueAt(f, -2) };
  tableValues[`${name}SlopeAtMinus2`] = { digits: 3, compute: () => slopeAt(f, -2) };
  tableValues[`${name}At1`] = { digits: 3, compute: () => valueAt(f, 1) };
  tableValues[`${name}SlopeAt1`] = { digits: 3, compute: () => slopeAt(f, 1) };
}

export default workedValues('activations', {
  // Collapse of two linear layers into one.
  collapseW11: { digits: 2, compute: () => collapsed().W[0][0] },
  collapseW12: { digits: 2, compute: () => collapsed().W[0][1] },
  collapseW21: { digits: 2, compute: () => collapsed().W[1][0] },
  collapseW22: { digits: 2, compute: () => collapsed().W[1][1] },
  collapseB1: { digits: 2, compute: () => collapsed().b[0] },
  collapseB2: { digits: 2, compute: () => collapsed().b[1] },
  twoLayerOut1: { digits: 3, compute: () => twoLayers(0, null) },
  twoLayerOut2: { digits: 3, compute: () => twoLayers(1, null) },
  oneLayerOut1: { digits: 3, compute: () => oneLayer(0) },
  oneLayerOut2: { digits: 3, compute: () => oneLayer(1) },
  hiddenPre1: { digits: 2, compute: () => tidy(() => add(matmul(tensor(xCollapse), tensor(W1)), tensor(b1)).data()[0]) },
  hiddenPre2: { digits: 2, compute: () => tidy(() => add(matmul(tensor(xCollapse), tensor(W1)), tensor(b1)).data()[1]) },
  reluOut1: { digits: 3, compute: () => twoLayers(0, relu) },
  reluOut2: { digits: 3, compute: () => twoLayers(1, relu) },

  // Table of values and slopes at x = −2 and x = 1.
  ...tableValues,

  // Sigmoid in detail.
  sigmoidAt2: { digits: 4, compute: () => valueAt(sigmoid, 2) },
  sigmoidMaxSlope: { digits: 2, compute: () => slopeAt(sigmoid, 0) },
  sigmoidSlopeAt5: { digits: 4, compute: () => slopeAt(sigmoid, 5) },
  sigmoidSlopeAt10: { digits: 6, compute: () => slopeAt(sigmoid, 10) },
  tanhMaxSlope: { digits: 2, compute: () => slopeAt(tanh, 0) },
  tanhSlopeAt3: { digits: 4, compute: () => slopeAt(tanh, 3) },
  softplusAt0: { digits: 4, compute: () => valueAt(softplus, 0) },
  geluAtMinus075: { digits: 3, compute: () => valueAt(gelu, -0.75) },

  // Vanishing gradients through depth (scalar chains a ← f(w·a), w = 1, starting at 0).
  sigmoidBoundFactor10: { digits: 0, compute: () => tidy(() => div(1, pow(tensor(0.25), 10)).item()) },
  // The factor by which the chain shrinks the gradient, in millions.
  sigmoidChain10Millions: { digits: 1, compute: () => 1 / chainSlope(sigmoid, 10, 0, 1) / 1e6 },
  tanhChain10: { digits: 2, compute: () => chainSlope(tanh, 10, 0, 1) },
  reluChain10: { digits: 2, compute: () => chainSlope(relu, 10, 0.5, 1) },

  // Dead ReLU.
  deadPreMax: { digits: 0, compute: () => tidy(() => max(add(matmul(tensor(corners), tensor(deadWeights)), deadBias)).item()) },
  deadBiasGrad: { digits: 2, compute: () => biasGradient(relu) },
  leakyBiasGrad: { digits: 2, compute: () => biasGradient((t) => leakyRelu(t, 0.01)) },

  // Softmax: logits [2, 1, 0.1], the same shifted by 100, and at temperatures 0.5, 2 and 5.
  softmaxP1: { digits: 3, compute: () => softmaxEntry([2, 1, 0.1], 1, 0) },
  softmaxP2: { digits: 3, compute: () => softmaxEntry([2, 1, 0.1], 1, 1) },
  softmaxP3: { digits: 3, compute: () => softmaxEntry([2, 1, 0.1], 1, 2) },
  softmaxShiftedP1: { digits: 3, compute: () => softmaxEntry([102, 101, 100.1], 1, 0) },
  softmaxT05P1: { digits: 3, compute: () => softmaxEntry([2, 1, 0.1], 0.5, 0) },
  softmaxT05P3: { digits: 3, compute: () => softmaxEntry([2, 1, 0.1], 0.5, 2) },
  softmaxT2P1: { digits: 3, compute: () => softmaxEntry([2, 1, 0.1], 2, 0) },
  softmaxT2P3: { digits: 3, compute: () => softmaxEntry([2, 1, 0.1], 2, 2) },
  softmaxT5P1: { digits: 3, compute: () => softmaxEntry([2, 1, 0.1], 5, 0) },
  softmaxT5P3: { digits: 3, compute: () => softmaxEntry([2, 1, 0.1], 5, 2) },

  // Exercises.
  ex1: { digits: 3, compute: () => valueAt(sigmoid, -1) },
  ex2: { digits: 3, compute: () => slopeAt(sigmoid, 1) },
  ex3: { digits: 3, compute: () => softmaxEntry([1, 0], 1, 0) },
  ex4: { digits: 0, compute: () => tidy(() => div(1, pow(tensor(0.25), 5)).item()) },
  ex5: {
    digits: 0,
    // y = (x·[2, −1] + [1, 0.5])·[3, 2]ᵀ − 4 collapses to y = x·w + c; ex5 is w.
    compute: () => tidy(() => matmul(tensor([[2, -1]]), tensor([[3], [2]])).item()),
  },
  ex6: { digits: 3, compute: () => softmaxEntry([2, 0], 0.5, 0) },
  ex7: { digits: 3, compute: () => valueAt((t) => elu(t, 1), -1) },
});
