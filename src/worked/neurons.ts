// Worked numbers of chapter 1, "Neurons, layers and the forward pass". Every number the chapter
// prints about a computation comes from here, computed by the engine (float32, CPU backend) with
// the same ops the widgets use; tests/content/worked-neurons.test.ts recomputes each in plain
// float64 JavaScript.
import { add, div, exp, losses, matmul, mul, neg, nn, relu, sigmoid, sub, sum, tanh, tensor, tidy, where, type Tensor } from '../engine/index.ts';
import { workedValues } from './define.ts';

// The running neuron (two inputs, so the reader can reproduce it in the Neuron widget).
const X = [2, 1];
const W = [0.5, -1.5];
const B = 0.2;
const B_RAISED = 1;

// The running layer: a batch of two examples (rows), two features in, three neurons out. Its first
// column and first bias are the running neuron, so entry (1, 1) is the neuron's weighted sum.
const BATCH = [
  [2, 1],
  [0, -1],
];
const W1 = [
  [0.5, 1, -0.4],
  [-1.5, 0.5, 0.6],
];
const B1 = [0.2, -0.5, 0.1];
// The output layer of the running network (2 → 3 → 2), with no activation.
const W2 = [
  [1, -1],
  [0.5, 0.5],
  [-1, 2],
];
const B2 = [0, 0.1];

// One perceptron update on the AND gate's example (1, 1), whose target is 1.
const PERC_W = [0.3, -0.6];
const PERC_B = 0.2;
const PERC_RATE = 0.5;
const PERC_X = [1, 1];
const PERC_Y = 1;

// XOR from OR, NAND and AND units: hidden unit 1 is OR, hidden unit 2 is NAND, the output is AND.
const XOR_W1 = [
  [1, -1],
  [1, -1],
];
const XOR_B1 = [-0.5, 1.5];
const XOR_W2 = [[1], [1]];
const XOR_B2 = [-1.5];
const XOR_INPUTS = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];

/** The perceptron's threshold: 1 where z > 0, else 0 (as the Neuron widget defines it). */
function step(z: Tensor): Tensor {
  return where(relu(z), 1, 0);
}

/** z = x·w + b for the running neuron, with bias b. */
function neuronSum(b: number): Tensor {
  return add(matmul(tensor([X]), tensor(W.map((v) => [v]))), tensor([b]));
}

function neuronOut(f: (z: Tensor) => Tensor, b = B): number {
  return tidy(() => f(neuronSum(b)).item());
}

/** The product w_i·x_i of the running neuron. */
function neuronProduct(i: number): number {
  return tidy(() => mul(tensor([W[i]]), tensor([X[i]])).item());
}

/** Entry (row, col) of the running layer's weighted sums Z = xW₁ + b₁ (relu: of H = relu(Z)). */
function layerEntry(row: number, col: number, activate: boolean): number {
  return tidy(() => {
    const z = add(matmul(tensor(BATCH), tensor(W1)), tensor(B1));
    return (activate ? relu(z) : z).toArray() as number[][];
  })[row][col];
}

/** Entry (row, col) of the running network's output ŷ = relu(xW₁ + b₁)W₂ + b₂. */
function outputEntry(row: number, col: number): number {
  return tidy(() => {
    const h = relu(add(matmul(tensor(BATCH), tensor(W1)), tensor(B1)));
    return add(matmul(h, tensor(W2)), tensor(B2)).toArray() as number[][];
  })[row][col];
}

/** Trainable numbers of a stack of dense layers of the given widths, counted from the engine's own layers. */
function parameterCount(widths: number[]): number {
  // Zeros: the values do not matter for a count, and no random numbers are drawn.
  const layers = widths.slice(1).map((out, i) => new nn.Linear(widths[i], out, { init: 'zeros' }));
  const model = new nn.Sequential(...layers);
  const count = model.namedParameters().reduce((n, [, p]) => n + p.size, 0);
  model.dispose();
  return count;
}

/** The perceptron update w ← w + η(y − ŷ)x, b ← b + η(y − ŷ), on (PERC_X, PERC_Y). */
function perceptronUpdate(w0: number[], b0: number, rate: number, x0: number[], y0: number): { w: number[]; b: number } {
  return tidy(() => {
    const x = tensor([x0]);
    const w = tensor(w0.map((v) => [v]));
    const b = tensor([b0]);
    const error = sub(tensor([y0]), step(add(matmul(x, w), b))); // y − ŷ, shape [1, 1]
    const wNew = add(w, mul(rate, matmul(tensor(x0.map((v) => [v])), error)));
    const bNew = add(b, mul(rate, error));
    return { w: Array.from(wNew.data()), b: bNew.item() };
  });
}

function perceptronSum(w0: number[], b0: number, x0: number[]): number {
  return tidy(() => add(matmul(tensor([x0]), tensor(w0.map((v) => [v]))), tensor([b0])).item());
}

const perceptronAfter = () => perceptronUpdate(PERC_W, PERC_B, PERC_RATE, PERC_X, PERC_Y);

/** The XOR network on its four inputs: hidden outputs [4, 2] and outputs [4, 1], plus the sums. */
function xorNetwork(): { hiddenSum: number[][]; hidden: number[][]; outSum: number[]; out: number[] } {
  return tidy(() => {
    const hiddenSum = add(matmul(tensor(XOR_INPUTS), tensor(XOR_W1)), tensor(XOR_B1));
    const hidden = step(hiddenSum);
    const outSum = add(matmul(hidden, tensor(XOR_W2)), tensor(XOR_B2));
    return {
      hiddenSum: hiddenSum.toArray() as number[][],
      hidden: hidden.toArray() as number[][],
      outSum: Array.from(outSum.data()),
      out: Array.from(step(outSum).data()),
    };
  });
}

/** Where the boundary w₁x₁ + w₂x₂ + b = 0 crosses an axis: −b / w_i. */
function axisCrossing(w: number, b: number): number {
  return tidy(() => sub(0, tensor([b])).item() / w);
}

/** The weighted sum of a two-input gate neuron at corner k of the unit square (00, 01, 10, 11). */
function gateSum(w: number[], b: number, k: number): number {
  return perceptronSum(w, b, XOR_INPUTS[k]);
}

/** Exercise 3's layer, x = (1, 2): the weighted sums z, or the outputs relu(z). */
function ex3Layer(activate: boolean): number[] {
  return tidy(() => {
    const z = add(matmul(tensor([[1, 2]]), tensor([[0.5, -1, 1], [1, 0.5, -1.5]])), tensor([0, 1, 0.5]));
    return Array.from((activate ? relu(z) : z).data());
  });
}

// The running neuron as a regression model. Linear regression: no activation, squared error
// against the target REG_TARGET. Logistic regression: sigmoid, binary cross-entropy against the
// label LOGIT_LABEL, and one gradient step of size LOGIT_RATE.
const REG_TARGET = 0.5;
const LOGIT_LABEL = 1;
const LOGIT_RATE = 0.5;

/** Squared error (ŷ − y)² of the linear neuron, and ∂ℓ/∂b = 2(ŷ − y) by the engine's autograd. */
function linearRegression(): { loss: number; gradB: number } {
  return tidy(() => {
    const b = tensor([B], undefined, { requiresGrad: true });
    const yHat = add(matmul(tensor([X]), tensor(W.map((v) => [v]))), b);
    const loss = losses.mseLoss(yHat, tensor([[REG_TARGET]]));
    loss.backward();
    return { loss: loss.item(), gradB: b.grad!.item() };
  });
}

/**
 * Logistic regression on one example: the loss −log p (label 1) or −log(1 − p) (label 0), its
 * gradient by autograd (∂ℓ/∂b = ∂ℓ/∂z = p − y), one gradient-descent step, and p and the loss after it.
 */
function logisticStep(
  w0: number[],
  b0: number,
  x0: number[],
  label: number,
  rate: number,
): { loss: number; gradZ: number; w: number[]; b: number; pAfter: number; lossAfter: number } {
  return tidy(() => {
    const x = tensor([x0]);
    const w = tensor(w0.map((v) => [v]), undefined, { requiresGrad: true });
    const b = tensor([b0], undefined, { requiresGrad: true });
    const loss = losses.bceWithLogits(add(matmul(x, w), b), tensor([[label]]));
    loss.backward();
    const wNew = sub(w, mul(rate, w.grad!));
    const bNew = sub(b, mul(rate, b.grad!));
    const zNew = add(matmul(x, wNew), bNew);
    return {
      loss: loss.item(),
      gradZ: b.grad!.item(),
      w: Array.from(wNew.data()),
      b: bNew.item(),
      pAfter: sigmoid(zNew).item(),
      lossAfter: losses.bceWithLogits(zNew, tensor([[label]])).item(),
    };
  });
}

const runningLogistic = (label = LOGIT_LABEL) => logisticStep(W, B, X, label, LOGIT_RATE);

/** Exercise 7: p = sigmoid(z) for w = (1, −2), b = 0.5, x = (1, 1). */
const ex7Logit = () => perceptronSum([1, -2], 0.5, [1, 1]);

const digits0 = (compute: () => number) => ({ digits: 0, compute });
const xorHidden = (row: number, unit: number) => digits0(() => xorNetwork().hidden[row][unit]);
const xorOut = (row: number) => digits0(() => xorNetwork().out[row]);

export default workedValues('neurons', {
  // --- One neuron: x = (2, 1), w = (0.5, −1.5), b = 0.2 ------------------------------------------
  product1: { digits: 1, compute: () => neuronProduct(0) },
  product2: { digits: 1, compute: () => neuronProduct(1) },
  // w₁x₁ + w₂x₂ before the bias: the bias must pass its negative for the step neuron to fire.
  productsSum: { digits: 1, compute: () => tidy(() => add(tensor([neuronProduct(0)]), tensor([neuronProduct(1)])).item()) },
  weightedSum: { digits: 1, compute: () => tidy(() => neuronSum(B).item()) },
  outStep: { digits: 0, compute: () => neuronOut(step) },
  outSigmoid: { digits: 3, compute: () => neuronOut(sigmoid) },
  outTanh: { digits: 3, compute: () => neuronOut(tanh) },
  outRelu: { digits: 0, compute: () => neuronOut(relu) },
  // The same neuron with its bias raised to 1.
  weightedSumRaised: { digits: 1, compute: () => tidy(() => neuronSum(B_RAISED).item()) },
  outStepRaised: { digits: 0, compute: () => neuronOut(step, B_RAISED) },
  outSigmoidRaised: { digits: 3, compute: () => neuronOut(sigmoid, B_RAISED) },
  // Where the neuron's boundary line crosses the x₁ and x₂ axes.
  crossX1: { digits: 1, compute: () => axisCrossing(W[0], B) },
  crossX2: { digits: 2, compute: () => axisCrossing(W[1], B) },

  // --- A layer on a batch: Z = xW₁ + b₁ ([2, 3]) and H = relu(Z) ------------------------------------
  z11: { digits: 1, compute: () => layerEntry(0, 0, false) },
  z12: { digits: 1, compute: () => layerEntry(0, 1, false) },
  z13: { digits: 1, compute: () => layerEntry(0, 2, false) },
  z21: { digits: 1, compute: () => layerEntry(1, 0, false) },
  z22: { digits: 1, compute: () => layerEntry(1, 1, false) },
  z23: { digits: 1, compute: () => layerEntry(1, 2, false) },
  h11: { digits: 1, compute: () => layerEntry(0, 0, true) },
  h12: { digits: 1, compute: () => layerEntry(0, 1, true) },
  h13: { digits: 1, compute: () => layerEntry(0, 2, true) },
  h21: { digits: 1, compute: () => layerEntry(1, 0, true) },
  h22: { digits: 1, compute: () => layerEntry(1, 1, true) },
  h23: { digits: 1, compute: () => layerEntry(1, 2, true) },
  // The output layer: ŷ = HW₂ + b₂ ([2, 2]).
  yhat11: { digits: 1, compute: () => outputEntry(0, 0) },
  yhat12: { digits: 1, compute: () => outputEntry(0, 1) },
  yhat21: { digits: 1, compute: () => outputEntry(1, 0) },
  yhat22: { digits: 1, compute: () => outputEntry(1, 1) },

  // --- Counting parameters -------------------------------------------------------------------------
  paramsLayer1: digits0(() => parameterCount([2, 3])),
  paramsLayer2: digits0(() => parameterCount([3, 2])),
  paramsSmall: digits0(() => parameterCount([2, 3, 2])),
  paramsMnist: digits0(() => parameterCount([784, 128, 64, 10])),
  paramsMnistFirst: digits0(() => parameterCount([784, 128])),
  paramsMnistShare: { digits: 0, compute: () => (100 * parameterCount([784, 128])) / parameterCount([784, 128, 64, 10]) },

  // --- One perceptron update (AND, example (1, 1), target 1, η = 0.5) --------------------------------
  percSumBefore: { digits: 1, compute: () => perceptronSum(PERC_W, PERC_B, PERC_X) },
  percOutBefore: { digits: 0, compute: () => tidy(() => step(tensor([perceptronSum(PERC_W, PERC_B, PERC_X)])).item()) },
  percError: { digits: 0, compute: () => tidy(() => sub(PERC_Y, step(tensor([perceptronSum(PERC_W, PERC_B, PERC_X)]))).item()) },
  percW1After: { digits: 1, compute: () => perceptronAfter().w[0] },
  percW2After: { digits: 1, compute: () => perceptronAfter().w[1] },
  percBAfter: { digits: 1, compute: () => perceptronAfter().b },
  percSumAfter: { digits: 1, compute: () => perceptronSum(perceptronAfter().w, perceptronAfter().b, PERC_X) },

  // --- XOR from OR, NAND and AND ------------------------------------------------------------------------
  xorH1_00: xorHidden(0, 0),
  xorH1_01: xorHidden(1, 0),
  xorH1_10: xorHidden(2, 0),
  xorH1_11: xorHidden(3, 0),
  xorH2_00: xorHidden(0, 1),
  xorH2_01: xorHidden(1, 1),
  xorH2_10: xorHidden(2, 1),
  xorH2_11: xorHidden(3, 1),
  xorOut00: xorOut(0),
  xorOut01: xorOut(1),
  xorOut10: xorOut(2),
  xorOut11: xorOut(3),
  // The sums at input (1, 1), shown step by step.
  xorSum1At11: { digits: 1, compute: () => xorNetwork().hiddenSum[3][0] },
  xorSum2At11: { digits: 1, compute: () => xorNetwork().hiddenSum[3][1] },
  xorOutSumAt11: { digits: 1, compute: () => xorNetwork().outSum[3] },

  // --- Gates: the AND neuron's weighted sums on the four corners; the NOR neuron's (exercise) -------
  andSum00: { digits: 1, compute: () => gateSum([1, 1], -1.5, 0) },
  andSum01: { digits: 1, compute: () => gateSum([1, 1], -1.5, 1) },
  andSum10: { digits: 1, compute: () => gateSum([1, 1], -1.5, 2) },
  andSum11: { digits: 1, compute: () => gateSum([1, 1], -1.5, 3) },
  norSum00: { digits: 1, compute: () => gateSum([-1, -1], 0.5, 0) },
  norSum01: { digits: 1, compute: () => gateSum([-1, -1], 0.5, 1) },
  norSum10: { digits: 1, compute: () => gateSum([-1, -1], 0.5, 2) },
  norSum11: { digits: 1, compute: () => gateSum([-1, -1], 0.5, 3) },

  // --- One neuron as linear and logistic regression (x = (2, 1), w = (0.5, −1.5), b = 0.2) --------
  linSquaredError: { digits: 2, compute: () => linearRegression().loss },
  linGradB: { digits: 1, compute: () => linearRegression().gradB },
  // The odds p/(1 − p) = e^z at the running neuron, and the factor e^{w₁} per unit of x₁.
  logOdds: {
    digits: 3,
    compute: () =>
      tidy(() => {
        const p = sigmoid(neuronSum(B));
        return div(p, sub(1, p)).item();
      }),
  },
  oddsFactorW1: { digits: 3, compute: () => tidy(() => exp(tensor([W[0]])).item()) },
  logLossPos: { digits: 3, compute: () => runningLogistic(1).loss },
  logLossNeg: { digits: 3, compute: () => runningLogistic(0).loss },
  logGradZ: { digits: 3, compute: () => runningLogistic().gradZ },
  logW1After: { digits: 3, compute: () => runningLogistic().w[0] },
  logW2After: { digits: 3, compute: () => runningLogistic().w[1] },
  logBAfter: { digits: 3, compute: () => runningLogistic().b },
  logPAfter: { digits: 3, compute: () => runningLogistic().pAfter },
  logLossAfter: { digits: 3, compute: () => runningLogistic().lossAfter },

  // --- Exercises ---------------------------------------------------------------------------------------
  // ex1: sigmoid output of x = (1, −2, 0.5), w = (0.4, 0.3, −2), b = 0.5.
  ex1: {
    digits: 3,
    compute: () => tidy(() => sigmoid(add(matmul(tensor([[1, -2, 0.5]]), tensor([[0.4], [0.3], [-2]])), tensor([0.5]))).item()),
  },
  ex1Sum: { digits: 1, compute: () => perceptronSum([0.4, 0.3, -2], 0.5, [1, -2, 0.5]) },
  ex1MinusSum: { digits: 1, compute: () => tidy(() => neg(tensor([perceptronSum([0.4, 0.3, -2], 0.5, [1, -2, 0.5])])).item()) },
  ex1Exp: { digits: 3, compute: () => tidy(() => exp(neg(tensor([perceptronSum([0.4, 0.3, -2], 0.5, [1, -2, 0.5])]))).item()) },
  // ex2: parameters of a 3 → 4 → 4 → 1 network.
  ex2: digits0(() => parameterCount([3, 4, 4, 1])),
  // ex3: sum of the outputs of relu(xW + b) for x = (1, 2), W = [[0.5, −1, 1], [1, 0.5, −1.5]], b = (0, 1, 0.5).
  ex3: { digits: 1, compute: () => ex3Layer(true).reduce((s, v) => s + v, 0) },
  ex3z1: { digits: 1, compute: () => ex3Layer(false)[0] },
  ex3z2: { digits: 1, compute: () => ex3Layer(false)[1] },
  ex3z3: { digits: 1, compute: () => ex3Layer(false)[2] },
  // The two wrong answers the solution names: no ReLU at all, and a "ReLU" that gives 1 for z < 0.
  ex3NoRelu: { digits: 1, compute: () => ex3Layer(false).reduce((s, v) => s + v, 0) },
  ex3WrongRelu: { digits: 1, compute: () => ex3Layer(false).reduce((s, v) => s + (v > 0 ? v : 1), 0) },
  // ex4: the new bias after one perceptron update: w = (0.2, 0.4), b = 0.1, η = 0.5, x = (0, 1), y = 0.
  ex4: { digits: 1, compute: () => perceptronUpdate([0.2, 0.4], 0.1, 0.5, [0, 1], 0).b },
  ex4Sum: { digits: 1, compute: () => perceptronSum([0.2, 0.4], 0.1, [0, 1]) },
  ex4W2: { digits: 1, compute: () => perceptronUpdate([0.2, 0.4], 0.1, 0.5, [0, 1], 0).w[1] },
  // ex5: parameters of a 784 → 256 → 10 network.
  ex5: digits0(() => parameterCount([784, 256, 10])),
  // How many of those are biases (what forgetting them loses).
  ex5Biases: digits0(() => tidy(() => sum(tensor([256, 10])).item())),
  // ex6: where the boundary of w = (2, −1), b = 1 crosses the x₁ axis.
  ex6: { digits: 1, compute: () => axisCrossing(2, 1) },
  // ex7: binary cross-entropy of a sigmoid neuron, w = (1, −2), b = 0.5, x = (1, 1), label 0.
  ex7Sum: { digits: 1, compute: ex7Logit },
  ex7P: { digits: 3, compute: () => tidy(() => sigmoid(tensor([ex7Logit()])).item()) },
  ex7: { digits: 3, compute: () => logisticStep([1, -2], 0.5, [1, 1], 0, 0).loss },
  // The slip the solution names: −log p, the term for label 1.
  ex7WrongTerm: { digits: 3, compute: () => logisticStep([1, -2], 0.5, [1, 1], 1, 0).loss },
});
