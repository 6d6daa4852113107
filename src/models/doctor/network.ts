// The network the doctor examines: 2 inputs → 16 ReLUs → 16 ReLUs → 2 logits, trained full-batch
// by SGD with momentum on a two-class toy set. A case breaks one thing: the rate, the inputs
// (not standardised, one feature in other units), the second layer's biases (so far below zero
// that every unit there outputs 0), or the loss (handed probabilities where it expects logits).
// Each step also measures what a practitioner would look at: every layer's gradient norm, the
// share of each ReLU layer's units that are active, and the accuracy; the loop reads them back
// with the loss, once a tick.
import { add, concat, data, losses, matmul, max, mean, mul, nn, noGrad, optim, Random, relu, reshape, softmax, tensor, where, zeros, type Tensor } from '../../engine/index.ts';
import { scaledNorm } from '../gradientDepth.ts';
import { BROKEN_RATE, DEAD_BIAS, INPUT_SCALE, MOMENTUM, NOISE, POINTS, RATE, WIDTH, type DoctorCase } from './cases.ts';

export interface DoctorData {
  /** The points as drawn, in the data set's own units. */
  points: number[][];
  labels: number[];
}

export function doctorData({ set, seed }: Pick<DoctorCase, 'set' | 'seed'>): DoctorData {
  const drawn = data.toyDataset(set, { n: POINTS, noise: NOISE, seed });
  return { points: drawn.x, labels: drawn.y };
}

/** Mean and standard deviation of each input feature, as the network receives them. */
export interface FeatureStats {
  means: number[];
  stds: number[];
}

export function featureStats(rows: readonly (readonly number[])[]): FeatureStats {
  const n = Math.max(1, rows.length);
  const dims = rows[0]?.length ?? 0;
  const means = Array.from({ length: dims }, (_, j) => rows.reduce((s, r) => s + r[j], 0) / n);
  const stds = means.map((m, j) => Math.sqrt(rows.reduce((s, r) => s + (r[j] - m) ** 2, 0) / n));
  return { means, stds };
}

/**
 * What the network is fed, from the points in their own units: standardised feature by feature
 * with the training set's statistics, or, in the broken input case, fed raw with the second
 * feature in units a thousand times smaller. Returns the map, to send a grid through it too.
 */
export function inputMap(points: readonly (readonly number[])[], raw: boolean): (p: readonly number[]) => number[] {
  if (raw) return (p) => [p[0], p[1] * INPUT_SCALE];
  const { means, stds } = featureStats(points);
  return (p) => p.map((v, j) => (v - means[j]) / (stds[j] || 1));
}

export interface DoctorNet {
  layers: [nn.Linear, nn.Linear, nn.Linear];
  /** The case's loss: 'logits' as it should be, or 'softmaxTwice' (probabilities into a cross-entropy). */
  loss: 'logits' | 'softmaxTwice';
}

/** The case's fault, or none when it has been fixed. */
export type Broken = DoctorCase['fault'] | null;

/** The network of a case, its weights drawn from the seed (He initialisation for the ReLUs). */
export function buildDoctorNet(seed: number, broken: Broken): DoctorNet {
  const rng = new Random(seed);
  const layers: DoctorNet['layers'] = [
    new nn.Linear(2, WIDTH, { rng, init: 'kaimingNormal' }),
    new nn.Linear(WIDTH, WIDTH, { rng, init: 'kaimingNormal' }),
    new nn.Linear(WIDTH, 2, { rng, init: 'xavierNormal' }),
  ];
  if (broken === 'dead') {
    const state = layers[1].stateDict();
    state.bias = { shape: state.bias.shape, values: state.bias.values.map(() => DEAD_BIAS) };
    layers[1].loadStateDict(state);
  }
  return { layers, loss: broken === 'loss' ? 'softmaxTwice' : 'logits' };
}

export function doctorRate(broken: Broken): number {
  return broken === 'rate' ? BROKEN_RATE : RATE;
}

export function doctorOptimizer(net: DoctorNet, broken: Broken): optim.SGD {
  return new optim.SGD(
    net.layers.flatMap((l) => l.parameters()),
    { lr: doctorRate(broken), momentum: MOMENTUM },
  );
}

export function disposeNet(net: DoctorNet): void {
  for (const l of net.layers) l.dispose();
}

/** The training batch as tensors: inputs [n, 2], and the labels in the forms the measures use. */
export interface DoctorBatch {
  x: Tensor;
  labels: number[];
  /** 1 − y and 2y − 1, [n, 1]: a point is right when (1 − y) + (2y − 1)·[class 1 predicted] is 1. */
  notY: Tensor;
  signY: Tensor;
  dispose(): void;
}

export function doctorBatch(rows: readonly (readonly number[])[], labels: number[]): DoctorBatch {
  const x = tensor(rows.map((r) => [r[0], r[1]]));
  const notY = tensor(labels.map((y) => [1 - y]));
  const signY = tensor(labels.map((y) => [2 * y - 1]));
  return {
    x,
    labels,
    notY,
    signY,
    dispose() {
      x.dispose();
      notY.dispose();
      signY.dispose();
    },
  };
}

export interface Forward {
  hidden: [Tensor, Tensor];
  logits: Tensor;
}

export function forward(net: DoctorNet, x: Tensor): Forward {
  const [l1, l2, l3] = net.layers;
  const h1 = relu(l1.forward(x));
  const h2 = relu(l2.forward(h1));
  return { hidden: [h1, h2], logits: l3.forward(h2) };
}

// #region step
/** The loss the case computes: the cross-entropy of the logits, or of their softmax (a softmax twice). */
export function caseLoss(net: DoctorNet, logits: Tensor, labels: number[]): Tensor {
  return losses.crossEntropy(net.loss === 'softmaxTwice' ? softmax(logits, 1) : logits, labels);
}

/**
 * One step, forward, backward, update; returns the loss and, measured before the update: each
 * layer's gradient norm (weights and biases together), the share of each ReLU layer's units that
 * output more than 0 for at least one point, and the accuracy.
 */
export function doctorStep(net: DoctorNet, opt: optim.Optimizer, batch: DoctorBatch) {
  opt.zeroGrad();
  const out = forward(net, batch.x);
  const loss = caseLoss(net, out.logits, batch.labels);
  loss.backward();
  const measures = noGrad(() => ({
    grad1: gradientNorm(net.layers[0]),
    grad2: gradientNorm(net.layers[1]),
    grad3: gradientNorm(net.layers[2]),
    active1: activeShare(out.hidden[0]),
    active2: activeShare(out.hidden[1]),
    accuracy: accuracyOf(out.logits, batch),
  }));
  opt.step();
  return { loss, ...measures };
}
// #endregion

/** ‖∂L/∂θ‖ of a layer's weights and bias together (scaled, so a huge or tiny gradient stays finite). */
export function gradientNorm(layer: nn.Linear): Tensor {
  const parts = layer.parameters().map((p) => reshape(p.grad ?? zeros(p.shape), [p.size]));
  return scaledNorm(concat(parts, 0));
}

/** Share of the layer's units whose output is above 0 for at least one point (a ReLU outputs ≥ 0). */
export function activeShare(h: Tensor): Tensor {
  return mean(where(max(h, 0), 1, 0));
}

/** Share of the points whose larger logit is their class (a tie counts as class 0, as argmax does). */
export function accuracyOf(logits: Tensor, batch: Pick<DoctorBatch, 'notY' | 'signY'>): Tensor {
  const margin = matmul(logits, tensor([[-1], [1]]));
  const saysOne = where(relu(margin), 1, 0);
  return mean(add(batch.notY, mul(batch.signY, saysOne)));
}
