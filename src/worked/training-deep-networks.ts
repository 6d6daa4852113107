// The worked numbers of the chapter on training deep networks, each computed by the engine: the
// symmetric and all-zero starts on XOR, lengths through deep linear stacks, batch and layer
// normalisation on small cases, the first loss of a classifier, and the figures' own measures
// (activation spreads per layer, train/eval gaps, plain against residual). The test in
// tests/content/worked-training-deep-networks.test.ts recomputes them without the engine.
import { losses, nn, noGrad, pow, Random, sqrt, tensor, tidy, zeros, type Tensor } from '../engine/index.ts';
import { copyFirstUnit, makeXorNet, trainXor, unitSpread } from '../widgets/XorLive/xor.ts';
import { batchFor, measure, type Activation, type Scheme } from '../widgets/InitialisationLab/initialisation.ts';
import { trainEvalGap } from '../widgets/BatchNormInside/chapterNumbers.ts';
import { DEFAULT_RACE, startingGradients } from '../models/residual/residualNumbers.ts';
import { once, workedValues, type WorkedValue } from './define.ts';

const v = (digits: number, compute: () => number): WorkedValue => ({ digits, compute });
const scalar = (f: () => Tensor) => tidy(() => f().item());

/** XOR's 2-3-1 network, its hidden units made copies of the first, trained by gradient descent. */
export const SYMMETRY_STEPS = 2000;
export const XOR_RATE = 1;
const symmetricRun = once((): { spread: number; loss: number } => {
  const net = makeXorNet(3, 1);
  try {
    copyFirstUnit(net);
    const loss = trainXor(net, XOR_RATE, SYMMETRY_STEPS);
    return { spread: unitSpread(net), loss };
  } finally {
    net.dispose();
  }
});

/** The same network from its random start, trained the same way: the loss it reaches. */
function randomRun(): number {
  const net = makeXorNet(3, 1);
  try {
    return trainXor(net, XOR_RATE, SYMMETRY_STEPS);
  } finally {
    net.dispose();
  }
}

/** The same network with every weight and bias 0, trained the same way: weights' largest |w| and the loss. */
const zeroRun = once((): { largest: number; loss: number } => {
  const net = makeXorNet(3, 1);
  try {
    const state = net.stateDict();
    for (const key of Object.keys(state)) state[key] = { shape: state[key].shape, values: state[key].values.map(() => 0) };
    net.loadStateDict(state);
    const loss = trainXor(net, XOR_RATE, SYMMETRY_STEPS);
    const after = net.stateDict();
    const largest = Math.max(...Object.entries(after).filter(([k]) => k.endsWith('weight')).flatMap(([, a]) => a.values.map(Math.abs)));
    return { largest, loss };
  } finally {
    net.dispose();
  }
});

/** A length through `depth` square linear layers of `width`, initialised by `init`: ‖x_L‖ / ‖x_0‖. */
export const ORTHO_DEPTH = 50;
export const ORTHO_WIDTH = 64;
function lengthRatio(init: nn.init.Init): number {
  const rng = new Random(3);
  const layers = Array.from({ length: ORTHO_DEPTH }, () => new nn.Linear(ORTHO_WIDTH, ORTHO_WIDTH, { bias: false, init, rng }));
  try {
    return tidy(() =>
      noGrad(() => {
        const x0 = tensor([Array.from({ length: ORTHO_WIDTH }, () => rng.normal())]);
        const x = layers.reduce((h, l) => l.forward(h), x0);
        const norm = (t: Tensor) => Math.hypot(...t.data());
        return norm(x) / norm(x0);
      }),
    );
  } finally {
    layers.forEach((l) => l.dispose());
  }
}
const gaussian: nn.init.Init = (shape, rng) => nn.init.normal(shape, 0, 1 / Math.sqrt(shape[0]), rng);

/** BatchNorm1d in training mode on one batch of one feature, γ and β set: the outputs. */
function batchNorm(values: number[], gamma: number, beta: number): number[] {
  const bn = new nn.BatchNorm1d(1);
  try {
    const state = bn.stateDict();
    state.weight = { shape: [1], values: [gamma] };
    state.bias = { shape: [1], values: [beta] };
    bn.loadStateDict(state);
    return tidy(() => Array.from(bn.forward(tensor(values.map((x) => [x]))).data()));
  } finally {
    bn.dispose();
  }
}

/** The running mean of BatchNorm1d (momentum 0.1) after `batches` training batches of mean `mean`. */
function runningMeanAfter(batches: number, mean: number): number {
  const bn = new nn.BatchNorm1d(1);
  try {
    for (let i = 0; i < batches; i++) tidy(() => bn.forward(tensor([[mean - 1], [mean + 1]])));
    return bn.stateDict().runningMean.values[0];
  } finally {
    bn.dispose();
  }
}

/** LayerNorm (γ = 1, β = 0) of one vector. */
function layerNorm(values: number[]): number[] {
  const ln = new nn.LayerNorm(values.length);
  try {
    return tidy(() => Array.from(ln.forward(tensor([values])).data()));
  } finally {
    ln.dispose();
  }
}

/** The initialisation figure's network: width, depth and seed the chapter quotes. */
export const INIT_WIDTH = 256;
export const INIT_DEPTH = 50;
const stdOf = (values: Float32Array) => {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
};
/** The activations' standard deviation at the last layer over the first's, at multiplier 1. */
function stdRatio(activation: Activation, scheme: Scheme): number {
  const pass = measure({ activation, scheme, depth: INIT_DEPTH, width: INIT_WIDTH, scale: 1, seed: 1 });
  return stdOf(pass.activations[INIT_DEPTH - 1]) / stdOf(pass.activations[0]);
}
const reluXavierRatio = once(() => stdRatio('relu', 'xavier'));
const gradients = once(() => startingGradients());

/** The average factor per layer: the ratio's (depth − 1)-th root. */
const perLayer = (ratio: number) => ratio ** (1 / (INIT_DEPTH - 1));

/** Cross-entropy of all-equal logits over `classes` classes: the loss a classifier should start near. */
const equalLogitsLoss = (classes: number) => scalar(() => losses.crossEntropy(zeros([1, classes]), [0]));
const power = (base: number, exponent: number) => scalar(() => pow(tensor(base), exponent));
const root = (x: number) => scalar(() => sqrt(tensor(x)));

export default workedValues('training-deep-networks', {
  symmetrySteps: v(0, () => SYMMETRY_STEPS),
  symmetrySpread: v(3, () => symmetricRun().spread),
  symmetryLoss: v(3, () => symmetricRun().loss),
  xorLoss: v(3, () => randomRun()),
  zeroWeightNorm: v(0, () => zeroRun().largest),
  zeroLoss: v(3, () => zeroRun().loss),
  grow20: v(0, () => power(1.5, 20)),
  shrink20: v(4, () => power(0.7, 20)),
  skipTen: v(3, () => power(1.01, 10)),
  width: v(0, () => INIT_WIDTH),
  batch: v(0, () => batchFor(INIT_WIDTH)),
  reluXavierFactor: v(3, () => perLayer(reluXavierRatio())),
  reluXavierExp: v(0, () => Math.round(Math.log10(reluXavierRatio()))),
  reluHeFactor: v(3, () => perLayer(stdRatio('relu', 'he'))),
  bnGap4: v(3, () => trainEvalGap(4)),
  bnGap128: v(3, () => trainEvalGap(128)),
  pvrDepth: v(0, () => DEFAULT_RACE.blocks),
  pvrPlainGradExp: v(0, () => Math.round(Math.log10(gradients().plain.firstOverLast))),
  pvrResidualGradRatio: v(2, () => gradients().residual.firstOverLast),
  orthoDepth: v(0, () => ORTHO_DEPTH),
  orthoWidth: v(0, () => ORTHO_WIDTH),
  orthoNormRatio: v(4, () => lengthRatio('orthogonal')),
  gaussNormRatio: v(3, () => lengthRatio(gaussian)),
  bnExampleLast: v(3, () => batchNorm([1, 2, 3, 4], 2, 1)[3]),
  runningMean3: v(3, () => runningMeanAfter(3, 5)),
  lnFirst: v(3, () => layerNorm([2, 4, 6])[0]),
  lnLast: v(3, () => layerNorm([2, 4, 6])[2]),
  initLoss10: v(3, () => equalLogitsLoss(10)),
  ex1: v(4, () => root(2 / (256 + 256))),
  ex2: v(4, () => root(2 / 512)),
  ex3: v(6, () => power(1 / Math.SQRT2, 20)),
  ex4: v(3, () => batchNorm([2, 4, 6, 8], 0.5, -1)[3]),
  ex5: v(3, () => runningMeanAfter(5, 2)),
  ex6: v(3, () => equalLogitsLoss(4)),
  ex7: v(3, () => power(1.2, 10)),
  ex8: v(3, () => layerNorm([1, 1, 4])[2]),
});
