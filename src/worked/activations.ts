// Chapter 2's worked numbers (activations), each computed by the engine. The chapter quotes them
// with <Computed of="activations.key" /> and \computed{activations.key}; the test in
// tests/content/worked-activations.test.ts recomputes every one in plain JavaScript.
import {
  add,
  argmax,
  div,
  elu,
  exp,
  gelu,
  leakyRelu,
  matmul,
  max,
  minimum,
  mul,
  neg,
  pow,
  relu,
  sigmoid,
  softmax,
  softplus,
  sqrt,
  square,
  sub,
  sum,
  tanh,
  tensor,
  tidy,
  type Tensor,
} from '../engine/index.ts';
import { layerGradientNorms, type DepthSetup } from '../models/gradientDepth.ts';
import { workedValues, type WorkedValue } from './define.ts';

type Activation = (t: Tensor) => Tensor;

// The engine has no SiLU, PReLU or SELU op: each is composed here from the ops it has.

/** SiLU (Swish with β = 1): z·sigmoid(z). */
const silu: Activation = (t) => mul(t, sigmoid(t));

/** PReLU: max(0, z) + α·min(0, z), with the slope α a tensor that can receive a gradient. */
const prelu = (t: Tensor, alpha: Tensor | number): Tensor => add(relu(t), mul(alpha, minimum(t, 0)));

/**
 * SELU's constants from their closed forms (Klambauer et al., 2017, eq. 14), with Φ, the normal
 * CDF, read off the engine's exact GELU: Φ(z) = GELU(z)/z. erfc(1/√2) = 2Φ(−1), erfc(√2) = 2Φ(−2).
 */
function seluConstants(): { lambda: number; alpha: number } {
  return tidy(() => {
    const Phi = (z: number) => div(gelu(tensor(z)), z);
    const e1 = mul(Phi(-1), 2); // erfc(1/√2)
    const e2 = mul(Phi(-2), 2); // erfc(√2)
    const sqrtE = Math.exp(0.5);
    // α = −√(2/π) / (erfc(1/√2)·√e − 1)
    const alpha = div(-Math.sqrt(2 / Math.PI), sub(mul(e1, sqrtE), 1));
    // λ = (1 − erfc(1/√2)·√e)·√(2π) / √(2·erfc(√2)·e² + π·erfc(1/√2)²·e − 2(2 + π)·erfc(1/√2)·√e + π + 2)
    const inner = add(
      add(mul(e2, 2 * Math.E ** 2), mul(square(e1), Math.PI * Math.E)),
      add(mul(e1, -2 * (2 + Math.PI) * sqrtE), Math.PI + 2),
    );
    const lambda = div(mul(sub(1, mul(e1, sqrtE)), Math.sqrt(2 * Math.PI)), sqrt(inner));
    return { lambda: lambda.item(), alpha: alpha.item() };
  });
}

/** SELU: λ·z for z > 0, λα(eᶻ − 1) for z ≤ 0, with the engine's constants. */
const selu: Activation = (t) => {
  const { lambda, alpha } = seluConstants();
  return mul(add(relu(t), mul(sub(exp(minimum(t, 0)), 1), alpha)), lambda);
};

/** The activations of the chapter's table, with the engine's defaults (leaky slope 0.01, ELU α = 1). */
const table: Record<string, Activation> = {
  sigmoid,
  tanh,
  relu,
  leakyRelu: (t) => leakyRelu(t, 0.01),
  elu: (t) => elu(t, 1),
  gelu,
  silu,
  selu,
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

/** The minimum of f on the grid −3, −2.99, …, 0 and where it is reached. */
function gridMinimum(f: Activation): { value: number; at: number } {
  const zs = Array.from({ length: 301 }, (_, i) => -3 + i / 100);
  return tidy(() => {
    const values = f(tensor(zs));
    const i = argmax(neg(values))[0];
    return { value: values.data()[i], at: zs[i] };
  });
}

/**
 * SELU's output mean and variance for a standard normal input, E[f(z)] and E[f(z)²] − E[f(z)]²,
 * by the midpoint rule on z ∈ [−10, 10] with step 0.001.
 */
function seluMoments(): { mean: number; variance: number } {
  const step = 0.001;
  const zs = Array.from({ length: 20000 }, (_, i) => -10 + (i + 0.5) * step);
  return tidy(() => {
    const z = tensor(zs);
    const weight = mul(exp(mul(square(z), -0.5)), step / Math.sqrt(2 * Math.PI)); // φ(z)·Δz
    const out = selu(z);
    const m = sum(mul(out, weight));
    const second = sum(mul(square(out), weight));
    return { mean: m.item(), variance: sub(second, square(m)).item() };
  });
}

// A gated layer, 2 inputs → 2 units: the gate path xW, the value path xV (Shazeer, 2020, without
// biases). GLU multiplies the value by sigmoid(xW), SwiGLU by SiLU(xW).
const xGate = [[1, -1]];
const WGate = [
  [1, 0],
  [-1, 2],
];
const VGate = [
  [1, 2],
  [-1, 1],
];

function gated(gate: Activation, j: number): number {
  return tidy(() => {
    const x = tensor(xGate);
    return mul(gate(matmul(x, tensor(WGate))), matmul(x, tensor(VGate))).data()[j];
  });
}

/** ∂PReLU(z)/∂α at z with slope α: the gradient that trains the slope. */
function preluAlphaGradient(z: number, alpha: number): number {
  return tidy(() => {
    const a = tensor(alpha, undefined, { requiresGrad: true });
    prelu(tensor(z), a).backward();
    return a.grad!.item();
  });
}

/** The gradient-depth figure's per-layer norms (seed 1), computed once per setting. */
const depthCache = new Map<string, number[]>();
function depthNorms(activation: DepthSetup['activation'], init: DepthSetup['init'], depth: number): number[] {
  const key = `${activation}/${init}/${depth}`;
  if (!depthCache.has(key)) depthCache.set(key, layerGradientNorms({ activation, init, depth, seed: 1 }));
  return depthCache.get(key)!;
}
const exponentOf = (v: number) => Math.floor(Math.log10(v));

/** The smallest whole z ≥ 1 at which the engine's float32 sigmoid returns exactly 1. */
function sigmoidRoundsToOne(): number {
  return tidy(() => {
    const zs = Array.from({ length: 40 }, (_, i) => i + 1);
    const values = sigmoid(tensor(zs)).data();
    const i = Array.from(values).findIndex((v) => v === 1);
    if (i < 0) throw new Error('sigmoid never reached 1 on 1…40');
    return zs[i];
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
  sigmoidRoundsToOne: { digits: 0, compute: sigmoidRoundsToOne },

  // SiLU's dip, PReLU's slope gradient, SELU's constants and what they do to a standard normal input.
  siluMin: { digits: 3, compute: () => gridMinimum(silu).value },
  siluArgmin: { digits: 2, compute: () => gridMinimum(silu).at },
  preluAtMinus2: { digits: 2, compute: () => tidy(() => prelu(tensor(-2), 0.25).item()) },
  preluAlphaGradAtMinus2: { digits: 0, compute: () => preluAlphaGradient(-2, 0.25) },
  seluLambda: { digits: 4, compute: () => seluConstants().lambda },
  seluAlpha: { digits: 4, compute: () => seluConstants().alpha },
  seluFloor: { digits: 3, compute: () => -seluConstants().lambda * seluConstants().alpha },
  seluMean: { digits: 3, compute: () => seluMoments().mean },
  seluVariance: { digits: 3, compute: () => seluMoments().variance },

  // A gated layer on x = [1, −1]: gate pre-activations xW = [2, −2], values xV = [2, 1].
  gluOut1: { digits: 3, compute: () => gated(sigmoid, 0) },
  gluOut2: { digits: 3, compute: () => gated(sigmoid, 1) },
  swigluOut1: { digits: 3, compute: () => gated(silu, 0) },
  swigluOut2: { digits: 3, compute: () => gated(silu, 1) },

  // Vanishing gradients through depth (scalar chains a ← f(w·a), w = 1, starting at 0).
  // 4¹⁰, in millions.
  sigmoidBoundFactor10Millions: { digits: 2, compute: () => tidy(() => div(1, pow(tensor(0.25), 10)).item()) / 1e6 },
  // The factor by which the chain shrinks the gradient, in millions.
  sigmoidChain10Millions: { digits: 1, compute: () => 1 / chainSlope(sigmoid, 10, 0, 1) / 1e6 },
  tanhChain10: { digits: 2, compute: () => chainSlope(tanh, 10, 0, 1) },
  reluChain10: { digits: 2, compute: () => chainSlope(relu, 10, 0.5, 1) },
  // Exploding: the same ReLU chain with weights 1.5.
  reluChain10Weight15: { digits: 1, compute: () => chainSlope(relu, 10, 0.5, 1.5) },

  // The gradient-depth figure at 20 hidden layers, seed 1. ReLU with N(0, 0.01²) weights: layer 1's
  // gradient norm as mantissa × 10^exponent.
  depthReluSmallExponent: { digits: 0, compute: () => exponentOf(depthNorms('relu', 'small', 20)[0]) },
  depthReluSmallMantissa: {
    digits: 1,
    compute: () => {
      const v = depthNorms('relu', 'small', 20)[0];
      return v / 10 ** exponentOf(v);
    },
  },
  // tanh with N(0, 1) weights: layer 1's gradient over layer 20's (it grows towards the input).
  depthTanhLargeRatio: { digits: 0, compute: () => depthNorms('tanh', 'large', 20)[0] / depthNorms('tanh', 'large', 20)[19] },
  // ReLU with N(0, 1) weights: the power of ten of layer 1's gradient norm.
  depthReluLargeExponent: { digits: 0, compute: () => exponentOf(depthNorms('relu', 'large', 20)[0]) },

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
